/**
 * A small mesh as synthesized templates (a governance stack and a consumer stack) and the live
 * Lake Formation state that matches it exactly. Tests change one side and look at the drift.
 */
import { Permission, PrincipalResourcePermissions, Resource } from '@aws-sdk/client-lakeformation';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AssemblyStack } from '../../lib/audit/cloud-assembly';
import { CfnObject } from '../../lib/nag/cfn-values';
import { FakeAccount } from './fake-aws';

export const CENTRAL = '111111111111';
export const CONSUMER = '444444444444';
export const REGION = 'eu-west-1';
export const ANALYST = `arn:aws:iam::${CONSUMER}:role/analyst`;
export const MARKETING = `arn:aws:iam::${CONSUMER}:role/marketing`;
export const ETL = `arn:aws:iam::${CENTRAL}:role/sales-etl`;
export const DEPLOY_ROLE = `arn:aws:iam::${CENTRAL}:role/cdk-hnb659fds-cfn-exec-role-${CENTRAL}-${REGION}`;
export const CONSUMER_DEPLOY_ROLE = `arn:aws:iam::${CONSUMER}:role/cdk-hnb659fds-cfn-exec-role-${CONSUMER}-${REGION}`;
export const DATABASE = 'sales_orders';
export const TABLE = 'orders';
export const FILTER = 'de_only';
export const COLUMNS = ['country', 'email', 'order_id'];

const accountId = { Ref: 'AWS::AccountId' };

/** The governance stack's resources (central account). */
export function governanceResources(): Record<string, CfnObject> {
  return {
    Settings: {
      Type: 'Custom::LakemeshDataLakeSettings',
      Properties: {
        ServiceToken: { 'Fn::GetAtt': ['Provider', 'Arn'] },
        Admins: [],
        DeploymentAdmins: [{ 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/cdk-hnb659fds-cfn-exec-role-\${AWS::AccountId}-\${AWS::Region}` }],
        CrossAccountVersion: '4',
      },
    },
    TagClassification: { Type: 'AWS::LakeFormation::Tag', Properties: { CatalogId: accountId, TagKey: 'classification', TagValues: ['public', 'internal', 'restricted'] } },
    TagDomain: { Type: 'AWS::LakeFormation::Tag', Properties: { CatalogId: accountId, TagKey: 'domain', TagValues: ['sales'] } },
    Database: {
      Type: 'AWS::Glue::Database',
      Properties: { CatalogId: accountId, DatabaseInput: { Name: DATABASE, CreateTableDefaultPermissions: [] } },
    },
    Table: {
      Type: 'AWS::Glue::Table',
      Properties: {
        CatalogId: accountId,
        DatabaseName: DATABASE,
        TableInput: {
          Name: TABLE,
          StorageDescriptor: { Columns: [{ Name: 'order_id', Type: 'string' }, { Name: 'email', Type: 'string' }] },
          PartitionKeys: [{ Name: 'country', Type: 'string' }],
        },
      },
    },
    DatabaseTags: {
      Type: 'AWS::LakeFormation::TagAssociation',
      Properties: {
        Resource: { Database: { CatalogId: accountId, Name: { Ref: 'Database' } } },
        LFTags: [{ CatalogId: accountId, TagKey: 'domain', TagValues: ['sales'] }],
      },
    },
    ColumnTags: {
      Type: 'AWS::LakeFormation::TagAssociation',
      Properties: {
        Resource: { TableWithColumns: { CatalogId: accountId, DatabaseName: DATABASE, Name: TABLE, ColumnNames: ['email'] } },
        LFTags: [{ CatalogId: accountId, TagKey: 'classification', TagValues: ['restricted'] }],
      },
    },
    Filter: {
      Type: 'AWS::LakeFormation::DataCellsFilter',
      Properties: {
        TableCatalogId: accountId,
        DatabaseName: DATABASE,
        TableName: TABLE,
        Name: FILTER,
        RowFilter: { FilterExpression: "country = 'DE'" },
        ColumnNames: ['country', 'order_id'],
      },
    },
    AnalystDatabase: grant(ANALYST, { Database: { CatalogId: accountId, Name: DATABASE } }, ['DESCRIBE']),
    AnalystTable: grant(ANALYST, { TableWithColumns: { CatalogId: accountId, DatabaseName: DATABASE, Name: TABLE, ColumnNames: ['country', 'order_id'] } }, ['SELECT']),
    MarketingFilter: grant(MARKETING, { DataCellsFilter: { TableCatalogId: accountId, DatabaseName: DATABASE, TableName: TABLE, Name: FILTER } }, ['SELECT']),
    EtlRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'sales-etl', AssumeRolePolicyDocument: {} } },
    EtlTable: grant({ 'Fn::GetAtt': ['EtlRole', 'Arn'] }, { Table: { CatalogId: accountId, DatabaseName: DATABASE, Name: TABLE } }, ['ALTER', 'SELECT']),
  };
}

/** The consumer stack's resources: a resource link and DESCRIBE on it. */
export function consumerResources(): Record<string, CfnObject> {
  return {
    Settings: {
      Type: 'Custom::LakemeshDataLakeSettings',
      Properties: { Admins: [], DeploymentAdmins: [CONSUMER_DEPLOY_ROLE], CrossAccountVersion: '4' },
    },
    Link: {
      Type: 'AWS::Glue::Database',
      Properties: { CatalogId: accountId, DatabaseInput: { Name: DATABASE, TargetDatabase: { CatalogId: CENTRAL, DatabaseName: DATABASE } } },
    },
    AnalystLink: grant(ANALYST, { Database: { CatalogId: accountId, Name: DATABASE } }, ['DESCRIBE']),
  };
}

export function grant(principal: unknown, resource: CfnObject, permissions: string[], grantOption: string[] = []): CfnObject {
  return {
    Type: 'AWS::LakeFormation::PrincipalPermissions',
    Properties: { Principal: { DataLakePrincipalIdentifier: principal }, Resource: resource, Permissions: permissions, PermissionsWithGrantOption: grantOption },
  };
}

export interface StackFixture {
  readonly id: string;
  readonly account: string | undefined;
  readonly region: string | undefined;
  readonly resources: Record<string, CfnObject>;
}

export function meshStacks(edit: { governance?: (r: Record<string, CfnObject>) => void; consumer?: (r: Record<string, CfnObject>) => void } = {}): StackFixture[] {
  const governance = governanceResources();
  const consumer = consumerResources();
  edit.governance?.(governance);
  edit.consumer?.(consumer);
  return [
    { id: 'retail-governance', account: CENTRAL, region: REGION, resources: governance },
    { id: 'retail-consumer-marketing', account: CONSUMER, region: REGION, resources: consumer },
  ];
}

/** Stacks as `readCloudAssembly` returns them, without files. */
export function assemblyStacks(stacks: readonly StackFixture[]): AssemblyStack[] {
  return stacks.map((stack) => ({
    artifactId: stack.id,
    stackName: stack.id,
    account: stack.account,
    region: stack.region,
    templateFile: `/fixture/${stack.id}.template.json`,
    template: { Resources: stack.resources },
  }));
}

const written: string[] = [];

/** Writes a cloud assembly (`manifest.json` and one template per stack) to a new temp directory. */
export function writeAssembly(stacks: readonly StackFixture[]): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-drift-'));
  written.push(directory);
  const artifacts: Record<string, unknown> = {};
  for (const stack of stacks) {
    const templateFile = `${stack.id}.template.json`;
    fs.writeFileSync(path.join(directory, templateFile), JSON.stringify({ Resources: stack.resources }));
    artifacts[stack.id] = {
      type: 'aws:cloudformation:stack',
      environment: `aws://${stack.account ?? 'unknown-account'}/${stack.region ?? 'unknown-region'}`,
      properties: { templateFile, stackName: stack.id },
    };
  }
  fs.writeFileSync(path.join(directory, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
  return directory;
}

/** Removes every directory `writeAssembly` wrote. */
export function removeWrittenAssemblies(): void {
  for (const directory of written.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
}

/** The live state that matches `meshStacks()` exactly. */
export function matchingLive(): Record<string, FakeAccount> {
  return {
    [CENTRAL]: {
      settings: {
        DataLakeAdmins: [{ DataLakePrincipalIdentifier: DEPLOY_ROLE }],
        CreateDatabaseDefaultPermissions: [],
        CreateTableDefaultPermissions: [],
        Parameters: { CROSS_ACCOUNT_VERSION: '4' },
      },
      databases: { [DATABASE]: { CreateTableDefaultPermissions: [] } },
      tables: { [DATABASE]: [TABLE] },
      permissions: [
        // What the deployment role holds as the creator of the database and table: never drift.
        live(DEPLOY_ROLE, { Database: { CatalogId: CENTRAL, Name: DATABASE } }, ['ALL'], ['ALL']),
        live(DEPLOY_ROLE, { Table: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE } }, ['ALL'], ['ALL']),
        live(ANALYST, { Database: { CatalogId: CENTRAL, Name: DATABASE } }, ['DESCRIBE']),
        live(ANALYST, { TableWithColumns: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE, ColumnNames: ['country', 'order_id'] } }, ['SELECT']),
        live(MARKETING, { DataCellsFilter: { TableCatalogId: CENTRAL, DatabaseName: DATABASE, TableName: TABLE, Name: FILTER } }, ['SELECT']),
        live(ETL, { Table: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE } }, ['ALTER']),
        live(ETL, { TableWithColumns: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE, ColumnWildcard: {} } }, ['SELECT']),
      ],
      filters: [
        { TableCatalogId: CENTRAL, DatabaseName: DATABASE, TableName: TABLE, Name: FILTER, RowFilter: { FilterExpression: "country = 'DE'" }, ColumnNames: ['order_id', 'country'] },
      ],
      tags: [
        { CatalogId: CENTRAL, TagKey: 'classification', TagValues: ['internal', 'public', 'restricted'] },
        { CatalogId: CENTRAL, TagKey: 'domain', TagValues: ['sales'] },
      ],
      resourceTags: {
        [DATABASE]: { LFTagOnDatabase: [{ CatalogId: CENTRAL, TagKey: 'domain', TagValues: ['sales'] }] },
        [`${DATABASE}.${TABLE}`]: {
          // Inherited from the database, as Lake Formation may list it.
          LFTagsOnTable: [{ CatalogId: CENTRAL, TagKey: 'domain', TagValues: ['sales'] }],
          LFTagsOnColumns: [
            { Name: 'email', LFTags: [{ CatalogId: CENTRAL, TagKey: 'classification', TagValues: ['restricted'] }] },
            { Name: 'order_id', LFTags: [] },
          ],
        },
      },
    },
    [CONSUMER]: {
      settings: { DataLakeAdmins: [{ DataLakePrincipalIdentifier: CONSUMER_DEPLOY_ROLE }], CreateDatabaseDefaultPermissions: [], CreateTableDefaultPermissions: [], Parameters: { CROSS_ACCOUNT_VERSION: '4' } },
      databases: { [DATABASE]: {} },
      tables: {},
      permissions: [live(ANALYST, { Database: { CatalogId: CONSUMER, Name: DATABASE } }, ['DESCRIBE'])],
      filters: [],
      tags: [],
      resourceTags: {},
    },
  };
}

export function live(principal: string, resource: Resource, permissions: string[], grantOption: string[] = []): PrincipalResourcePermissions {
  return {
    Principal: { DataLakePrincipalIdentifier: principal },
    Resource: resource,
    Permissions: permissions as Permission[],
    PermissionsWithGrantOption: grantOption as Permission[],
  };
}
