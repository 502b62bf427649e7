/** Drift end to end: templates against an in-memory Lake Formation, one kind of drift per test. */
import { ListDataCellsFilterCommand, ListLFTagsCommand, ListPermissionsCommand, ThrottledException } from '@aws-sdk/client-lakeformation';
import 'aws-sdk-client-mock-jest';
import { detectDrift } from '../../lib/drift/drift';
import { DriftItem, DriftReport, hasDrift } from '../../lib/drift/model';
import { CfnObject } from '../../lib/nag/cfn-values';
import { Clock } from '../../lib/drift/retry';
import { FakeAccount, FakeOptions, installFakeAws, lakeFormationMock, mockedClients } from './fake-aws';
import {
  ANALYST,
  assemblyStacks,
  CENTRAL,
  CONSUMER,
  DATABASE,
  DEPLOY_ROLE,
  ETL,
  FILTER,
  grant,
  live,
  MARKETING,
  matchingLive,
  meshStacks,
  TABLE,
} from './fixtures';

type Edit = { governance?: (resources: Record<string, CfnObject>) => void; consumer?: (resources: Record<string, CfnObject>) => void };

const noWait: Clock = { sleep: async () => undefined, random: () => 0 };

async function driftOf(edit: { templates?: Edit; live?: (accounts: Record<string, FakeAccount>) => void } = {}, options: FakeOptions = {}): Promise<DriftReport> {
  const accounts = matchingLive();
  edit.live?.(accounts);
  installFakeAws(accounts, options);
  return detectDrift(assemblyStacks(meshStacks(edit.templates)), { clients: mockedClients, clock: noWait });
}

/** Items as `code resource principal: message`, the drift items of every account. */
function items(report: DriftReport): string[] {
  return report.accounts.flatMap((account) => account.items.filter((item) => item.kind !== 'info').map(line));
}

function line(item: DriftItem): string {
  return `${item.code} ${item.resource}${item.principal === null ? '' : ` ${item.principal}`}: ${item.message}`;
}

function central(accounts: Record<string, FakeAccount>): FakeAccount {
  return accounts[CENTRAL];
}

describe('detectDrift', () => {
  test('finds no drift when the accounts hold exactly what the templates intend', async () => {
    const report = await driftOf();
    expect(items(report)).toEqual([]);
    expect(hasDrift(report)).toBe(false);
    expect(report.accounts.map((account) => [account.account, account.region, account.grantsCompared, account.stacks])).toEqual([
      [CENTRAL, 'eu-west-1', 4, ['retail-governance']],
      [CONSUMER, 'eu-west-1', 1, ['retail-consumer-marketing']],
    ]);
  });

  test('lists a resource link by database only: it holds no tables for wildcard grants', async () => {
    await driftOf();
    const consumerListings = lakeFormationMock.commandCalls(ListPermissionsCommand).map((call) => call.args[0].input).filter((input) => input.CatalogId === CONSUMER);
    expect(consumerListings.map((input) => input.Resource)).toEqual([{ Database: { CatalogId: CONSUMER, Name: DATABASE } }]);
  });

  test('reports an intended grant that is not live as missing', async () => {
    const report = await driftOf({ live: (accounts) => central(accounts).permissions.splice(2, 1) });
    expect(items(report)).toEqual([`LMD01 database ${DATABASE} ${ANALYST}: intended DESCRIBE is not granted`]);
    expect(report.accounts[0].items[0]).toMatchObject({
      kind: 'missing',
      intended: { permissions: ['DESCRIBE'], grantOption: [], columns: null },
      live: null,
      sources: [{ stack: 'retail-governance', logicalId: 'AnalystDatabase' }],
    });
  });

  test('reports a live grant no template intends as extra, on a managed table', async () => {
    const intruder = 'arn:aws:iam::555555555555:role/intruder';
    const report = await driftOf({
      live: (accounts) => central(accounts).permissions.push(live(intruder, { Table: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE } }, ['DESCRIBE'])),
    });
    expect(items(report)).toEqual([`LMD02 table ${DATABASE}.${TABLE} ${intruder}: DESCRIBE is granted but no template intends it`]);
    expect(report.accounts[0].items[0]).toMatchObject({ kind: 'extra', intended: null, live: { permissions: ['DESCRIBE'] }, sources: [] });
  });

  test('reports more permissions and a grant option than intended as wider', async () => {
    const report = await driftOf({
      live: (accounts) => central(accounts).permissions.push(live(ANALYST, { Database: { CatalogId: CENTRAL, Name: DATABASE } }, ['ALTER'], ['DESCRIBE'])),
    });
    expect(items(report)).toEqual([
      `LMD03 database ${DATABASE} ${ANALYST}: also has ALTER; grant option on DESCRIBE (intended DESCRIBE, live ALTER, DESCRIBE with grant option on DESCRIBE)`,
    ]);
  });

  test('reports columns beyond the intended list as wider, and a column wildcard for a list too', async () => {
    const withEmail = await driftOf({
      live: (accounts) =>
        central(accounts).permissions.push(live(ANALYST, { TableWithColumns: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE, ColumnNames: ['email'] } }, ['SELECT'])),
    });
    expect(items(withEmail)).toEqual([
      `LMD03 table ${DATABASE}.${TABLE} ${ANALYST}: also has select on column email (intended SELECT on columns country, order_id, live SELECT on columns country, email, order_id)`,
    ]);
    const wildcard = await driftOf({
      live: (accounts) => {
        central(accounts).permissions[3] = live(ANALYST, { TableWithColumns: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE, ColumnWildcard: {} } }, ['SELECT']);
      },
    });
    expect(items(wildcard)).toEqual([
      `LMD03 table ${DATABASE}.${TABLE} ${ANALYST}: also has select on column email and columns the template does not list (intended SELECT on columns country, order_id, live SELECT on all columns)`,
    ]);
  });

  test('reports a narrower column list as missing', async () => {
    const report = await driftOf({
      live: (accounts) => {
        central(accounts).permissions[3] = live(ANALYST, { TableWithColumns: { CatalogId: CENTRAL, DatabaseName: DATABASE, Name: TABLE, ColumnNames: ['order_id'] } }, ['SELECT']);
      },
    });
    expect(items(report)).toEqual([
      `LMD01 table ${DATABASE}.${TABLE} ${ANALYST}: lacks select on column country (intended SELECT on columns country, order_id, live SELECT on column order_id)`,
    ]);
  });

  test('reads a role ARN built from a RoleName in the same template, and its table grant with column grants added up', async () => {
    const report = await driftOf({ live: (accounts) => central(accounts).permissions.splice(5, 2) });
    expect(items(report)).toEqual([`LMD01 table ${DATABASE}.${TABLE} ${ETL}: intended ALTER, SELECT on all columns is not granted`]);
  });

  test('filters principals on its own side: other principals in the same listing never match an intended grant', async () => {
    const report = await driftOf({
      live: (accounts) => {
        // MARKETING holds what ANALYST should hold on the database.
        central(accounts).permissions[2] = live(MARKETING, { Database: { CatalogId: CENTRAL, Name: DATABASE } }, ['DESCRIBE']);
      },
    });
    expect(items(report)).toEqual([
      `LMD01 database ${DATABASE} ${ANALYST}: intended DESCRIBE is not granted`,
      `LMD02 database ${DATABASE} ${MARKETING}: DESCRIBE is granted but no template intends it`,
    ]);
    const listings = lakeFormationMock.commandCalls(ListPermissionsCommand).map((call) => call.args[0].input);
    expect(listings.length).toBeGreaterThan(0);
    expect(listings.every((input) => input.Principal === undefined && input.Resource !== undefined)).toBe(true);
  });

  test('never reports what data lake admins hold on managed objects as extra or wider', async () => {
    const report = await driftOf({
      live: (accounts) => central(accounts).permissions.push(live(DEPLOY_ROLE, { Table: { CatalogId: CENTRAL, DatabaseName: DATABASE, TableWildcard: {} } }, ['ALL'])),
    });
    expect(items(report)).toEqual([]);
  });

  test('reports IAM_ALLOWED_PRINCIPALS on a managed object, in the account defaults and in a database default', async () => {
    const report = await driftOf({
      live: (accounts) => {
        const account = central(accounts);
        account.permissions.push(live('IAM_ALLOWED_PRINCIPALS', { Table: { CatalogId: CENTRAL, DatabaseName: DATABASE, TableWildcard: {} } }, ['ALL']));
        account.settings.CreateTableDefaultPermissions = [{ Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] }];
        account.databases[DATABASE] = { CreateTableDefaultPermissions: [{ Principal: { DataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, Permissions: ['ALL'] }] };
      },
    });
    expect(items(report)).toEqual([
      "LMD04 data lake settings IAM_ALLOWED_PRINCIPALS: CreateTableDefaultPermissions grants IAM_ALLOWED_PRINCIPALS, so iam policies alone govern new tables; clear it (lakemesh's data lake settings do)",
      `LMD04 database ${DATABASE} IAM_ALLOWED_PRINCIPALS: CreateTableDefaultPermissions grants IAM_ALLOWED_PRINCIPALS, so iam policies alone govern new tables in it; set the database's CreateTableDefaultPermissions to []`,
      `LMD04 every table of ${DATABASE} IAM_ALLOWED_PRINCIPALS: IAM_ALLOWED_PRINCIPALS holds ALL on all columns, so iam policies alone decide access to it; revoke it (lakemesh never grants it)`,
    ]);
  });

  test('reports a data cells filter whose row filter or columns changed, a missing one and an extra one', async () => {
    const changed = await driftOf({
      live: (accounts) => {
        central(accounts).filters[0] = { ...central(accounts).filters[0], RowFilter: { FilterExpression: "country = 'FR'" }, ColumnNames: ['country', 'email', 'order_id'] };
      },
    });
    expect(items(changed)).toEqual([
      `LMD06 data cells filter ${FILTER} on ${DATABASE}.${TABLE}: row filter is "country = 'FR'", intended "country = 'DE'"; columns are columns country, email, order_id, intended columns country, order_id`,
    ]);
    const swapped = await driftOf({
      live: (accounts) => {
        central(accounts).filters[0] = { ...central(accounts).filters[0], Name: 'everything', RowFilter: { AllRowsWildcard: {} } };
      },
    });
    expect(items(swapped)).toEqual([
      `LMD05 data cells filter ${FILTER} on ${DATABASE}.${TABLE}: data cells filter does not exist`,
      `LMD07 data cells filter everything on ${DATABASE}.${TABLE}: data cells filter (all rows, columns country, order_id) exists on a managed table but no template defines it`,
    ]);
  });

  test('ignores whitespace differences in a row filter', async () => {
    const report = await driftOf({
      live: (accounts) => {
        central(accounts).filters[0] = { ...central(accounts).filters[0], RowFilter: { FilterExpression: "  country  =\n'DE' " } };
      },
    });
    expect(items(report)).toEqual([]);
  });

  test('reports LF-Tag values that differ and a missing LF-Tag', async () => {
    const report = await driftOf({
      live: (accounts) => {
        central(accounts).tags.splice(0, 2, { CatalogId: CENTRAL, TagKey: 'classification', TagValues: ['public', 'secret'] });
      },
    });
    expect(items(report)).toEqual([
      'LMD08 lf-tag classification: lacks values internal, restricted; has values secret no template defines',
      'LMD05 lf-tag domain: lf-tag does not exist',
    ]);
  });

  test('reports LF-Tag assignments that differ, are missing, or were added where no template assigns one', async () => {
    const report = await driftOf({
      live: (accounts) => {
        central(accounts).resourceTags[`${DATABASE}.${TABLE}`] = {
          LFTagsOnTable: [{ CatalogId: CENTRAL, TagKey: 'domain', TagValues: ['finance'] }],
          LFTagsOnColumns: [
            { Name: 'email', LFTags: [] },
            { Name: 'order_id', LFTags: [{ CatalogId: CENTRAL, TagKey: 'classification', TagValues: ['public'] }] },
          ],
        };
      },
    });
    expect(items(report)).toEqual([
      `LMD09 column ${DATABASE}.${TABLE}.email: lf-tag classification is not assigned, intended restricted`,
      `LMD09 column ${DATABASE}.${TABLE}.order_id: lf-tag classification is public, but no template assigns it here`,
      `LMD09 table ${DATABASE}.${TABLE}: lf-tag domain is finance, intended sales (inherited)`,
    ]);
  });

  test('reports a missing data lake admin and a changed cross-account version', async () => {
    const report = await driftOf({
      live: (accounts) => {
        central(accounts).settings.DataLakeAdmins = [{ DataLakePrincipalIdentifier: 'arn:aws:iam::111111111111:role/someone-else' }];
        central(accounts).settings.Parameters = { CROSS_ACCOUNT_VERSION: '3' };
      },
    });
    expect(items(report)).toEqual([
      'LMD11 data lake settings: cross-account version is 3, intended 4',
      `LMD10 data lake settings ${DEPLOY_ROLE}: is not a data lake admin, though a template makes it one; redeploy the stack to add it back`,
    ]);
  });

  test('reports a missing database once, with the grants on it, and reads nothing inside it', async () => {
    const report = await driftOf({
      live: (accounts) => {
        const account = accounts[CONSUMER];
        delete account.databases[DATABASE];
        account.permissions.length = 0;
      },
    });
    expect(items(report)).toEqual([
      `LMD05 database ${DATABASE}: database does not exist; deploy the stacks that define it`,
      `LMD01 database ${DATABASE} ${ANALYST}: intended DESCRIBE is not granted`,
    ]);
    const consumerListings = lakeFormationMock.commandCalls(ListPermissionsCommand).filter((call) => call.args[0].input.CatalogId === CONSUMER);
    expect(consumerListings).toHaveLength(0);
  });

  test('follows pagination to the last page of every list', async () => {
    const others = Array.from({ length: 7 }, (_, index) => `arn:aws:iam::${CENTRAL}:role/reader-${index}`);
    const report = await driftOf(
      {
        live: (accounts) => {
          const account = central(accounts);
          // Grants to admins are listed but never drift; pages of them push the real ones far back.
          account.settings.DataLakeAdmins = [{ DataLakePrincipalIdentifier: DEPLOY_ROLE }, ...others.map((arn) => ({ DataLakePrincipalIdentifier: arn }))];
          account.permissions.unshift(...others.map((arn) => live(arn, { Database: { CatalogId: CENTRAL, Name: DATABASE } }, ['DESCRIBE'])));
          account.permissions.push(live('arn:aws:iam::555555555555:role/late', { Database: { CatalogId: CENTRAL, Name: DATABASE } }, ['DESCRIBE']));
          account.filters.unshift(...['a', 'b', 'c'].map((name) => ({ ...account.filters[0], Name: name })));
          account.tags.unshift({ CatalogId: CENTRAL, TagKey: 'a', TagValues: ['x'] }, { CatalogId: CENTRAL, TagKey: 'b', TagValues: ['y'] });
        },
      },
      { pageSize: 2 },
    );
    expect(items(report)).toEqual([
      `LMD07 data cells filter a on ${DATABASE}.${TABLE}: data cells filter ("country = 'DE'", columns country, order_id) exists on a managed table but no template defines it`,
      `LMD07 data cells filter b on ${DATABASE}.${TABLE}: data cells filter ("country = 'DE'", columns country, order_id) exists on a managed table but no template defines it`,
      `LMD07 data cells filter c on ${DATABASE}.${TABLE}: data cells filter ("country = 'DE'", columns country, order_id) exists on a managed table but no template defines it`,
      `LMD02 database ${DATABASE} arn:aws:iam::555555555555:role/late: DESCRIBE is granted but no template intends it`,
    ]);
    const tokens = (calls: { args: [{ input: { NextToken?: string } }] }[]) => calls.map((call) => call.args[0].input.NextToken).filter((token) => token !== undefined);
    // Ten grants on the database, two per page: the late one is on the fifth page.
    expect(tokens(lakeFormationMock.commandCalls(ListPermissionsCommand))).toEqual(expect.arrayContaining(['page-2', 'page-4', 'page-6', 'page-8']));
    expect(tokens(lakeFormationMock.commandCalls(ListDataCellsFilterCommand))).toEqual(['page-2']);
    expect(tokens(lakeFormationMock.commandCalls(ListLFTagsCommand))).toEqual(['page-2']);
  });

  test('retries throttled listings in the middle of pagination and still sees every grant', async () => {
    const throttled = () => new ThrottledException({ message: 'Rate exceeded', $metadata: {} });
    const report = await driftOf(
      { live: (accounts) => central(accounts).permissions.splice(2, 1) },
      { failFirst: { ListPermissionsCommand: [throttled(), throttled()], ListLFTagsCommand: [throttled()], ListDataCellsFilterCommand: [throttled()] } },
    );
    expect(items(report)).toEqual([`LMD01 database ${DATABASE} ${ANALYST}: intended DESCRIBE is not granted`]);
  });

  test('fails with a clear message when throttling outlasts the bound', async () => {
    const throttled = () => new ThrottledException({ message: 'Rate exceeded', $metadata: {} });
    await expect(driftOf({}, { failFirst: { ListLFTagsCommand: Array.from({ length: 6 }, throttled) } })).rejects.toThrow(
      `lakeformation:ListLFTags in account ${CENTRAL} (eu-west-1) still failed with ThrottledException after 6 attempts`,
    );
  });

  test('compares grants on data locations, with the bucket ARN resolved from its BucketName', async () => {
    const location = 'arn:aws:s3:::retail-sales-data/orders';
    const report = await driftOf({
      templates: {
        governance: (resources) => {
          resources.Bucket = { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'retail-sales-data' } };
          resources.EtlLocation = grant(
            { 'Fn::GetAtt': ['EtlRole', 'Arn'] },
            { DataLocation: { CatalogId: CENTRAL, ResourceArn: { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, '/orders']] } } },
            ['DATA_LOCATION_ACCESS'],
          );
        },
      },
      live: (accounts) =>
        central(accounts).permissions.push(
          live(ETL, { DataLocation: { CatalogId: CENTRAL, ResourceArn: location } }, ['DATA_LOCATION_ACCESS']),
          live(MARKETING, { DataLocation: { CatalogId: CENTRAL, ResourceArn: location } }, ['DATA_LOCATION_ACCESS']),
        ),
    });
    expect(items(report)).toEqual([`LMD02 data location ${location} ${MARKETING}: DATA_LOCATION_ACCESS is granted but no template intends it`]);
    expect(report.accounts[0].grantsCompared).toBe(5);
  });

  test('reports what it cannot resolve as info, not drift', async () => {
    const report = await driftOf({
      templates: {
        governance: (resources) => {
          resources.Generated = { Type: 'AWS::IAM::Role', Properties: { AssumeRolePolicyDocument: {} } };
          resources.GeneratedGrant = grant({ 'Fn::GetAtt': ['Generated', 'Arn'] }, { Database: { Name: DATABASE } }, ['DESCRIBE']);
          resources.TagGrant = grant(ANALYST, { LFTag: { TagKey: 'domain', TagValues: ['sales'] } }, ['DESCRIBE']);
        },
      },
    });
    expect(hasDrift(report)).toBe(false);
    expect(report.accounts[0].items.map(line)).toEqual([
      'LMI01 retail-governance/GeneratedGrant: grant\'s principal {"Fn::GetAtt":["Generated","Arn"]} cannot be resolved from the template (give the role a RoleName, or grant to a literal ARN)',
      `LMI02 retail-governance/TagGrant: grant to ${ANALYST} on a LFTag resource is not compared: drift compares databases, tables, data cells filters and data locations`,
    ]);
  });
});
