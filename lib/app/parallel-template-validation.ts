/**
 * aws-cdk-lib validates every template of an app against the CloudFormation schemas, one template
 * after another on one core: for a large mesh that is most of `cdk synth`. This plugin does the same
 * validation (aws-cdk-lib's own `CloudFormationValidatePlugin`, default rules) on worker threads
 * that start when it is registered and warm up while the app synthesizes (validation-worker.ts).
 * Each template goes to the worker with the least to do as soon as it is written (mesh stacks
 * announce theirs, see template-written.ts) or else when validation starts, so that most of the
 * validation runs while the app is still synthesizing. The findings are merged into the report the
 * single-threaded plugin would have written, in the same order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnResource, CloudFormationValidatePlugin, IPolicyValidationContext, PolicyValidationPluginReport, PolicyViolation, Stack, Token, Validations } from 'aws-cdk-lib';
import { onTemplateWritten } from '../stacks/template-written';
import { ValidationCache } from './validation-cache';
import { StackTemplate, ValidationWorker } from './validation-worker';

/**
 * Resources per worker thread (a second thread from twice as many on). A worker costs a core for a
 * second or two while it warms up, taken from the app's own synth: below about this many resources
 * to validate, a second one slows the synth down (S mesh, 1,554 resources: 7.1 s on one worker,
 * 7.9 s on two; M, 45,501: 66.7 s on one, 51.8 s on two).
 */
export const RESOURCES_PER_THREAD = 5000;

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
  /**
   * Reports of earlier synths, for templates that did not change (used with worker threads only).
   * @default - none
   */
  readonly cache?: ValidationCache;
}

export class ParallelTemplateValidation extends CloudFormationValidatePlugin {
  private readonly workers: ValidationWorker[];
  /** Per worker, the templates posted to it since it last answered. */
  private readonly posted: StackTemplate[][];
  private readonly postedBytes: number[];
  private readonly postedKeys = new Set<string>();
  private readonly cache?: ValidationCache;
  /** Cache hashes of the templates seen, and the reports the cache had for them. */
  private readonly hashes = new Map<string, string>();
  private readonly cached = new Map<string, PolicyValidationPluginReport>();

  constructor(props: ParallelTemplateValidationProps = {}) {
    super();
    const threads = props.threads ?? defaultThreads();
    const types = props.expectedResourceTypes ?? [];
    const early = takeEarlyWorkers(threads);
    for (const worker of early) worker.expect(types);
    this.workers = [...early, ...Array.from({ length: threads - early.length }, () => new ValidationWorker(types))];
    this.posted = this.workers.map(() => []);
    this.postedBytes = this.workers.map(() => 0);
    this.cache = threads > 0 ? props.cache : undefined;
  }

  /**
   * Starts validating a template the app has just written, on the worker with the fewest bytes to
   * go; `validate` uses the report when the app validates exactly that template.
   */
  prevalidate(template: StackTemplate): void {
    const key = templateKey(template);
    if (this.workers.length === 0 || this.postedKeys.has(key) || this.cached.has(key)) return;
    if (this.cache) {
      const hash = this.cache.hashOf(template);
      this.hashes.set(key, hash);
      const report = this.cache.get(hash, template);
      if (report) {
        this.cached.set(key, report);
        return;
      }
    }
    const lightest = this.postedBytes.indexOf(Math.min(...this.postedBytes));
    this.postedBytes[lightest] += fs.statSync(template.templatePath).size;
    this.posted[lightest].push(template);
    this.postedKeys.add(key);
    this.workers[lightest].post(template);
  }

  override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    const templates = context.stackTemplates;
    if (this.workers.length === 0) return super.validate(context);
    try {
      // Every template not validating yet goes to a worker before this thread waits for any.
      for (const template of templates) this.prevalidate(template);
      const reports = new Map<string, PolicyValidationPluginReport>(this.cached);
      this.workers.forEach((worker, i) => {
        const results = worker.collect();
        if (results) this.posted[i].forEach((template, j) => reports.set(templateKey(template), results[j]));
      });
      // A worker that failed (it should not) leaves its templates to this thread.
      const ordered = templates.map((template) => reports.get(templateKey(template)) ?? this.validateOne(context, template));
      this.remember(templates, ordered);
      return mergeReports(ordered);
    } finally {
      for (const worker of this.workers) worker.stop();
      this.posted.forEach((list) => list.splice(0));
      this.cached.clear();
    }
  }

  private remember(templates: readonly StackTemplate[], reports: readonly PolicyValidationPluginReport[]): void {
    if (!this.cache) return;
    templates.forEach((template, index) => {
      const hash = this.hashes.get(templateKey(template));
      if (hash) this.cache!.set(hash, template, reports[index]);
    });
    this.cache.save();
  }

  private validateOne(context: IPolicyValidationContext, template: StackTemplate): PolicyValidationPluginReport {
    return super.validate({ ...context, stackTemplates: [template], templatePaths: [template.templatePath] });
  }
}

/** The cache `cdk synth` uses, or none when the validator's version cannot be told (no cache is better than a wrong one). */
function validationCache(): ValidationCache | undefined {
  let version: string;
  try {
    version = validatorVersion();
  } catch {
    return undefined;
  }
  return ValidationCache.fromEnvironment(version);
}

/** The versions a validation report depends on: aws-cdk-lib (its rules) and its validator. */
export function validatorVersion(): string {
  const cdkLib = require.resolve('aws-cdk-lib/package.json');
  // The validator is aws-cdk-lib's own dependency; its package file, not the plugin, so that no WebAssembly loads here.
  const validator = require.resolve('@aws/cloudformation-validate/package.json', { paths: [path.dirname(cdkLib)] });
  const versionOf = (file: string) => (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  return `aws-cdk-lib@${versionOf(cdkLib)} @aws/cloudformation-validate@${versionOf(validator)}`;
}

/** Everything the validation of a template depends on besides its content. */
function templateKey(template: StackTemplate): string {
  return JSON.stringify([template.stackConstructPath, template.templatePath, template.accountId ?? null, template.region ?? null]);
}

/**
 * How aws-cdk-lib will hand `stack`'s template to validation plugins (from its cloud assembly
 * artifact): `prevalidate` can start on it as soon as it is written.
 */
export function stackTemplateOf(stack: Stack, templatePath: string): StackTemplate {
  return {
    stackConstructPath: stack.node.path,
    templatePath,
    accountId: Token.isUnresolved(stack.account) ? undefined : stack.account,
    region: Token.isUnresolved(stack.region) ? undefined : stack.region,
  };
}

/** Added to every stack at synth when version reporting is on. */
const CDK_METADATA_TYPE = 'AWS::CDK::Metadata';

/** Workers `startValidationWorkerEarly` started, for the next `ParallelTemplateValidation`. */
const earlyWorkers: ValidationWorker[] = [];

/**
 * Starts a validation worker now, before the app is built, so that it has loaded aws-cdk-lib and
 * compiled the validator while the mesh loads and the constructs are built; the next
 * `ParallelTemplateValidation` (`useParallelTemplateValidation`) takes it over, and the app's
 * resource types follow. Nothing on a single core or with validation off (`CDK_VALIDATION=false`).
 * On a small mesh that warm-up is most of what validation adds to a synth.
 */
export function startValidationWorkerEarly(): void {
  if (process.env.CDK_VALIDATION === 'false' || validationThreads(1, os.availableParallelism()) === 0) return;
  earlyWorkers.push(new ValidationWorker(MESH_RESOURCE_TYPES));
}

/**
 * The resource types lakemesh's stacks synthesize, for the early worker to build its rule engine
 * for before the app is built (1–2 s of a small mesh's synth). An app with other types too costs
 * one rebuild when they are announced, as before; a test keeps the list complete.
 */
export const MESH_RESOURCE_TYPES: readonly string[] = [
  CDK_METADATA_TYPE,
  'AWS::CloudFormation::WaitConditionHandle',
  'AWS::Glue::DataQualityRuleset',
  'AWS::Glue::Database',
  'AWS::Glue::Table',
  'AWS::IAM::ManagedPolicy',
  'AWS::IAM::Policy',
  'AWS::IAM::Role',
  'AWS::KMS::Key',
  'AWS::Lambda::Function',
  'AWS::LakeFormation::DataCellsFilter',
  'AWS::LakeFormation::PrincipalPermissions',
  'AWS::LakeFormation::Resource',
  'AWS::LakeFormation::Tag',
  'AWS::LakeFormation::TagAssociation',
  'AWS::S3::Bucket',
  'AWS::S3::BucketPolicy',
  'Custom::LakemeshDataLakeSettings',
  'Custom::LakemeshRamInvitationAcceptance',
];

/** Up to `count` early workers, handed over once; the others are stopped (not needed after all). */
function takeEarlyWorkers(count: number): ValidationWorker[] {
  const taken = earlyWorkers.splice(0);
  for (const worker of taken.slice(count)) worker.stop();
  return taken.slice(0, count);
}

/**
 * Registers `ParallelTemplateValidation` on the app in place of aws-cdk-lib's built-in validation,
 * with a worker per 5,000 resources (at most one per core) that prepares for the app's resource
 * types at once: call it after the app's constructs are built. Only when that validation is on (not turned
 * off by `builtinCloudFormationValidation: false`, `CDK_VALIDATION=false` or `cdk synth
 * --no-validation`) and the app registered no validator of its own.
 * @returns whether it was registered
 */
export function useParallelTemplateValidation(app: App, props: ParallelTemplateValidationProps = {}): boolean {
  const builtinOn = (app as unknown as { _builtinCloudFormationValidation?: boolean })._builtinCloudFormationValidation !== false && process.env.CDK_VALIDATION !== 'false';
  const registered = (app as unknown as { _validationPlugins?: readonly unknown[] })._validationPlugins ?? [];
  if (!builtinOn || registered.some((plugin) => plugin instanceof CloudFormationValidatePlugin)) {
    // An early worker would warm up for nothing.
    takeEarlyWorkers(0);
    return false;
  }
  const resources = app.node.findAll().filter(CfnResource.isCfnResource);
  const threads = validationThreads(resources.length, os.availableParallelism());
  const cache = validationCache();
  const plugin = new ParallelTemplateValidation({ threads, expectedResourceTypes: resourceTypesOf(resources), cache, ...props });
  Validations.of(app).addPlugins(plugin);
  // Mesh stacks announce their templates as they write them (LimitCheckingSynthesizer).
  onTemplateWritten(app, ({ stack, templatePath }) => plugin.prevalidate(stackTemplateOf(stack, templatePath)));
  return true;
}

/**
 * Worker threads for an app of `resources` resources: one per `RESOURCES_PER_THREAD`, at most one per
 * core, and at least one (it validates while the app synthesizes); none on a single core, where
 * the app's own thread validates as fast.
 */
export function validationThreads(resources: number, cores: number): number {
  if (cores < 2) return 0;
  return Math.min(cores, Math.max(1, Math.floor(resources / RESOURCES_PER_THREAD)));
}

/** The resource types of the app's templates-to-be (of `resources`, the app's resources), sorted. */
export function resourceTypesOf(resources: readonly CfnResource[]): string[] {
  const types = new Set([CDK_METADATA_TYPE]);
  for (const resource of resources) types.add(resource.cfnResourceType);
  return [...types].sort();
}

/** A worker per core; none on a single core. */
function defaultThreads(): number {
  return validationThreads(Number.MAX_SAFE_INTEGER, os.availableParallelism());
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

