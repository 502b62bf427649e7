/** The intended state, per account and region, read from templates. */
import { readIntendedState } from '../../lib/drift/intended-state';
import { LakemeshError } from '../../lib/errors';
import { ANALYST, assemblyStacks, CENTRAL, CONSUMER, CONSUMER_DEPLOY_ROLE, DATABASE, DEPLOY_ROLE, ETL, grant, meshStacks, REGION, TABLE } from './fixtures';

describe('readIntendedState', () => {
  test('groups grants, filters, tags and settings by account and region, with names resolved', () => {
    const [central, consumer] = readIntendedState(assemblyStacks(meshStacks()));
    expect(central.account).toBe(CENTRAL);
    expect(central.grants.map((g) => [g.principal, g.object, g.permissions, g.columns])).toEqual(
      expect.arrayContaining([
        [ANALYST, { type: 'database', catalogId: CENTRAL, database: DATABASE }, ['DESCRIBE'], undefined],
        [ANALYST, { type: 'table', catalogId: CENTRAL, database: DATABASE, table: TABLE }, ['SELECT'], { kind: 'only', names: ['country', 'order_id'] }],
        [ETL, { type: 'table', catalogId: CENTRAL, database: DATABASE, table: TABLE }, ['ALTER', 'SELECT'], { kind: 'all' }],
      ]),
    );
    expect(central.settings).toEqual({ admins: [DEPLOY_ROLE], crossAccountVersion: '4', sources: [{ stack: 'retail-governance', logicalId: 'Settings' }] });
    expect(central.tables).toEqual([{ catalogId: CENTRAL, database: DATABASE, table: TABLE, columns: ['order_id', 'email', 'country'] }]);
    expect(central.databases).toEqual([{ catalogId: CENTRAL, database: DATABASE, defined: true, link: false }]);
    expect(central.tags.map((tag) => [tag.key, tag.values])).toEqual([
      ['classification', ['internal', 'public', 'restricted']],
      ['domain', ['sales']],
    ]);
    expect(central.tagAssignments.map((a) => [a.target, a.key, a.values])).toEqual([
      [{ type: 'column', catalogId: CENTRAL, database: DATABASE, table: TABLE, column: 'email' }, 'classification', ['restricted']],
      [{ type: 'database', catalogId: CENTRAL, database: DATABASE }, 'domain', ['sales']],
    ]);
    expect(consumer).toMatchObject({ account: CONSUMER, region: REGION, settings: { admins: [CONSUMER_DEPLOY_ROLE] }, databases: [{ catalogId: CONSUMER, database: DATABASE, defined: true, link: true }] });
  });

  test('adds up two resources for the same principal and object', () => {
    const [central] = readIntendedState(
      assemblyStacks(
        meshStacks({
          governance: (resources) => {
            resources.AnalystMore = grant(ANALYST, { Database: { Name: DATABASE } }, ['ALTER'], ['ALTER']);
          },
        }),
      ),
    );
    const onDatabase = central.grants.filter((g) => g.principal === ANALYST && g.object.type === 'database');
    expect(onDatabase).toHaveLength(1);
    expect(onDatabase[0]).toMatchObject({ permissions: ['ALTER', 'DESCRIBE'], grantOption: ['ALTER'] });
    expect(onDatabase[0].sources.map((source) => source.logicalId)).toEqual(['AnalystDatabase', 'AnalystMore']);
  });

  test('files a grant under the account its Catalog names', () => {
    const accounts = readIntendedState(
      assemblyStacks(
        meshStacks({
          governance: (resources) => {
            resources.Elsewhere = { ...grant(ANALYST, { Database: { CatalogId: '999999999999', Name: 'other' } }, ['DESCRIBE']) };
            (resources.Elsewhere.Properties as Record<string, unknown>).Catalog = '999999999999';
          },
        }),
      ),
    );
    expect(accounts.map((account) => account.account)).toEqual([CENTRAL, CONSUMER, '999999999999']);
    expect(accounts[2].grants).toHaveLength(1);
    expect(accounts[2].stacks).toEqual(['retail-governance']);
  });

  test('notes a filter, tag association or settings it cannot resolve instead of guessing', () => {
    const [central] = readIntendedState(
      assemblyStacks(
        meshStacks({
          governance: (resources) => {
            (resources.Filter.Properties as Record<string, unknown>).Name = { Ref: 'FilterName' };
            (resources.ColumnTags.Properties as Record<string, unknown>).Resource = { Table: { DatabaseName: DATABASE, TableWildcard: {} } };
            (resources.Settings.Properties as Record<string, unknown>).Admins = [{ 'Fn::ImportValue': 'admin' }];
          },
        }),
      ),
    );
    expect(central.notCompared.map((note) => [note.code, note.source.logicalId, note.message])).toEqual([
      ['LMI01', 'ColumnTags', 'lf-tag association cannot be resolved from the template (its resource is not a literal database, table or table columns)'],
      ['LMI01', 'Filter', 'data cells filter cannot be resolved from the template (a name, the row filter or a column is not a literal)'],
      ['LMI01', 'Settings', 'data lake settings cannot be resolved from the template (an admin ARN or the cross-account version is not a literal)'],
    ]);
    expect(central.filters).toEqual([]);
    expect(central.settings).toBeUndefined();
  });

  test('fails for an environment-agnostic stack with lake formation resources, naming it', () => {
    const stacks = assemblyStacks([{ id: 'agnostic', account: undefined, region: undefined, resources: { G: grant(ANALYST, { Database: { Name: DATABASE } }, ['DESCRIBE']) } }]);
    let error: unknown;
    try {
      readIntendedState(stacks);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LakemeshError);
    expect((error as LakemeshError).message).toBe(
      'stack agnostic (/fixture/agnostic.template.json) has lake formation resources but no account (it is environment-agnostic), so drift cannot tell where to read them; give the stack an env with account and region and run `npx cdk synth` again [LM620]',
    );
  });

  test('ignores stacks without lake formation or glue resources, whatever their environment', () => {
    const stacks = assemblyStacks([{ id: 'network', account: undefined, region: undefined, resources: { Vpc: { Type: 'AWS::EC2::VPC', Properties: {} } } }]);
    expect(readIntendedState(stacks)).toEqual([]);
  });
});
