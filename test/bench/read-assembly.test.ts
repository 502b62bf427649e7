/** Reading a cloud assembly for the report, and the CDK floor rebuilt from it. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { buildFloorApp } from '../../bench/cdk-floor';
import { FloorPlanBuilder } from '../../bench/floor-plan';
import { ParsedTemplate, readAssembly } from '../../bench/read-assembly';
import { validationSummary } from '../../bench/validation-report';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'bench-assembly-'));
}

/** Two stacks: a producer with one grant, and a governance stack (deployed after it) with a chain of three. */
function synthSample(outdir: string): void {
  const app = new App({ outdir, context: { 'aws:cdk:version-reporting': true } });
  const producer = new Stack(app, 'Producer', { stackName: 'bench-domain-a', env: { account: '200000000001', region: 'eu-west-1' } });
  new CfnResource(producer, 'Grant', { type: 'AWS::LakeFormation::PrincipalPermissions', properties: { Permissions: ['DESCRIBE'] } });
  const governance = new Stack(app, 'Governance', { stackName: 'bench-governance', env: { account: '100000000000', region: 'eu-west-1' } });
  const table = new CfnResource(governance, 'Table', { type: 'AWS::Glue::Table', properties: { DatabaseName: 'db' } });
  let previous: CfnResource | undefined;
  for (const name of ['First', 'Second', 'Third']) {
    const grant = new CfnResource(governance, name, { type: 'AWS::LakeFormation::PrincipalPermissions', properties: { Resource: { Table: { Name: table.ref } } } });
    if (previous) grant.node.addDependency(previous);
    previous = grant;
  }
  governance.addDependency(producer);
  app.synth();
}

describe('readAssembly', () => {
  const outdir = tempDir();
  synthSample(outdir);
  const stats = readAssembly(outdir);

  test('counts stacks, resources and template bytes', () => {
    expect(stats.stacks.map((s) => [s.stackName, s.resources])).toEqual([
      ['bench-domain-a', 2],
      ['bench-governance', 5],
    ]);
    expect(stats.totalResources).toBe(7);
    expect(stats.largestByResources).toEqual({ stackName: 'bench-governance', resources: 5 });
    const governanceFile = path.join(outdir, 'Governance.template.json');
    expect(stats.largestByBytes).toEqual({ stackName: 'bench-governance', templateBytes: fs.statSync(governanceFile).size });
  });

  test('adds the chains of stacks that deploy one after another', () => {
    expect(stats.lakeFormationWrites).toBe(4);
    expect(stats.lakeFormationChainInStack).toBe(3);
    expect(stats.lakeFormationChain).toBe(4);
  });

  test('fails on a folder without stacks, naming the manifest', () => {
    const empty = tempDir();
    new App({ outdir: empty }).synth();
    expect(() => readAssembly(empty)).toThrow(`no CloudFormation stack in ${path.join(empty, 'manifest.json')}; did the synth write an assembly?`);
  });
});

describe('the CDK floor', () => {
  const outdir = tempDir();
  synthSample(outdir);
  const plan = new FloorPlanBuilder();
  const source = readAssembly(outdir, plan.visit);
  const floorOut = tempDir();
  buildFloorApp(plan.stacks, { outdir: floorOut, liftResourceLimit: false }).synth();
  const floorTemplates = new Map<string, ParsedTemplate>();
  const floor = readAssembly(floorOut, (stack, template) => floorTemplates.set(stack.stackName, template));

  test('has the same stacks, environments, dependencies and resource counts', () => {
    const shape = (s: (typeof source.stacks)[number]) => [s.stackName, s.environment, s.resources, s.dependencies.length];
    expect(floor.stacks.map(shape)).toEqual(source.stacks.map(shape));
  });

  test('copies every resource with its logical id, type and properties, but no DependsOn', () => {
    const governance = floorTemplates.get('bench-governance')!.Resources!;
    expect(governance.Second).toEqual(
      expect.objectContaining({ Type: 'AWS::LakeFormation::PrincipalPermissions', Properties: { Resource: { Table: { Name: { Ref: 'Table' } } } } }),
    );
    expect(governance.Second.DependsOn).toBeUndefined();
    expect(floor.lakeFormationChainInStack).toBe(1);
  });
});

describe('validationSummary', () => {
  test('lists error rules, the CDK template rules first, with the constructs each flags', () => {
    const outdir = tempDir();
    fs.writeFileSync(
      path.join(outdir, 'validation-report.json'),
      JSON.stringify({
        pluginReports: [
          { pluginName: 'NIST', violations: [{ ruleName: 'NIST-IAMNoInlinePolicy', severity: 'error', violatingConstructs: [{}, {}] }] },
          { pluginName: 'CloudFormation Validate', violations: [
            { ruleName: 'F0007', severity: 'error', description: 'Template has 958 resources, maximum is 500', violatingConstructs: [{}] },
            { ruleName: 'W1001', severity: 'warning', description: 'only a warning' },
          ] },
        ],
      }),
    );
    expect(validationSummary(outdir)).toBe('F0007 ×1 (Template has 958 resources, maximum is 500), NIST-IAMNoInlinePolicy ×2');
  });

  test('says when there is no report', () => {
    const outdir = tempDir();
    expect(validationSummary(outdir)).toBe(`no validation-report.json in ${outdir}`);
  });
});
