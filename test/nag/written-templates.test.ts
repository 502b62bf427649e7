import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { App, IPolicyValidationContext, PolicyValidationStack, Stack } from 'aws-cdk-lib';
import { DataMeshChecks } from '../../lib/nag';
import { WrittenTemplates } from '../../lib/nag/written-templates';
import { logicalIdOf } from '../../lib/stacks/logical-id';
import { CENTRAL_ACCOUNT, grantMetadata, principalPermissions } from './fixtures';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-written-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeTemplate(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

function stackTemplate(stack: Stack, templatePath: string): PolicyValidationStack {
  return { stackConstructPath: stack.node.path, templatePath, accountId: CENTRAL_ACCOUNT, region: 'eu-west-1' };
}

function fixture(): { app: App; stack: Stack } {
  const app = new App();
  return { app, stack: new Stack(app, 'Fixture', { env: { account: CENTRAL_ACCOUNT, region: 'eu-west-1' } }) };
}

describe('WrittenTemplates', () => {
  test("reads a resource from its stack's template", () => {
    const { stack } = fixture();
    const file = writeTemplate('a.json', JSON.stringify({ Resources: { Grant: { Type: 'AWS::X::Y', Properties: { A: 1 } } } }));
    expect(new WrittenTemplates([stackTemplate(stack, file)]).resource(stack, 'Grant')).toEqual({ Type: 'AWS::X::Y', Properties: { A: 1 } });
  });

  test('answers undefined for a stack not written, an unreadable or damaged file, and a resource not in the template', () => {
    const { app, stack } = fixture();
    const other = new Stack(app, 'Other');
    const good = writeTemplate('good.json', JSON.stringify({ Resources: { Grant: { Type: 'AWS::X::Y' }, Odd: 'text' } }));
    const written = new WrittenTemplates([stackTemplate(stack, good)]);
    expect(written.resource(other, 'Grant')).toBeUndefined();
    expect(written.resource(stack, 'Missing')).toBeUndefined();
    expect(written.resource(stack, 'Odd')).toBeUndefined();
    expect(new WrittenTemplates([stackTemplate(stack, path.join(dir, 'absent.json'))]).resource(stack, 'Grant')).toBeUndefined();
    expect(new WrittenTemplates([stackTemplate(stack, writeTemplate('bad.json', '{"Resources": '))]).resource(stack, 'Grant')).toBeUndefined();
    expect(new WrittenTemplates([stackTemplate(stack, writeTemplate('none.json', '{}'))]).resource(stack, 'Grant')).toBeUndefined();
  });

  test('switching between stacks reads each template again', () => {
    const { app, stack } = fixture();
    const other = new Stack(app, 'Other');
    const first = writeTemplate('first.json', JSON.stringify({ Resources: { R: { Type: 'First' } } }));
    const second = writeTemplate('second.json', JSON.stringify({ Resources: { R: { Type: 'Second' } } }));
    const written = new WrittenTemplates([stackTemplate(stack, first), stackTemplate(other, second)]);
    expect([written.resource(stack, 'R'), written.resource(other, 'R'), written.resource(stack, 'R')]).toEqual([
      { Type: 'First' },
      { Type: 'Second' },
      { Type: 'First' },
    ]);
  });
});

describe('DataMeshChecks as a validation plugin', () => {
  function context(app: App, stackTemplates: PolicyValidationStack[]): IPolicyValidationContext {
    return { appConstruct: app, stackTemplates, templatePaths: stackTemplates.map((stack) => stack.templatePath) };
  }

  test('checks the resources as the written template holds them', () => {
    const { app, stack } = fixture();
    // Compliant in the tree; the written template, as CloudFormation will get it, is not.
    const grant = principalPermissions(stack, 'Grant', { metadata: grantMetadata() });
    const rendered = stack.resolve(grant._toCloudFormation()).Resources[logicalIdOf(grant)];
    rendered.Properties.PermissionsWithGrantOption = ['SELECT'];
    const file = writeTemplate('fixture.json', JSON.stringify({ Resources: { [logicalIdOf(grant)]: rendered } }));
    const report = new DataMeshChecks().validate(context(app, [stackTemplate(stack, file)]));
    expect(report.violations.map((violation) => [violation.ruleName, violation.violatingResources[0].constructPath])).toEqual([
      ['DataMesh-NoGrantOption', grant.node.path],
    ]);
  });

  test('renders a resource itself when its template was not written or does not hold it', () => {
    const { app, stack } = fixture();
    principalPermissions(stack, 'Grant', { metadata: grantMetadata(), permissionsWithGrantOption: ['SELECT'] });
    const empty = writeTemplate('empty.json', JSON.stringify({ Resources: {} }));
    for (const stackTemplates of [[], [stackTemplate(stack, empty)]]) {
      const report = new DataMeshChecks().validate(context(app, stackTemplates));
      expect(report.violations.map((violation) => violation.ruleName)).toEqual(['DataMesh-NoGrantOption']);
    }
  });
});
