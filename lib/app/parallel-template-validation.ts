/**
 * aws-cdk-lib validates every template of an app against the CloudFormation schemas, one template
 * after another on one core: for a large mesh that is most of `cdk synth`. This plugin does the same
 * validation (aws-cdk-lib's own `CloudFormationValidatePlugin`, default rules) on worker threads
 * that start when it is registered and warm up while the app synthesizes (validation-worker.ts),
 * with the templates spread over them by size, and merges the findings into the report the
 * single-threaded plugin would have written, in the same order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { App, CfnResource, CloudFormationValidatePlugin, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation, Stack, Validations } from 'aws-cdk-lib';
import { StackTemplate, ValidationWorker } from './validation-worker';

/** Templates per worker thread (a second thread from twice as many on). */
export const MIN_TEMPLATES_PER_THREAD = 4;

export interface ParallelTemplateValidationProps {
  /**
   * Worker threads to validate on; 0 validates in the app's own thread.
   * @default - the machine's available parallelism (0 on a single core)
   */
  readonly threads?: number;
  /**
   * Resource types the templates will hold, for the workers to prepare for while the app synthesizes.
   * @default - none: the workers prepare when the templates are there
   */
  readonly expectedResourceTypes?: readonly string[];
}

export class ParallelTemplateValidation extends CloudFormationValidatePlugin {
  private readonly workers: ValidationWorker[];

  constructor(props: ParallelTemplateValidationProps = {}) {
    super();
    const threads = props.threads ?? defaultThreads();
    this.workers = Array.from({ length: threads }, () => new ValidationWorker(props.expectedResourceTypes ?? []));
  }

  override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const templates = context.stackTemplates;
    const threads = Math.min(this.workers.length, Math.max(1, Math.floor(templates.length / MIN_TEMPLATES_PER_THREAD)));
    if (threads === 0) return super.validate(context);
    try {
      const shares = shareByBytes(templates, threads);
      const reports = new Map<number, PolicyValidationPluginReport>();
      const shareTemplates = shares.map((share) => share.map((index) => templates[index]));
      // Every worker gets its share before this thread waits for the first.
      shareTemplates.forEach((share, i) => this.workers[i].start(share));
      shares.forEach((share, i) => {
        // A worker that failed (it should not) leaves its share to this thread.
        const results = this.workers[i].reports() ?? shareTemplates[i].map((template) => this.validateOne(context, template));
        share.forEach((index, j) => reports.set(index, results[j]));
      });
      return mergeReports(templates.map((_, index) => reports.get(index)!));
    } finally {
      for (const worker of this.workers) worker.stop();
    }
  }

  private validateOne(context: IPolicyValidationContext, template: StackTemplate): PolicyValidationPluginReport {
    return super.validate({ ...context, stackTemplates: [template], templatePaths: [template.templatePath] });
  }
}

/**
 * Registers `ParallelTemplateValidation` on the app in place of aws-cdk-lib's built-in validation,
 * with a worker per 4 stacks (at most one per core) that prepares for the app's resource types at
 * once: call it after the app's constructs are built. Only when that validation is on (not turned
 * off by `builtinCloudFormationValidation: false`, `CDK_VALIDATION=false` or `cdk synth
 * --no-validation`) and the app registered no validator of its own.
 * @returns whether it was registered
 */
export function useParallelTemplateValidation(app: App, props: ParallelTemplateValidationProps = {}): boolean {
  const builtinOn = (app as unknown as { _builtinCloudFormationValidation?: boolean })._builtinCloudFormationValidation !== false && process.env.CDK_VALIDATION !== 'false';
  const registered = (app as unknown as { _validationPlugins?: readonly unknown[] })._validationPlugins ?? [];
  if (!builtinOn || registered.some((plugin) => plugin instanceof CloudFormationValidatePlugin)) return false;
  const constructs = app.node.findAll();
  const stacks = constructs.filter((construct) => Stack.isStack(construct)).length;
  const threads = validationThreads(stacks, os.availableParallelism());
  Validations.of(app).addPlugins(new ParallelTemplateValidation({ threads, expectedResourceTypes: resourceTypesOf(app), ...props }));
  return true;
}

/**
 * Worker threads for an app of `stacks` stacks: one per 4 stacks, at most one per core, and at least
 * one (it warms up while the app synthesizes); none on a single core, where the app's own thread
 * validates as fast.
 */
export function validationThreads(stacks: number, cores: number): number {
  if (cores < 2) return 0;
  return Math.min(cores, Math.max(1, Math.floor(stacks / MIN_TEMPLATES_PER_THREAD)));
}

/** Added to every stack at synth when version reporting is on. */
const CDK_METADATA_TYPE = 'AWS::CDK::Metadata';

/** The resource types of the app's templates-to-be, sorted. */
export function resourceTypesOf(app: App): string[] {
  const types = new Set([CDK_METADATA_TYPE]);
  for (const construct of app.node.findAll()) if (CfnResource.isCfnResource(construct)) types.add(construct.cfnResourceType);
  return [...types].sort();
}

/** A worker per core; none on a single core. */
function defaultThreads(): number {
  return validationThreads(Number.MAX_SAFE_INTEGER, os.availableParallelism());
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

