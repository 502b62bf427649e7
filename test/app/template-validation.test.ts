/**
 * aws-cdk-lib's built-in CloudFormation template validation (resource schemas and lint rules) on
 * the whole example mesh, with the context of the app's own cdk.json. The jest setup turns the
 * validation off everywhere else (`CDK_VALIDATION=false`, ~1 s per app); this file turns it back on.
 *
 * `@aws-cdk/core:validateAgainstDefaultRules` alone fails synth on lint errors only: a lint warning
 * such as an unknown enum value (W3030, e.g. a Lake Formation permission `READ`) would still pass.
 * `@aws-cdk/core:strictCfnValidateErrors` fails synth on warnings too. In jest the CDK runs "in
 * memory", so a failing validation makes `app.synth()` throw with the report; every finding is
 * also written to `validation-report.json` in the assembly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { App, CfnResource } from 'aws-cdk-lib';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { MeshApp } from '../../lib/app/mesh-app';
import { MESH_RESOURCE_TYPES } from '../../lib/app/parallel-template-validation';
import { loadMesh } from '../../lib/config/load-mesh';
import { EXAMPLE_MESH_FILE, FIXED_TODAY, replaceOnce, REPOSITORY_ROOT, temporaryDirectory, writeExampleVariant } from '../support/mesh-app-fixture';

const VALIDATE_AGAINST_DEFAULT_RULES = '@aws-cdk/core:validateAgainstDefaultRules';
const STRICT_CFN_VALIDATE_ERRORS = '@aws-cdk/core:strictCfnValidateErrors';
const REPORT_FILE = 'validation-report.json';
/** The context `npx cdk synth` runs the app with. */
const APP_CONTEXT = (JSON.parse(fs.readFileSync(path.join(REPOSITORY_ROOT, 'cdk.json'), 'utf8')) as { context: Record<string, unknown> }).context;

const setupValue = process.env.CDK_VALIDATION;
beforeAll(() => {
  delete process.env.CDK_VALIDATION;
});
afterAll(() => {
  process.env.CDK_VALIDATION = setupValue;
});

interface ValidationReport {
  readonly pluginReports: readonly { readonly pluginName: string; readonly violations: readonly { readonly ruleName: string; readonly severity?: string }[] }[];
}

function validatedMesh(meshFile: string): { app: App; mesh: MeshApp; outdir: string } {
  const outdir = temporaryDirectory('lakemesh-validated-');
  const app = new App({ outdir, context: APP_CONTEXT });
  const mesh = new MeshApp(app, 'Mesh', { mesh: loadMesh(meshFile, { today: new Date(`${FIXED_TODAY}T12:00:00Z`) }), today: FIXED_TODAY });
  return { app, mesh, outdir };
}

/** The resource types of the templates in `outdir`. */
function resourceTypesIn(outdir: string): string[] {
  const types = new Set<string>();
  for (const file of fs.readdirSync(outdir).filter((name) => name.endsWith('.template.json'))) {
    const template = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8')) as { Resources: Record<string, { Type: string }> };
    for (const resource of Object.values(template.Resources)) types.add(resource.Type);
  }
  return [...types].sort();
}

/** Every finding in the report, as `<plugin>: <severity> <rule>`. */
function reportedFindings(outdir: string): string[] {
  const report = JSON.parse(fs.readFileSync(path.join(outdir, REPORT_FILE), 'utf8')) as ValidationReport;
  return report.pluginReports.flatMap((plugin) => plugin.violations.map((violation) => `${plugin.pluginName}: ${violation.severity} ${violation.ruleName}`));
}

describe('CloudFormation validation of the example mesh', () => {
  test('the app turns every finding into an error: lint errors and warnings fail synth', () => {
    expect(APP_CONTEXT).toEqual(expect.objectContaining({ [VALIDATE_AGAINST_DEFAULT_RULES]: true, [STRICT_CFN_VALIDATE_ERRORS]: true }));
  });

  const variants: [string, () => string][] = [
    ['the example (central catalog)', () => EXAMPLE_MESH_FILE],
    ['producer-direct sharing', () => writeExampleVariant((yaml) => replaceOnce(yaml, 'sharing: central-catalog', 'sharing: producer-direct'))],
  ];

  test.each(variants)('%s: synth succeeds and the report holds no finding, not even a warning', (_, meshFile) => {
    const { app, outdir } = validatedMesh(meshFile());
    expect(() => app.synth()).not.toThrow();
    expect(reportedFindings(outdir)).toEqual([]);
    // The early validation worker is prepared for every type (else it rebuilds its engine).
    expect(resourceTypesIn(outdir).filter((type) => !MESH_RESOURCE_TYPES.includes(type))).toEqual([]);
  });

  test('is really on: a Lake Formation permission CloudFormation does not know (a lint warning) fails synth', () => {
    const { app, mesh, outdir } = validatedMesh(EXAMPLE_MESH_FILE);
    const [grant] = mesh.governanceStack.node.findAll().filter((construct) => construct instanceof lakeformation.CfnPrincipalPermissions);
    (grant as CfnResource).addPropertyOverride('Permissions', ['READ']);
    expect(() => app.synth()).toThrow(/Permissions\.0: 'READ' is not one of \['ALL', 'SELECT'/);
    expect(reportedFindings(outdir)).toEqual(['CloudFormation Validate: warning W3030']);
  });

  test('is really on: a property CloudFormation does not know (a schema error) fails synth', () => {
    const { app, mesh } = validatedMesh(EXAMPLE_MESH_FILE);
    const [grant] = mesh.governanceStack.node.findAll().filter((construct) => construct instanceof lakeformation.CfnPrincipalPermissions);
    (grant as CfnResource).addPropertyOverride('Permission', ['SELECT']);
    expect(() => app.synth()).toThrow(/Permission: Additional properties are not allowed \('Permission' was unexpected/);
  });
});
