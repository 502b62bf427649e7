import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnvironment, readCloudAssembly } from '../../lib/audit/cloud-assembly';
import { FIXTURES, manifest, writeAssembly } from './template-builders';
import { problemsOf as problemsOfError } from '../support/problems';

const HINT = 'run `npx cdk synth` first, or point --cdk-out at the synthesized cloud assembly';

function problemsOf(run: () => unknown): { code: string; message: string }[] {
  return problemsOfError(run).map(({ code, message }) => ({ code, message }));
}

describe('readCloudAssembly', () => {
  test('reads every stack the manifest lists, sorted by stack name, with its account and region', () => {
    const stacks = readCloudAssembly(path.join(FIXTURES, 'central'));
    expect(stacks.map((stack) => [stack.stackName, stack.artifactId, stack.account, stack.region])).toEqual([
      ['retail-consumer-marketing', 'MeshConsumerMarketing9C0D1E2F', '444444444444', 'eu-west-1'],
      ['retail-domain-sales', 'MeshDomainSales5E6F7A8B', '222222222222', 'eu-west-1'],
      ['retail-governance', 'MeshGovernance1A2B3C4D', '111111111111', 'eu-west-1'],
    ]);
    expect(Object.keys(stacks[2].template.Resources as object)).toContain('GrantMarketingOrdersFilter');
  });

  test('reads the stacks of nested assemblies (CDK Stages) and nothing the manifests do not list', () => {
    const stacks = readCloudAssembly(path.join(FIXTURES, 'staged'));
    expect(stacks.map((stack) => stack.stackName)).toEqual(['Prod-retail-governance']);
    expect(stacks[0].templateFile).toBe(path.join(FIXTURES, 'staged', 'assembly-Prod', 'ProdGovernanceAB12CD34.template.json'));
  });

  test('names a stack by its artifact id when the artifact has no stackName', () => {
    const directory = writeAssembly({
      'manifest.json': manifest({ Governance: { templateFile: 'Governance.template.json' } }),
      'Governance.template.json': { Resources: {} },
    });
    expect(readCloudAssembly(directory)[0].stackName).toBe('Governance');
  });

  test('reads a nested assembly listed twice only once', () => {
    const nested = { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } };
    const directory = writeAssembly({
      'manifest.json': manifest({}, { 'assembly-Prod': nested, 'assembly-Prod-again': nested }),
      'assembly-Prod/manifest.json': manifest({ Gov: { templateFile: 'Gov.template.json' } }),
      'assembly-Prod/Gov.template.json': { Resources: {} },
    });
    expect(readCloudAssembly(directory)).toHaveLength(1);
  });

  test('fails when the directory does not exist', () => {
    const missing = path.join(FIXTURES, 'no-such-cdk-out');
    expect(problemsOf(() => readCloudAssembly(missing))).toEqual([
      { code: 'LM600', message: `cloud assembly directory "${missing}" does not exist; ${HINT}` },
    ]);
  });

  test('fails when the directory is a file', () => {
    const file = path.join(FIXTURES, 'README.md');
    expect(problemsOf(() => readCloudAssembly(file))[0].code).toBe('LM600');
  });

  test('fails when the directory has no manifest.json', () => {
    const directory = writeAssembly({ 'Governance.template.json': { Resources: {} } });
    expect(problemsOf(() => readCloudAssembly(directory))).toEqual([
      { code: 'LM601', message: `"${directory}" has no manifest.json, so it is not a cloud assembly; ${HINT}` },
    ]);
  });

  test('fails when manifest.json is not JSON', () => {
    const directory = writeAssembly({ 'manifest.json': '{ "version": ' });
    const [problem] = problemsOf(() => readCloudAssembly(directory));
    expect(problem.code).toBe('LM601');
    expect(problem.message).toMatch(new RegExp(`^"${escapeRegExp(path.join(directory, 'manifest.json'))}" is not a cloud assembly manifest \\(invalid JSON \\(.+\\)\\); `));
  });

  test('fails when manifest.json has no version', () => {
    const directory = writeAssembly({ 'manifest.json': { artifacts: {} } });
    expect(problemsOf(() => readCloudAssembly(directory))).toEqual([
      { code: 'LM601', message: `"${path.join(directory, 'manifest.json')}" is not a cloud assembly manifest (it has no "version"); ${HINT}` },
    ]);
  });

  test('fails when the assembly lists no stack', () => {
    const directory = writeAssembly({ 'manifest.json': manifest({}, { Tree: { type: 'cdk:tree', properties: { file: 'tree.json' } } }) });
    expect(problemsOf(() => readCloudAssembly(directory))).toEqual([
      { code: 'LM602', message: `cloud assembly "${directory}" holds no stack templates; ${HINT}` },
    ]);
  });

  test('reports every unreadable template at once', () => {
    const directory = writeAssembly({
      'manifest.json': manifest(
        {
          Missing: { templateFile: 'Missing.template.json' },
          Broken: { templateFile: 'Broken.template.json' },
          NoFile: {},
          Array: { templateFile: 'Array.template.json' },
        },
        { 'assembly-Gone': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Gone' } } },
      ),
      'Broken.template.json': '{"Resources": ',
      'Array.template.json': [],
    });
    const problems = problemsOf(() => readCloudAssembly(directory));
    expect(problems.map((problem) => problem.code)).toEqual(['LM603', 'LM603', 'LM603', 'LM603', 'LM603']);
    // In manifest order: the nested assembly entry comes first.
    expect(problems.map((problem) => problem.message)).toEqual([
      `nested cloud assembly "${path.join(directory, 'assembly-Gone')}" listed as artifact assembly-Gone does not exist; ${HINT}`,
      `template "${path.join(directory, 'Missing.template.json')}" of stack Missing cannot be read: the file does not exist; ${HINT}`,
      expect.stringMatching(/^template ".*Broken\.template\.json" of stack Broken cannot be read: invalid JSON \(.+\); run `npx cdk synth` first/),
      `stack artifact NoFile in "${directory}" names no templateFile; ${HINT}`,
      `template "${path.join(directory, 'Array.template.json')}" of stack Array cannot be read: it is not a JSON object; ${HINT}`,
    ]);
  });

  test('reports a nested assembly without a manifest', () => {
    const directory = writeAssembly({
      'manifest.json': manifest({}, { 'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod' } } }),
      'assembly-Prod/Gov.template.json': { Resources: {} },
    });
    fs.mkdirSync(path.join(directory, 'assembly-Prod'), { recursive: true });
    expect(problemsOf(() => readCloudAssembly(directory))).toEqual([
      { code: 'LM601', message: `"${path.join(directory, 'assembly-Prod')}" has no manifest.json, so it is not a cloud assembly; ${HINT}` },
    ]);
  });
});

describe('parseEnvironment', () => {
  test('reads account and region', () => {
    expect(parseEnvironment('aws://123456789012/eu-west-1')).toEqual({ account: '123456789012', region: 'eu-west-1' });
  });

  test('treats unknown-account and unknown-region as environment-agnostic', () => {
    expect(parseEnvironment('aws://unknown-account/unknown-region')).toEqual({ account: undefined, region: undefined });
  });

  test('reads nothing from a value that is not an environment', () => {
    expect(parseEnvironment(undefined)).toEqual({});
    expect(parseEnvironment('eu-west-1')).toEqual({});
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
