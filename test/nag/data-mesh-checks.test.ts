import { App, Fn, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { NagMessageLevel } from 'cdk-nag';
import { PRODUCT_METADATA_KEY } from '../../lib/grants/grant-metadata';
import {
  DATA_MESH_RULES,
  DataMeshChecks,
  NoGrantOption,
  TABLE_CONTRACT_ID_PARAMETER,
  TABLE_CONTRACT_VERSION_PARAMETER,
  TABLE_OWNER_PARAMETER,
} from '../../lib/nag';
import {
  CENTRAL_ACCOUNT,
  CENTRAL_ROLE,
  dataBucket,
  dataKey,
  findings,
  grantMetadata,
  legacyPermissions,
  newStack,
  principalPermissions,
} from './fixtures';

describe('DataMeshChecks', () => {
  test('reports its rules under the DataMesh prefix', () => {
    expect(new DataMeshChecks().ruleIds).toEqual([
      'DataMesh-NoIamAllowedPrincipals',
      'DataMesh-NoWildcardOrRootPrincipals',
      'DataMesh-OnlyPrincipalPermissions',
      'DataMesh-GrantHasContractMetadata',
      'DataMesh-NoGrantOption',
      'DataMesh-RestrictedColumnsNeedRole',
      'DataMesh-DataStoresRetained',
      'DataMesh-DataBucketsUseCmk',
      'DataMesh-LocationsUseCustomRole',
      'DataMesh-DatabasesHaveNoDefaultPermissions',
      'DataMesh-SharedTablesHaveOwnerAndContract',
    ]);
  });

  test('every rule is an error', () => {
    expect(DATA_MESH_RULES.filter((rule) => rule.level !== NagMessageLevel.ERROR).map((rule) => rule.name)).toEqual([]);
  });

  test('is silent on a mesh that keeps every rule', () => {
    const stack = newStack();
    const key = dataKey(stack);
    dataBucket(stack, key);
    new lakeformation.CfnDataLakeSettings(stack, 'Settings', { createDatabaseDefaultPermissions: [], createTableDefaultPermissions: [] });
    new lakeformation.CfnResource(stack, 'Location', { resourceArn: 'arn:aws:s3:::retail-sales-data/orders', useServiceLinkedRole: false, roleArn: CENTRAL_ROLE });
    new glue.CfnDatabase(stack, 'Database', { catalogId: CENTRAL_ACCOUNT, databaseInput: { name: 'sales_orders', createTableDefaultPermissions: [] } });
    const table = new glue.CfnTable(stack, 'Table', {
      catalogId: CENTRAL_ACCOUNT,
      databaseName: 'sales_orders',
      tableInput: {
        name: 'orders',
        parameters: {
          [TABLE_CONTRACT_ID_PARAMETER]: 'urn:contract:sales-orders',
          [TABLE_CONTRACT_VERSION_PARAMETER]: '1.2.0',
          [TABLE_OWNER_PARAMETER]: 'sales-data@example.com',
        },
      },
    });
    table.addMetadata(PRODUCT_METADATA_KEY, { product: 'sales.orders', contractId: 'urn:contract:sales-orders', contractVersion: '1.2.0', owner: 'sales-data@example.com' });
    principalPermissions(stack, 'ConsumerGrant', { metadata: grantMetadata() });
    principalPermissions(stack, 'AdminGrant', { principal: CENTRAL_ROLE, permissionsWithGrantOption: ['ALL'] });
    expect(findings(stack)).toEqual([]);
  });

  test('treats values unknown at synth time as no evidence: no rule fires or throws', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', { metadata: grantMetadata() });
    grant.addPropertyOverride('Resource', Fn.importValue('GrantResource'));
    grant.addPropertyOverride('Principal.DataLakePrincipalIdentifier', Fn.importValue('Principal'));
    const key = dataKey(stack);
    key.addPropertyOverride('EnableKeyRotation', Fn.importValue('Rotation'));
    const bucket = dataBucket(stack, key);
    bucket.addPropertyOverride('BucketEncryption.ServerSideEncryptionConfiguration', Fn.importValue('Encryption'));
    const database = new glue.CfnDatabase(stack, 'Database', { catalogId: CENTRAL_ACCOUNT, databaseInput: { name: 'x' } });
    database.addPropertyOverride('DatabaseInput.CreateTableDefaultPermissions', Fn.importValue('Defaults'));
    expect(findings(stack)).toEqual([]);
  });

  test('an acknowledgement suppresses one rule on one resource only', () => {
    const stack = newStack();
    const leaking = { restrictedColumns: ['email'], includeColumns: [] };
    const acknowledged = principalPermissions(stack, 'Acknowledged', {
      resource: { tableWithColumns: { catalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders', name: 'orders', columnNames: ['email'] } },
      permissionsWithGrantOption: ['SELECT'],
      metadata: grantMetadata(leaking),
    });
    const other = principalPermissions(stack, 'Other', { permissionsWithGrantOption: ['SELECT'], metadata: grantMetadata() });
    Validations.of(acknowledged).acknowledge({ id: 'DataMesh-NoGrantOption', reason: 'migration window for the legacy consumer' });
    expect(findings(stack).map(({ ruleId, path }) => [ruleId, path])).toEqual([
      ['DataMesh-RestrictedColumnsNeedRole', acknowledged.node.path],
      ['DataMesh-NoGrantOption', other.node.path],
    ]);
  });

  test('adds the explanation to the description when verbose', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant', { permissionsWithGrantOption: ['SELECT'], metadata: grantMetadata() });
    expect(findings(stack, new DataMeshChecks(undefined, { verbose: true }))[0].description).toBe(
      `${NoGrantOption.info} ${NoGrantOption.explanation}`,
    );
  });

  test('sees changes made to the tree between two runs', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', { permissionsWithGrantOption: ['SELECT'], metadata: grantMetadata() });
    const pack = new DataMeshChecks();
    expect(findings(stack, pack)).toHaveLength(1);
    grant.permissionsWithGrantOption = [];
    expect(findings(stack, pack)).toEqual([]);
  });

  test('fails synthesis as a validation plugin, and an acknowledgement with the plain rule id lets it pass', () => {
    const failing = new App();
    const failingStack = newStackIn(failing);
    legacyPermissions(failingStack, 'Legacy');
    Validations.of(failing).addPlugins(new DataMeshChecks(failing));
    expect(() => failing.synth()).toThrow(/DataMesh-OnlyPrincipalPermissions/);

    const passing = new App();
    const passingStack = newStackIn(passing);
    const legacy = legacyPermissions(passingStack, 'Legacy');
    Validations.of(legacy).acknowledge({ id: 'DataMesh-OnlyPrincipalPermissions', reason: 'imported from the pre-mesh catalog' });
    Validations.of(passing).addPlugins(new DataMeshChecks(passing));
    expect(() => passing.synth()).not.toThrow();
  });

  test('checks resources in every stack of the app', () => {
    const app = new App();
    const producer = newStackIn(app, 'Producer');
    const central = newStackIn(app, 'Central');
    const key = dataKey(producer);
    key.applyRemovalPolicy(RemovalPolicy.DESTROY);
    const legacy = legacyPermissions(central, 'Legacy');
    expect(findings(app).map(({ ruleId, path }) => [ruleId, path])).toEqual([
      ['DataMesh-DataStoresRetained', key.node.path],
      ['DataMesh-OnlyPrincipalPermissions', legacy.node.path],
    ]);
  });
});

function newStackIn(app: App, id = 'Fixture'): Stack {
  return new Stack(app, id, { env: { account: CENTRAL_ACCOUNT, region: 'eu-west-1' } });
}
