import { Fn } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { NoIamAllowedPrincipals, dataMeshRuleId } from '../../../lib/nag';
import { CENTRAL_ACCOUNT, CENTRAL_ROLE, findingsOf, legacyPermissions, newStack, principalPermissions } from '../fixtures';

const RULE = dataMeshRuleId(NoIamAllowedPrincipals);

function flagged(path: string) {
  return [{ ruleId: 'DataMesh-NoIamAllowedPrincipals', severity: 'error', path, description: NoIamAllowedPrincipals.info }];
}

describe('DataMesh-NoIamAllowedPrincipals', () => {
  test('fires on a PrincipalPermissions grant to IAM_ALLOWED_PRINCIPALS', () => {
    const stack = newStack();
    const grant = principalPermissions(stack, 'Grant', { principal: 'IAM_ALLOWED_PRINCIPALS' });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('fires on a legacy Permissions grant to IAM_ALLOWED_PRINCIPALS', () => {
    const stack = newStack();
    const grant = legacyPermissions(stack, 'Legacy', 'IAM_ALLOWED_PRINCIPALS');
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test.each(['createDatabaseDefaultPermissions', 'createTableDefaultPermissions'] as const)(
    'fires on DataLakeSettings whose %s include IAM_ALLOWED_PRINCIPALS',
    (property) => {
      const stack = newStack();
      const settings = new lakeformation.CfnDataLakeSettings(stack, 'Settings', {
        [property]: [
          { principal: { dataLakePrincipalIdentifier: CENTRAL_ROLE }, permissions: ['ALL'] },
          { principal: { dataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, permissions: ['ALL'] },
        ],
      });
      expect(findingsOf(stack, RULE)).toEqual(flagged(settings.node.path));
    },
  );

  test('fires on a Glue database whose CreateTableDefaultPermissions include IAM_ALLOWED_PRINCIPALS', () => {
    const stack = newStack();
    const database = new glue.CfnDatabase(stack, 'Database', {
      catalogId: CENTRAL_ACCOUNT,
      databaseInput: {
        name: 'sales_orders',
        createTableDefaultPermissions: [{ principal: { dataLakePrincipalIdentifier: 'IAM_ALLOWED_PRINCIPALS' }, permissions: ['ALL'] }],
      },
    });
    expect(findingsOf(stack, RULE)).toEqual(flagged(database.node.path));
  });

  test('is silent on grants to named principals and on cleared defaults', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant');
    legacyPermissions(stack, 'Legacy');
    new lakeformation.CfnDataLakeSettings(stack, 'Settings', {
      createDatabaseDefaultPermissions: [],
      createTableDefaultPermissions: [],
      admins: [{ dataLakePrincipalIdentifier: CENTRAL_ROLE }],
    });
    new glue.CfnDatabase(stack, 'Database', {
      catalogId: CENTRAL_ACCOUNT,
      databaseInput: { name: 'sales_orders', createTableDefaultPermissions: [] },
    });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });

  test('is silent on a principal it cannot read at synth time', () => {
    const stack = newStack();
    principalPermissions(stack, 'Grant', { principal: Fn.importValue('ConsumerRoleArn') });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
