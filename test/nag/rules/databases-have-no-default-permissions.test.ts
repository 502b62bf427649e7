import * as glue from 'aws-cdk-lib/aws-glue';
import { DatabasesHaveNoDefaultPermissions, dataMeshRuleId } from '../../../lib/nag';
import { CENTRAL_ACCOUNT, CENTRAL_ROLE, CONSUMER_ACCOUNT, findingsOf, newStack } from '../fixtures';

const RULE = dataMeshRuleId(DatabasesHaveNoDefaultPermissions);

describe('DataMesh-DatabasesHaveNoDefaultPermissions', () => {
  test.each<[string, glue.CfnDatabase.DatabaseInputProperty]>([
    ['no CreateTableDefaultPermissions', { name: 'sales_orders' }],
    [
      'default permissions for a named principal',
      { name: 'sales_orders', createTableDefaultPermissions: [{ principal: { dataLakePrincipalIdentifier: CENTRAL_ROLE }, permissions: ['ALL'] }] },
    ],
  ])('fires on a database with %s', (_name, databaseInput) => {
    const stack = newStack();
    const database = new glue.CfnDatabase(stack, 'Database', { catalogId: CENTRAL_ACCOUNT, databaseInput });
    expect(findingsOf(stack, RULE)).toEqual([
      {
        ruleId: 'DataMesh-DatabasesHaveNoDefaultPermissions',
        severity: 'error',
        path: database.node.path,
        description: DatabasesHaveNoDefaultPermissions.info,
      },
    ]);
  });

  test('is silent on a database with CreateTableDefaultPermissions: [] and on a resource link', () => {
    const stack = newStack(CONSUMER_ACCOUNT);
    new glue.CfnDatabase(stack, 'Database', {
      catalogId: CONSUMER_ACCOUNT,
      databaseInput: { name: 'scratch', createTableDefaultPermissions: [] },
    });
    new glue.CfnDatabase(stack, 'Link', {
      catalogId: CONSUMER_ACCOUNT,
      databaseInput: { name: 'sales_orders', targetDatabase: { catalogId: CENTRAL_ACCOUNT, databaseName: 'sales_orders' } },
    });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
