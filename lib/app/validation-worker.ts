/**
 * A worker thread that validates templates with aws-cdk-lib's `CloudFormationValidatePlugin`, for
 * `ParallelTemplateValidation`. It starts early and warms up (loads aws-cdk-lib, compiles the
 * validator's WebAssembly, builds its rule engine for the resource types it is told to expect), so
 * that by the time the app's templates are written only the validation itself is left.
 *
 * The plugin rebuilds its rule engine (0.5–4 s) whenever a template has a resource type the engine
 * was not built for; the worker therefore validates a probe template holding one property-less
 * resource of every expected type first (its findings are dropped): one engine for everything.
 *
 * A plugin's `validate` is synchronous, so the main thread posts the job and blocks on
 * `Atomics.wait` until the worker has posted its reports (read with `receiveMessageOnPort`).
 */
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';

export type StackTemplate = IPolicyValidationContext['stackTemplates'][number];

/** How long the main thread waits for a worker before it gives up on it. */
const WORKER_TIMEOUT_MS = 30 * 60 * 1000;

export class ValidationWorker {
  private readonly worker: Worker;
  private readonly done = new Int32Array(new SharedArrayBuffer(4));
  private readonly replies: MessagePort;
  private stopped = false;
  private started = false;

  /** Starts the worker; it warms up for `expectedTypes` (resource types) right away. */
  constructor(expectedTypes: readonly string[]) {
    const { port1, port2 } = new MessageChannel();
    this.replies = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { cdkLib: require.resolve('aws-cdk-lib'), expectedTypes: [...expectedTypes], done: this.done, port: port2 },
      transferList: [port2],
    });
    // An app that never validates (synth failed earlier) must still exit.
    this.worker.unref();
  }

  /** Hands `templates` to the worker; `reports()` waits for what it found. */
  start(templates: readonly StackTemplate[]): void {
    if (this.stopped) return;
    Atomics.store(this.done, 0, 0);
    this.worker.postMessage({ templates });
    this.started = true;
  }

  /**
   * One report per template of the last `start`, in their order; undefined when the worker failed,
   * was stopped or took longer than the time limit (the caller validates them itself then).
   */
  reports(): PolicyValidationPluginReport[] | undefined {
    if (this.stopped || !this.started) return undefined;
    this.started = false;
    const outcome = Atomics.wait(this.done, 0, 0, WORKER_TIMEOUT_MS);
    const reply = receiveMessageOnPort(this.replies)?.message as { reports?: PolicyValidationPluginReport[] } | undefined;
    if (outcome === 'timed-out') this.stop();
    return reply?.reports;
  }

  /** `start` and `reports` in one. */
  validate(templates: readonly StackTemplate[]): PolicyValidationPluginReport[] | undefined {
    this.start(templates);
    return this.reports();
  }

  /** Ends the thread; `validate` answers undefined from then on. */
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.replies.close();
    void this.worker.terminate();
  }
}

/** Plain CommonJS, so the worker needs no TypeScript loader. */
const WORKER_SOURCE = `
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parentPort, workerData } = require('node:worker_threads');
const { cdkLib, expectedTypes, done, port } = workerData;

let plugin;
let startError;
try {
  const { CloudFormationValidatePlugin } = require(cdkLib);
  plugin = new CloudFormationValidatePlugin();
} catch (error) {
  startError = error;
}
const validate = (template) => plugin.validate({ stackTemplates: [template], templatePaths: [template.templatePath] });

function buildEngineFor(types) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-validation-probe-'));
  try {
    const templatePath = path.join(dir, 'probe.template.json');
    const resources = Object.fromEntries([...types].sort().map((type, index) => ['Probe' + index, { Type: type }]));
    fs.writeFileSync(templatePath, JSON.stringify({ Resources: resources }));
    validate({ stackConstructPath: 'Probe', templatePath });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const expected = new Set(expectedTypes);
try {
  if (plugin && expected.size > 0) buildEngineFor(expected);
} catch {
  // Warming up is an optimization only; the job below builds what it needs.
}

parentPort.on('message', ({ templates }) => {
  let reply;
  try {
    if (startError) throw startError;
    const types = new Set(expected);
    for (const template of templates) {
      const parsed = JSON.parse(fs.readFileSync(template.templatePath, 'utf8'));
      for (const resource of Object.values(parsed.Resources || {})) if (resource && typeof resource.Type === 'string') types.add(resource.Type);
    }
    if (types.size > expected.size) buildEngineFor(types);
    reply = { reports: templates.map(validate) };
  } catch (error) {
    reply = { error: String((error && error.stack) || error) };
  }
  port.postMessage(reply);
  Atomics.store(done, 0, 1);
  Atomics.notify(done, 0);
});
`;
