import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { LocationsUseCustomRole, dataMeshRuleId } from '../../../lib/nag';
import { CENTRAL_ROLE, findingsOf, newStack } from '../fixtures';

const RULE = dataMeshRuleId(LocationsUseCustomRole);
const LOCATION = 'arn:aws:s3:::retail-sales-data/orders';

describe('DataMesh-LocationsUseCustomRole', () => {
  test.each<[string, Omit<lakeformation.CfnResourceProps, 'resourceArn'>]>([
    ['the service-linked role', { useServiceLinkedRole: true }],
    ['the service-linked role even with a RoleArn', { useServiceLinkedRole: true, roleArn: CENTRAL_ROLE }],
    ['no service-linked role but no RoleArn either', { useServiceLinkedRole: false }],
  ])('fires on a location registered with %s', (_name, props) => {
    const stack = newStack();
    const location = new lakeformation.CfnResource(stack, 'Location', { resourceArn: LOCATION, ...props });
    expect(findingsOf(stack, RULE)).toEqual([
      { ruleId: 'DataMesh-LocationsUseCustomRole', severity: 'error', path: location.node.path, description: LocationsUseCustomRole.info },
    ]);
  });

  test('is silent on a location registered with a custom role', () => {
    const stack = newStack();
    new lakeformation.CfnResource(stack, 'Location', { resourceArn: LOCATION, useServiceLinkedRole: false, roleArn: CENTRAL_ROLE });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
