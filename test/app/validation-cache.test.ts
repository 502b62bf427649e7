import * as fs from 'node:fs';
import * as path from 'node:path';
import { CloudFormationValidatePlugin, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { ParallelTemplateValidation, validatorVersion } from '../../lib/app/parallel-template-validation';
import { VALIDATION_CACHE_ENV, ValidationCache } from '../../lib/app/validation-cache';
import { ValidationWorker } from '../../lib/app/validation-worker';
import { temporaryDirectory } from '../support/mesh-app-fixture';

const VERSION = 'aws-cdk-lib@1 validator@1';
const CLEAN: PolicyValidationPluginReport = { success: true, violations: [] };

function template(dir: string, name: string, resources: Record<string, unknown>) {
  const templatePath = path.join(dir, `${name}.template.json`);
  fs.writeFileSync(templatePath, JSON.stringify({ Resources: resources }));
  return { stackConstructPath: name, templatePath, accountId: '111111111111', region: 'eu-west-1' };
}

const topic = (properties: Record<string, unknown> = {}) => ({ Topic: { Type: 'AWS::SNS::Topic', Properties: properties } });

describe('ValidationCache', () => {
  test('gives back a report under the same hash after a save, in a new synth', () => {
    const dir = temporaryDirectory('lakemesh-validation-cache-');
    const file = path.join(dir, 'cache', 'template-validation.json');
    const stack = template(dir, 'Stack', topic());
    const first = new ValidationCache(file, VERSION);
    const hash = first.hashOf(stack);
    expect(first.get(hash, stack)).toBeUndefined();
    first.set(hash, stack, CLEAN);
    first.save();
    expect(new ValidationCache(file, VERSION).get(hash, stack)).toEqual(CLEAN);
  });

  test('names the current template path in a cached report (another output folder)', () => {
    const dir = temporaryDirectory('lakemesh-validation-cache-');
    const file = path.join(dir, 'cache.json');
    const before = template(fs.mkdtempSync(path.join(dir, 'out-')), 'Stack', topic());
    const after = template(fs.mkdtempSync(path.join(dir, 'out-')), 'Stack', topic());
    const violation = (templatePath: string) => ({
      ruleName: 'E3002',
      description: 'unknown property',
      severity: 'error',
      violatingResources: [
        { resourceLogicalId: 'Topic', templatePath, locations: ['Properties'] },
        { resourceLogicalId: 'Other', templatePath: '/elsewhere/Other.template.json', locations: [] },
      ],
    });
    const cache = new ValidationCache(file, VERSION);
    expect(cache.hashOf(after)).toBe(cache.hashOf(before));
    cache.set(cache.hashOf(before), before, { success: false, violations: [violation(before.templatePath)] });
    cache.save();
    expect(new ValidationCache(file, VERSION).get(cache.hashOf(after), after)).toEqual({ success: false, violations: [violation(after.templatePath)] });
  });

  test('the hash changes with the template bytes, stack path, account, region and versions', () => {
    const dir = temporaryDirectory('lakemesh-validation-cache-');
    const stack = template(dir, 'Stack', topic());
    const cache = new ValidationCache(path.join(dir, 'cache.json'), VERSION);
    const hash = cache.hashOf(stack);
    expect(cache.hashOf({ ...stack })).toBe(hash);
    const others = [
      cache.hashOf({ ...stack, stackConstructPath: 'Other' }),
      cache.hashOf({ ...stack, accountId: '222222222222' }),
      cache.hashOf({ ...stack, region: 'us-east-1' }),
      cache.hashOf({ ...stack, accountId: undefined }),
      new ValidationCache(path.join(dir, 'cache.json'), 'aws-cdk-lib@2 validator@1').hashOf(stack),
    ];
    fs.writeFileSync(stack.templatePath, JSON.stringify({ Resources: topic({ TopicName: 'changed' }) }));
    others.push(cache.hashOf(stack));
    expect(new Set([hash, ...others]).size).toBe(others.length + 1);
  });

  test('keeps only the entries of the last synth: read or set in it', () => {
    const dir = temporaryDirectory('lakemesh-validation-cache-');
    const file = path.join(dir, 'cache.json');
    const stack = template(dir, 'Stack', topic());
    const first = new ValidationCache(file, VERSION);
    first.set('a', stack, CLEAN);
    first.set('b', stack, CLEAN);
    first.save();
    const second = new ValidationCache(file, VERSION);
    expect(second.get('a', stack)).toEqual(CLEAN);
    second.set('c', stack, CLEAN);
    second.save();
    expect(Object.keys((JSON.parse(fs.readFileSync(file, 'utf8')) as { entries: object }).entries)).toEqual(['a', 'c']);
  });

  test.each([
    ['a file of another version', (file: string) => fs.writeFileSync(file, JSON.stringify({ version: 'old', entries: { a: CLEAN } }))],
    ['a file that is not JSON', (file: string) => fs.writeFileSync(file, '{ "version": ')],
    ['an entry that is not a report', (file: string) => fs.writeFileSync(file, JSON.stringify({ version: VERSION, entries: { a: { violations: 'none' } } }))],
    ['no file', () => undefined],
  ])('treats %s as empty', (_label, write) => {
    const dir = temporaryDirectory('lakemesh-validation-cache-');
    const file = path.join(dir, 'cache.json');
    write(file);
    expect(new ValidationCache(file, VERSION).get('a', template(dir, 'Stack', topic()))).toBeUndefined();
  });

  test('a cache it cannot write costs nothing but the next synth\'s time', () => {
    const dir = temporaryDirectory('lakemesh-validation-cache-');
    const blocker = path.join(dir, 'not-a-folder');
    fs.writeFileSync(blocker, '');
    const cache = new ValidationCache(path.join(blocker, 'cache.json'), VERSION);
    cache.set('a', { stackConstructPath: 'Stack', templatePath: path.join(dir, 'Stack.template.json'), accountId: undefined, region: undefined }, CLEAN);
    expect(() => cache.save()).not.toThrow();
    expect(fs.readdirSync(dir)).toEqual(['not-a-folder']);
  });

  describe('fromEnvironment', () => {
    test('defaults to node_modules/.cache/lakemesh in the directory synth runs in, when it has node_modules', () => {
      const dir = temporaryDirectory('lakemesh-validation-cache-');
      expect(ValidationCache.fromEnvironment(VERSION, dir, {})).toBeUndefined();
      fs.mkdirSync(path.join(dir, 'node_modules'));
      expect(ValidationCache.fromEnvironment(VERSION, dir, {})?.file).toBe(path.join(dir, 'node_modules', '.cache', 'lakemesh', 'template-validation.json'));
    });

    test(`${VALIDATION_CACHE_ENV}=off turns it off, a path moves it`, () => {
      const dir = temporaryDirectory('lakemesh-validation-cache-');
      fs.mkdirSync(path.join(dir, 'node_modules'));
      expect(ValidationCache.fromEnvironment(VERSION, dir, { [VALIDATION_CACHE_ENV]: 'off' })).toBeUndefined();
      expect(ValidationCache.fromEnvironment(VERSION, dir, { [VALIDATION_CACHE_ENV]: 'build/cache.json' })?.file).toBe(path.join(dir, 'build', 'cache.json'));
    });
  });
});

describe('ParallelTemplateValidation with a cache', () => {
  function setUp() {
    const dir = temporaryDirectory('lakemesh-validation-cache-');
    const stackTemplates = [template(dir, 'Clean', topic()), template(dir, 'Typo', topic({ TopicNam: 'typo' })), template(dir, 'Other', topic({ TopicName: 'x' }))];
    const context = { stackTemplates, templatePaths: stackTemplates.map((t) => t.templatePath) } as unknown as IPolicyValidationContext;
    return { dir, context, file: path.join(dir, 'cache.json'), expected: new CloudFormationValidatePlugin().validate(context) };
  }

  test('a second synth of the same templates validates none of them and reports the same', () => {
    const { context, file, expected } = setUp();
    expect(expected.success).toBe(false);
    expect(new ParallelTemplateValidation({ threads: 1, cache: new ValidationCache(file, validatorVersion()) }).validate(context)).toEqual(expected);
    const post = jest.spyOn(ValidationWorker.prototype, 'post');
    try {
      expect(new ParallelTemplateValidation({ threads: 1, cache: new ValidationCache(file, validatorVersion()) }).validate(context)).toEqual(expected);
      expect(post).not.toHaveBeenCalled();
    } finally {
      post.mockRestore();
    }
  });

  test('validates only the template that changed, and reports what it finds now', () => {
    const { context, file } = setUp();
    new ParallelTemplateValidation({ threads: 1, cache: new ValidationCache(file, validatorVersion()) }).validate(context);
    fs.writeFileSync(context.stackTemplates[1].templatePath, JSON.stringify({ Resources: topic({ TopicName: 'fixed' }) }));
    const post = jest.spyOn(ValidationWorker.prototype, 'post');
    try {
      const report = new ParallelTemplateValidation({ threads: 1, cache: new ValidationCache(file, validatorVersion()) }).validate(context);
      expect(report).toEqual(new CloudFormationValidatePlugin().validate(context));
      expect(report.success).toBe(true);
      expect(post.mock.calls.map(([t]) => t.stackConstructPath)).toEqual(['Typo']);
    } finally {
      post.mockRestore();
    }
  });
});
