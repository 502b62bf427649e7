/**
 * aws-cdk-lib validates every template of an app against the CloudFormation schemas, one template
 * after another on one core: for a large mesh that is most of `cdk synth`. This plugin does the same
 * validation (aws-cdk-lib's own `CloudFormationValidatePlugin`, default rules) with the templates
 * spread over worker threads, and merges the findings into the report the single-threaded plugin
 * would have written, in the same order.
 *
 * A plugin's `validate` is synchronous, so the main thread starts a worker per share and blocks on
 * `Atomics.wait` until each has posted its reports (read with `receiveMessageOnPort`).
 *
 * Templates are validated one by one, so that the reports merge in the single-threaded order. The
 * plugin rebuilds its rule engine (0.5–4 s) whenever a template has a resource type its engine was
 * not built for, so each worker first validates a probe template holding one resource of every type
 * of its share: one engine for the whole share.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { App, CloudFormationValidatePlugin, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation, Validations } from 'aws-cdk-lib';

/** Below this many templates per thread, starting workers costs more than it saves. */
export const MIN_TEMPLATES_PER_THREAD = 4;
/** How long the main thread waits for a worker before it validates the worker's share itself. */
const WORKER_TIMEOUT_MS = 30 * 60 * 1000;

type StackTemplate = IPolicyValidationContext['stackTemplates'][number];

export interface ParallelTemplateValidationProps {
  /**
   * Threads to validate on, the main thread included.
   * @default - the machine's available parallelism
   */
  readonly threads?: number;
}

export class ParallelTemplateValidation extends CloudFormationValidatePlugin {
  private readonly threads: number;

  constructor(props: ParallelTemplateValidationProps = {}) {
    super();
    this.threads = props.threads ?? os.availableParallelism();
  }

  override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const templates = context.stackTemplates;
    const threads = Math.min(this.threads, Math.floor(templates.length / MIN_TEMPLATES_PER_THREAD));
    if (threads < 2) return super.validate(context);

    const shares = shareByBytes(templates, threads);
    const workers = shares.map((share) => startWorker(share.map((index) => templates[index])));
    const reports = new Map<number, PolicyValidationPluginReport>();
    workers.forEach((worker, i) => {
      const share = shares[i];
      // A worker that failed (it should not) leaves its share to this thread.
      const results = worker.wait() ?? share.map((index) => this.validateOne(context, templates[index]));
      share.forEach((index, j) => reports.set(index, results[j]));
    });
    return mergeReports(templates.map((_, index) => reports.get(index)!));
  }

  private validateOne(context: IPolicyValidationContext, template: StackTemplate): PolicyValidationPluginReport {
    return super.validate({ ...context, stackTemplates: [template], templatePaths: [template.templatePath] });
  }
}

/**
 * Registers `ParallelTemplateValidation` on the app in place of aws-cdk-lib's built-in validation,
 * when that validation is on (not turned off by `builtinCloudFormationValidation: false`,
 * `CDK_VALIDATION=false` or `cdk synth --no-validation`) and the app registered no validator of its own.
 * @returns whether it was registered
 */
export function useParallelTemplateValidation(app: App, props: ParallelTemplateValidationProps = {}): boolean {
  const builtinOn = (app as unknown as { _builtinCloudFormationValidation?: boolean })._builtinCloudFormationValidation !== false && process.env.CDK_VALIDATION !== 'false';
  const registered = (app as unknown as { _validationPlugins?: readonly unknown[] })._validationPlugins ?? [];
  if (!builtinOn || registered.some((plugin) => plugin instanceof CloudFormationValidatePlugin)) return false;
  Validations.of(app).addPlugins(new ParallelTemplateValidation(props));
  return true;
}

/** Template indexes per thread, balanced by template size (largest first onto the lightest thread). */
function shareByBytes(templates: readonly StackTemplate[], threads: number): number[][] {
  const sized = templates.map((template, index) => ({ index, bytes: fs.statSync(template.templatePath).size }));
  sized.sort((a, b) => b.bytes - a.bytes || a.index - b.index);
  const shares = Array.from({ length: threads }, () => ({ bytes: 0, indexes: [] as number[] }));
  for (const { index, bytes } of sized) {
    const lightest = shares.reduce((min, share) => (share.bytes < min.bytes ? share : min));
    lightest.bytes += bytes;
    lightest.indexes.push(index);
  }
  return shares.map((share) => share.indexes.sort((a, b) => a - b));
}

/** Violations of several reports as one report: same rule, severity and description merged, first seen first. */
export function mergeReports(reports: readonly PolicyValidationPluginReport[]): PolicyValidationPluginReport {
  const violations: PolicyViolation[] = [];
  const byKey = new Map<string, PolicyViolation>();
  for (const report of reports) {
    for (const violation of report.violations) {
      const key = JSON.stringify([violation.ruleName, violation.severity, violation.description]);
      const existing = byKey.get(key);
      if (existing) {
        existing.violatingResources.push(...violation.violatingResources);
        continue;
      }
      const copy = { ...violation, violatingResources: [...violation.violatingResources] };
      byKey.set(key, copy);
      violations.push(copy);
    }
  }
  return { success: reports.every((report) => report.success), violations };
}

export interface RunningWorker {
  /** The reports of the worker's templates, in order; undefined when it failed or timed out. */
  wait(): PolicyValidationPluginReport[] | undefined;
}

/**
 * Runs aws-cdk-lib's plugin on `templates` in a worker thread, one report per template, after a
 * probe template with one property-less resource of each of their types (its findings are dropped).
 */
export function startWorker(templates: readonly StackTemplate[]): RunningWorker {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { cdkLib: require.resolve('aws-cdk-lib'), templates, done, port: port2 },
    transferList: [port2],
  });
  worker.unref();
  return {
    wait() {
      const outcome = Atomics.wait(done, 0, 0, WORKER_TIMEOUT_MS);
      const message = receiveMessageOnPort(port1)?.message as { reports?: PolicyValidationPluginReport[] } | undefined;
      port1.close();
      if (outcome === 'timed-out') void worker.terminate();
      return message?.reports;
    },
  };
}

/** Plain CommonJS, so the worker needs no TypeScript loader. */
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { templates, done, port, cdkLib } = workerData;
let message;
try {
  const { CloudFormationValidatePlugin } = require(cdkLib);
  const fs = require('node:fs');
  const os = require('node:os');
  const path = require('node:path');
  const plugin = new CloudFormationValidatePlugin();
  const validate = (template) => plugin.validate({ stackTemplates: [template], templatePaths: [template.templatePath] });
  // One engine for all types of this share: the plugin keeps its engine for templates whose types it covers.
  const types = new Set();
  for (const template of templates) {
    const parsed = JSON.parse(fs.readFileSync(template.templatePath, 'utf8'));
    for (const resource of Object.values(parsed.Resources || {})) if (resource && typeof resource.Type === 'string') types.add(resource.Type);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-validation-probe-'));
  try {
    const templatePath = path.join(dir, 'probe.template.json');
    fs.writeFileSync(templatePath, JSON.stringify({ Resources: Object.fromEntries([...types].sort().map((type, index) => ['Probe' + index, { Type: type }])) }));
    validate({ stackConstructPath: 'Probe', templatePath });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  message = { reports: templates.map(validate) };
} catch (error) {
  message = { error: String(error && error.stack || error) };
}
port.postMessage(message);
Atomics.store(done, 0, 1);
Atomics.notify(done, 0);
`;
