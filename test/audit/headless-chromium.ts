/**
 * Drives Debian's headless Chromium through the DevTools protocol over `--remote-debugging-pipe`
 * (requests on fd 3, responses on fd 4, each message ended by a NUL byte), so browser tests need no
 * npm package and no network port. Only what the report test needs: open a page, evaluate script,
 * collect console errors, exceptions and log errors, take a screenshot.
 */
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Readable, Writable } from 'node:stream';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--remote-debugging-pipe',
];

const REPLY_TIMEOUT_MS = 30_000;

interface Message {
  readonly id?: number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { readonly message: string };
  readonly sessionId?: string;
}

export class HeadlessChromium {
  /** Starts Chromium with a fresh profile directory. */
  static async launch(): Promise<HeadlessChromium> {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-chromium-'));
    const child = spawn(CHROMIUM, [...FLAGS, `--user-data-dir=${profile}`], { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    const browser = new HeadlessChromium(child, profile);
    await browser.send('Browser.getVersion');
    return browser;
  }

  /** Console errors, uncaught exceptions and error log entries (CSP violations, failed loads) of every page. */
  public readonly errors: string[] = [];
  private readonly input: Writable;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (result: Record<string, unknown>) => void; reject: (error: Error) => void }>();
  private readonly waiters: { method: string; sessionId?: string; resolve: () => void }[] = [];
  private buffer = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    this.input = child.stdio[3] as Writable;
    const output = child.stdio[4] as Readable;
    output.setEncoding('utf8');
    output.on('data', (chunk: string) => this.receive(chunk));
    child.on('exit', (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`chromium exited with code ${code}`));
      this.pending.clear();
    });
  }

  /** Sends one protocol command and resolves to its result. */
  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    const reply = new Promise<Record<string, unknown>>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`no reply to ${method} within ${REPLY_TIMEOUT_MS} ms`));
      }, REPLY_TIMEOUT_MS);
      this.pending.set(id, {
        resolve: (result) => (clearTimeout(timer), resolve(result)),
        reject: (error) => (clearTimeout(timer), reject(error)),
      });
    });
    this.input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    return reply;
  }

  /** Opens `url` in a new tab and resolves once its load event fired; returns the tab's session id. */
  async open(url: string, viewport = { width: 1400, height: 1000 }): Promise<string> {
    const { targetId } = await this.send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const session = String(sessionId);
    for (const domain of ['Page', 'Runtime', 'Log']) await this.send(`${domain}.enable`, {}, session);
    await this.send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false }, session);
    const loaded = this.next('Page.loadEventFired', session);
    await this.send('Page.navigate', { url }, session);
    await loaded;
    return session;
  }

  /** Evaluates `expression` in the page and returns its JSON value. */
  async evaluate<T>(session: string, expression: string): Promise<T> {
    const reply = await this.send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true }, session);
    const details = reply.exceptionDetails as { text?: string; exception?: { description?: string } } | undefined;
    if (details) throw new Error(`page script failed: ${details.exception?.description ?? details.text}`);
    return (reply.result as { value: T }).value;
  }

  async screenshot(session: string): Promise<Buffer> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' }, session);
    return Buffer.from(String(data), 'base64');
  }

  /** Stops the browser this object started and removes its profile. */
  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    await this.send('Browser.close').catch(() => undefined);
    const killTimer = setTimeout(() => this.child.kill('SIGKILL'), REPLY_TIMEOUT_MS);
    await exited;
    clearTimeout(killTimer);
    fs.rmSync(this.profile, { recursive: true, force: true, maxRetries: 3 });
  }

  private next(method: string, sessionId: string): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ method, sessionId, resolve }));
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\0');
    while (end !== -1) {
      const message = JSON.parse(this.buffer.slice(0, end)) as Message;
      this.buffer = this.buffer.slice(end + 1);
      this.dispatch(message);
      end = this.buffer.indexOf('\0');
    }
  }

  private dispatch(message: Message): void {
    if (message.id !== undefined) {
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result ?? {});
      return;
    }
    this.recordError(message);
    const index = this.waiters.findIndex((waiter) => waiter.method === message.method && waiter.sessionId === message.sessionId);
    if (index !== -1) this.waiters.splice(index, 1)[0].resolve();
  }

  private recordError(message: Message): void {
    const params = message.params ?? {};
    if (message.method === 'Runtime.consoleAPICalled' && (params.type === 'error' || params.type === 'assert')) {
      const args = (params.args as { value?: unknown; description?: string }[] | undefined) ?? [];
      this.errors.push(`console.${params.type}: ${args.map((arg) => String(arg.value ?? arg.description)).join(' ')}`);
    } else if (message.method === 'Runtime.exceptionThrown') {
      const details = params.exceptionDetails as { text?: string; exception?: { description?: string } };
      this.errors.push(`exception: ${details.exception?.description ?? details.text}`);
    } else if (message.method === 'Log.entryAdded') {
      const entry = params.entry as { level?: string; text?: string; source?: string };
      if (entry.level === 'error') this.errors.push(`${entry.source} error: ${entry.text}`);
    }
  }
}
