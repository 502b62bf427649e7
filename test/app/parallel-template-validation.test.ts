/**
 * `ParallelTemplateValidation` must report exactly what aws-cdk-lib's single-threaded
 * `CloudFormationValidatePlugin` reports, only on more threads.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, CfnResource, CloudFormationValidatePlugin, IPolicyValidationContext, PolicyValidationPluginReport, Stack, Validations } from 'aws-cdk-lib';
import {
  mergeReports,
  ParallelTemplateValidation,
  resourceTypesOf,
  startValidationWorkerEarly,
  useParallelTemplateValidation,
  validationThreads,
} from '../../lib/app/parallel-template-validation';
import { ValidationWorker } from '../../lib/app/validation-worker';
import { SHARD_LIMITS } from '../../lib/sharding/limits';
import { LimitCheckingSynthesizer } from '../../lib/stacks/limit-checking-synthesizer';
import { temporaryDirectory } from '../support/mesh-app-fixture';

const TEMPLATE_COUNT = 11;

/** Templates with a mix of findings: an unknown property (error), an unknown permission (warning), clean ones. */
function templateContext(): IPolicyValidationContext {
  const dir = temporaryDirectory('lakemesh-parallel-validation-');
  const stackTemplates = Array.from({ length: TEMPLATE_COUNT }, (_, index) => {
    const permissions = index % 3 === 0 ? ['READ'] : ['SELECT'];
    const resources: Record<string, unknown> = {
      Grant: {
        Type: 'AWS::LakeFormation::PrincipalPermissions',
        Properties: {
          Catalog: '111111111111',
          Principal: { DataLakePrincipalIdentifier: `arn:aws:iam::222222222222:role/reader-${index}` },
          Resource: { Database: { CatalogId: '111111111111', Name: `db_${index}` } },
          Permissions: permissions,
          PermissionsWithGrantOption: [],
        },
      },
      ...(index % 4 === 1 ? { Topic: { Type: 'AWS::SNS::Topic', Properties: { TopicNam: `topic-${index}` } } } : {}),
    };
    const templatePath = path.join(dir, `Stack${index}.template.json`);
    fs.writeFileSync(templatePath, JSON.stringify({ Resources: resources }, null, 1));
    return { stackConstructPath: `Stack${index}`, templatePath, accountId: '111111111111', region: 'eu-west-1' };
  });
  return { stackTemplates, templatePaths: stackTemplates.map((template) => template.templatePath) } as unknown as IPolicyValidationContext;
}

describe('ParallelTemplateValidation', () => {
  const context = templateContext();
  const expected = new CloudFormationValidatePlugin().validate(context);

  test('the fixture has findings of both kinds, merged over several templates', () => {
    expect(expected.success).toBe(false);
    expect(expected.violations.map((violation) => [violation.ruleName, violation.severity])).toEqual(
      expect.arrayContaining([
        ['W3030', 'warning'],
        ['F3002', 'error'],
      ]),
    );
    expect(expected.violations.find((violation) => violation.ruleName === 'W3030')!.violatingResources.length).toBe(Math.ceil(TEMPLATE_COUNT / 3));
  });

  test('reports what the single-threaded plugin reports, in the same order', () => {
    expect(new ParallelTemplateValidation({ threads: 2 }).validate(context)).toEqual(expected);
  });

  test('on three threads too', () => {
    expect(new ParallelTemplateValidation({ threads: 3 }).validate(context)).toEqual(expected);
  });

  test('on one worker thread, and in the app\'s own thread', () => {
    expect(new ParallelTemplateValidation({ threads: 1 }).validate(context)).toEqual(expected);
    expect(new ParallelTemplateValidation({ threads: 0 }).validate(context)).toEqual(expected);
  });

  test('hands every worker its templates before waiting for any, so that they validate at the same time', () => {
    const calls: string[] = [];
    const post = jest.spyOn(ValidationWorker.prototype, 'post').mockImplementation(() => {
      calls.push('post');
    });
    const collect = jest.spyOn(ValidationWorker.prototype, 'collect').mockImplementation(() => {
      calls.push('collect');
      return undefined;
    });
    try {
      expect(new ParallelTemplateValidation({ threads: 2 }).validate(context)).toEqual(expected);
      expect(calls).toEqual([...Array<string>(TEMPLATE_COUNT).fill('post'), 'collect', 'collect']);
    } finally {
      post.mockRestore();
      collect.mockRestore();
    }
  });

  test('uses what it prevalidated as the templates were written, validating each template once', () => {
    const post = jest.spyOn(ValidationWorker.prototype, 'post');
    try {
      const plugin = new ParallelTemplateValidation({ threads: 2 });
      for (const template of context.stackTemplates.slice(0, 5)) plugin.prevalidate(template);
      plugin.prevalidate(context.stackTemplates[0]);
      expect(post).toHaveBeenCalledTimes(5);
      expect(plugin.validate(context)).toEqual(expected);
      expect(post).toHaveBeenCalledTimes(TEMPLATE_COUNT);
    } finally {
      post.mockRestore();
    }
  });

  test('validates again a template that reaches validation with other values than were prevalidated (account, region, path)', () => {
    const plugin = new ParallelTemplateValidation({ threads: 2 });
    for (const template of context.stackTemplates) plugin.prevalidate({ ...template, accountId: '999999999999', region: 'us-east-1' });
    expect(plugin.validate(context)).toEqual(expected);
  });

  test('takes over a worker started early, telling it the app\'s resource types, and reports the same', () => {
    const validation = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    const expect_ = jest.spyOn(ValidationWorker.prototype, 'expect');
    try {
      startValidationWorkerEarly();
      const plugin = new ParallelTemplateValidation({ threads: 2, expectedResourceTypes: ['AWS::LakeFormation::PrincipalPermissions'] });
      expect(expect_.mock.calls).toEqual([[['AWS::LakeFormation::PrincipalPermissions']]]);
      expect(plugin.validate(context)).toEqual(expected);
      // Handed over once: the next plugin starts its own.
      new ParallelTemplateValidation({ threads: 1 }).validate(context);
      expect(expect_).toHaveBeenCalledTimes(1);
    } finally {
      expect_.mockRestore();
      process.env.CDK_VALIDATION = validation;
    }
  });

  test('starts no early worker when validation is off (CDK_VALIDATION=false), and stops one a plugin on no threads does not need', () => {
    const validation = process.env.CDK_VALIDATION;
    const stop = jest.spyOn(ValidationWorker.prototype, 'stop');
    try {
      process.env.CDK_VALIDATION = 'false';
      startValidationWorkerEarly();
      expect(new ParallelTemplateValidation({ threads: 0 }).validate(context)).toEqual(expected);
      expect(stop).not.toHaveBeenCalled();
      delete process.env.CDK_VALIDATION;
      startValidationWorkerEarly();
      new ParallelTemplateValidation({ threads: 0 });
      expect(stop).toHaveBeenCalledTimes(1);
    } finally {
      stop.mockRestore();
      process.env.CDK_VALIDATION = validation;
    }
  });

  test('a second validation (the workers are gone by then) reports the same in the app\'s own thread', () => {
    const plugin = new ParallelTemplateValidation({ threads: 2 });
    plugin.validate(context);
    expect(plugin.validate(context)).toEqual(expected);
  });
});

/** Ends a blocked read of `pipe`, if a thread is still reading it, so that the thread can finish. */
function unblock(pipe: string): void {
  let writer: number;
  try {
    writer = fs.openSync(pipe, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
  } catch {
    return; // ENXIO: nobody reads it any more.
  }
  fs.writeSync(writer, '{}');
  fs.closeSync(writer);
}

describe('ValidationWorker', () => {
  const context = templateContext();
  const plugin = new CloudFormationValidatePlugin();
  const single = (template: IPolicyValidationContext['stackTemplates'][number]) => plugin.validate({ ...context, stackTemplates: [template], templatePaths: [template.templatePath] });

  test('validates its templates: one report per template, as the plugin gives it, whether it prepared for their types or not', () => {
    const templates = context.stackTemplates.slice(0, 4);
    for (const expectedTypes of [[], ['AWS::LakeFormation::PrincipalPermissions'], ['AWS::S3::Bucket']]) {
      const worker = new ValidationWorker(expectedTypes);
      try {
        expect(worker.validate(templates)).toEqual(templates.map(single));
      } finally {
        worker.stop();
      }
    }
  });

  test('takes several jobs', () => {
    const worker = new ValidationWorker([]);
    try {
      expect(worker.validate(context.stackTemplates.slice(0, 2))).toEqual(context.stackTemplates.slice(0, 2).map(single));
      expect(worker.validate(context.stackTemplates.slice(2, 3))).toEqual(context.stackTemplates.slice(2, 3).map(single));
    } finally {
      worker.stop();
    }
  });

  test('gives up on a worker that answers nothing for the stall timeout, not on one still answering', () => {
    const dir = temporaryDirectory('lakemesh-stalled-worker-');
    // Reading a named pipe nobody writes to blocks the worker for good, as a dead one would.
    const pipe = path.join(dir, 'Stalled.template.json');
    execFileSync('mkfifo', [pipe]);
    const worker = new ValidationWorker([], { stallTimeoutMs: 10_000 });
    try {
      // Warmed up and answering: templates that take their time still come back.
      expect(worker.validate(context.stackTemplates.slice(0, 3))).toEqual(context.stackTemplates.slice(0, 3).map(single));
      const started = Date.now();
      expect(worker.validate([context.stackTemplates[3], { ...context.stackTemplates[0], templatePath: pipe }])).toBeUndefined();
      expect(Date.now() - started).toBeGreaterThanOrEqual(10_000);
      expect(worker.validate(context.stackTemplates.slice(0, 1))).toBeUndefined();
    } finally {
      worker.stop();
      unblock(pipe);
    }
  });

  test('answers nothing when it cannot validate (a missing template) or has stopped, so the caller validates itself', () => {
    const worker = new ValidationWorker([]);
    const missing = { ...context.stackTemplates[0], templatePath: '/nonexistent/Stack.template.json' };
    expect(worker.validate([missing])).toBeUndefined();
    worker.stop();
    expect(worker.validate(context.stackTemplates.slice(0, 1))).toBeUndefined();
  });
});

describe('mergeReports', () => {
  const violation = (ruleName: string, description: string, resource: string) => ({
    ruleName,
    description,
    severity: 'error',
    violatingResources: [{ resourceLogicalId: resource, templatePath: 'Stack.template.json', locations: [] }],
  });

  test('merges violations of one rule, severity and description, first seen first', () => {
    const reports: PolicyValidationPluginReport[] = [
      { success: false, violations: [violation('E1', 'bad', 'A'), violation('E2', 'worse', 'B')] },
      { success: true, violations: [] },
      { success: false, violations: [violation('E2', 'worse', 'C'), violation('E1', 'other', 'D')] },
    ];
    const merged = mergeReports(reports);
    expect(merged.success).toBe(false);
    expect(merged.violations.map((v) => [v.ruleName, v.description, v.violatingResources.map((r) => r.resourceLogicalId)])).toEqual([
      ['E1', 'bad', ['A']],
      ['E2', 'worse', ['B', 'C']],
      ['E1', 'other', ['D']],
    ]);
    expect(reports[0].violations[1].violatingResources).toHaveLength(1);
  });

  test('succeeds when every report does', () => {
    expect(mergeReports([{ success: true, violations: [] }, { success: true, violations: [] }])).toEqual({ success: true, violations: [] });
  });
});

describe('useParallelTemplateValidation', () => {
  const setupValue = process.env.CDK_VALIDATION;
  afterEach(() => {
    process.env.CDK_VALIDATION = setupValue;
  });
  const plugins = (app: App) => (app as unknown as { _validationPlugins: unknown[] })._validationPlugins;

  test('takes the place of the built-in validation when it is on', () => {
    delete process.env.CDK_VALIDATION;
    const app = new App();
    expect(useParallelTemplateValidation(app, { threads: 0 })).toBe(true);
    expect(plugins(app).filter((plugin) => plugin instanceof ParallelTemplateValidation)).toHaveLength(1);
  });

  test.each([
    [1, 2, 1],
    [9999, 2, 1],
    [10000, 2, 2],
    [188062, 2, 2],
    [188062, 8, 8],
    [15000, 8, 3],
    [188062, 1, 0],
  ])('an app of %i resources on %i cores validates on %i worker threads', (resources, cores, threads) => {
    expect(validationThreads(resources, cores)).toBe(threads);
  });

  test('prepares the workers for the resource types of the app, and the CDK metadata resource', () => {
    const app = new App();
    const stack = new Stack(app, 'Stack');
    new CfnResource(stack, 'Topic', { type: 'AWS::SNS::Topic' });
    new CfnResource(new Stack(app, 'Other'), 'Queue', { type: 'AWS::SQS::Queue' });
    new CfnResource(stack, 'Again', { type: 'AWS::SNS::Topic' });
    expect(resourceTypesOf(app.node.findAll().filter(CfnResource.isCfnResource))).toEqual(['AWS::CDK::Metadata', 'AWS::SNS::Topic', 'AWS::SQS::Queue']);
  });

  test.each<[string, () => App]>([
    ['CDK_VALIDATION=false (cdk synth --no-validation)', () => ((process.env.CDK_VALIDATION = 'false'), new App())],
    ['builtinCloudFormationValidation: false', () => (delete process.env.CDK_VALIDATION, new App({ builtinCloudFormationValidation: false }))],
    ['a validator the app registered itself', () => {
      delete process.env.CDK_VALIDATION;
      const app = new App();
      Validations.of(app).addPlugins(new CloudFormationValidatePlugin());
      return app;
    }],
  ])('turns nothing on with %s, and stops a worker started early', (_label, newApp) => {
    const validation = process.env.CDK_VALIDATION;
    delete process.env.CDK_VALIDATION;
    startValidationWorkerEarly();
    process.env.CDK_VALIDATION = validation;
    const stop = jest.spyOn(ValidationWorker.prototype, 'stop');
    try {
      const app = newApp();
      const before = plugins(app).length;
      expect(useParallelTemplateValidation(app)).toBe(false);
      expect(plugins(app)).toHaveLength(before);
      expect(stop).toHaveBeenCalledTimes(1);
    } finally {
      stop.mockRestore();
    }
  });

  test('mesh stacks hand their templates over as they are written, before validation starts; each is validated once and synth fails on its error', () => {
    delete process.env.CDK_VALIDATION;
    const validate = jest.spyOn(ParallelTemplateValidation.prototype, 'validate');
    const spy = jest.spyOn(ParallelTemplateValidation.prototype, 'prevalidate');
    const post = jest.spyOn(ValidationWorker.prototype, 'post');
    try {
      const outdir = temporaryDirectory('lakemesh-parallel-stream-');
      const app = new App({ outdir, context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
      for (let index = 0; index < TEMPLATE_COUNT; index++) {
        const stack = new Stack(app, `Stack${index}`, { env: { account: '111111111111', region: 'eu-west-1' }, synthesizer: new LimitCheckingSynthesizer(SHARD_LIMITS) });
        new CfnResource(stack, 'Topic', { type: 'AWS::SNS::Topic', properties: index === 5 ? { TopicNam: 'typo' } : {} });
      }
      useParallelTemplateValidation(app, { threads: 2 });
      expect(() => app.synth()).toThrow(/TopicNam/);
      const beforeValidation = spy.mock.invocationCallOrder.filter((order) => order < validate.mock.invocationCallOrder[0]);
      expect(beforeValidation).toHaveLength(TEMPLATE_COUNT);
      expect(post).toHaveBeenCalledTimes(TEMPLATE_COUNT);
      expect(spy.mock.calls.slice(0, TEMPLATE_COUNT).map(([template]) => template)).toEqual(
        Array.from({ length: TEMPLATE_COUNT }, (_, index) => ({
          stackConstructPath: `Stack${index}`,
          templatePath: path.join(outdir, `Stack${index}.template.json`),
          accountId: '111111111111',
          region: 'eu-west-1',
        })),
      );
    } finally {
      spy.mockRestore();
      validate.mockRestore();
      post.mockRestore();
    }
  });

  test('fails synth on a template error as the built-in validation does', () => {
    delete process.env.CDK_VALIDATION;
    const app = new App({ outdir: temporaryDirectory('lakemesh-parallel-synth-'), context: { '@aws-cdk/core:validateAgainstDefaultRules': true } });
    for (let index = 0; index < TEMPLATE_COUNT; index++) {
      const stack = new Stack(app, `Stack${index}`, { env: { account: '111111111111', region: 'eu-west-1' } });
      new CfnResource(stack, 'Topic', { type: 'AWS::SNS::Topic', properties: index === 5 ? { TopicNam: 'typo' } : {} });
    }
    useParallelTemplateValidation(app, { threads: 2 });
    expect(() => app.synth()).toThrow(/TopicNam/);
  });

  test('fails synth on a lint warning too under @aws-cdk/core:strictCfnValidateErrors, as cdk.json sets it', () => {
    delete process.env.CDK_VALIDATION;
    const context = { '@aws-cdk/core:validateAgainstDefaultRules': true, '@aws-cdk/core:strictCfnValidateErrors': true };
    const app = new App({ outdir: temporaryDirectory('lakemesh-parallel-strict-'), context });
    for (let index = 0; index < TEMPLATE_COUNT; index++) {
      const stack = new Stack(app, `Stack${index}`, { env: { account: '111111111111', region: 'eu-west-1' } });
      const permissions = index === 3 ? ['READ'] : ['SELECT'];
      new CfnResource(stack, 'Grant', {
        type: 'AWS::LakeFormation::PrincipalPermissions',
        properties: {
          Principal: { DataLakePrincipalIdentifier: 'arn:aws:iam::222222222222:role/reader' },
          Resource: { Database: { CatalogId: '111111111111', Name: `db_${index}` } },
          Permissions: permissions,
          PermissionsWithGrantOption: [],
        },
      });
    }
    useParallelTemplateValidation(app, { threads: 2 });
    expect(() => app.synth()).toThrow(/'READ' is not one of/);
  });
});
