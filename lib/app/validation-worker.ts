/**
 * A worker thread that validates templates with aws-cdk-lib's `CloudFormationValidatePlugin`, for
 * `ParallelTemplateValidation`. It starts early and warms up (loads aws-cdk-lib, compiles the
 * validator's WebAssembly, builds its rule engine for the resource types it is told to expect), and
 * validates each template as soon as it is posted, so that templates written early in the synth
 * are validated while the app goes on with the others.
 *
 * The plugin rebuilds its rule engine (0.5–4 s) whenever a template has a resource type the engine
 * was not built for; the worker therefore validates a probe template holding one property-less
 * resource of every expected type first (its findings are dropped): one engine for everything.
 *
 * A plugin's `validate` is synchronous, so the main thread blocks on `Atomics.wait` until the
 * worker has answered every template (the answers are read with `receiveMessageOnPort`).
 */
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';

export type StackTemplate = IPolicyValidationContext['stackTemplates'][number];

/**
 * How long the main thread waits for a worker that answers nothing before it takes the worker for
 * dead (out of memory, say) and validates its templates itself. A template takes seconds at most.
 */
const DEFAULT_STALL_TIMEOUT_MS = 2 * 60 * 1000;

export interface ValidationWorkerOptions {
  /** @default 2 minutes */
  readonly stallTimeoutMs?: number;
}

interface Reply {
  readonly report?: PolicyValidationPluginReport;
  readonly error?: string;
}

export class ValidationWorker {
  private readonly worker: Worker;
  /** How many templates the worker has answered, ever: it adds one per answer. */
  private readonly answered = new Int32Array(new SharedArrayBuffer(4));
  private readonly replies: MessagePort;
  private posted = 0;
  private collected = 0;
  private stopped = false;

  private readonly stallTimeoutMs: number;

  /** Starts the worker; it warms up for `expectedTypes` (resource types) right away. */
  constructor(expectedTypes: readonly string[], options: ValidationWorkerOptions = {}) {
    this.stallTimeoutMs = options.stallTimeoutMs ?? DEFAULT_STALL_TIMEOUT_MS;
    const { port1, port2 } = new MessageChannel();
    this.replies = port1;
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { cdkLib: require.resolve('aws-cdk-lib'), expectedTypes: [...expectedTypes], answered: this.answered, port: port2 },
      transferList: [port2],
    });
    // An app that never validates (synth failed earlier) must still exit.
    this.worker.unref();
  }

  /** Has the worker prepare for `types` too (a worker started before the app's types were known). */
  expect(types: readonly string[]): void {
    if (this.stopped || types.length === 0) return;
    this.worker.postMessage({ expect: [...types] });
  }

  /** Hands `template` to the worker, which validates it as soon as it is done with the ones before. */
  post(template: StackTemplate): void {
    if (this.stopped) return;
    this.worker.postMessage({ template });
    this.posted++;
  }

  /**
   * One report per template posted since the last `collect`, in their order, once the worker has
   * validated them all; undefined when it failed on one, was stopped or answered nothing for the
   * stall timeout (the caller validates them itself then). Each answer wakes this thread: a worker
   * still going is never given up on, however many templates it has left.
   */
  collect(): PolicyValidationPluginReport[] | undefined {
    if (this.stopped) return undefined;
    let answered = Atomics.load(this.answered, 0);
    while (answered < this.posted) {
      const outcome = Atomics.wait(this.answered, 0, answered, this.stallTimeoutMs);
      const now = Atomics.load(this.answered, 0);
      if (now === answered && outcome === 'timed-out') {
        this.stop();
        return undefined;
      }
      answered = now;
    }
    const replies: Reply[] = [];
    for (; this.collected < this.posted; this.collected++) replies.push(receiveMessageOnPort(this.replies)?.message as Reply);
    if (replies.some((reply) => reply?.report === undefined)) return undefined;
    return replies.map((reply) => reply.report!);
  }

  /** `post` each template and `collect`. */
  validate(templates: readonly StackTemplate[]): PolicyValidationPluginReport[] | undefined {
    for (const template of templates) this.post(template);
    return this.collect();
  }

  /** Ends the thread; `collect` answers undefined from then on. */
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
const { cdkLib, expectedTypes, answered, port } = workerData;

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

const known = new Set(expected);
parentPort.on('message', ({ template, expect }) => {
  if (expect) {
    // More types to prepare for, before any template that has them; nothing to answer.
    if (!plugin || expect.every((type) => known.has(type))) return;
    for (const type of expect) known.add(type);
    try {
      buildEngineFor(known);
    } catch {
      // As above: the templates build what they need.
    }
    return;
  }
  let reply;
  try {
    if (startError) throw startError;
    const parsed = JSON.parse(fs.readFileSync(template.templatePath, 'utf8'));
    const types = Object.values(parsed.Resources || {}).map((resource) => resource && resource.Type).filter((type) => typeof type === 'string');
    if (types.some((type) => !known.has(type))) {
      for (const type of types) known.add(type);
      buildEngineFor(known);
    }
    reply = { report: validate(template) };
  } catch (error) {
    reply = { error: String((error && error.stack) || error) };
  }
  port.postMessage(reply);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
});
`;
