import { Aws, Fn, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { NoWildcardOrRootPrincipals, dataMeshRuleId } from '../../../lib/nag';
import { CONSUMER_ACCOUNT, findingsOf, newAgnosticStack, legacyPermissions, newStack, principalPermissions } from '../fixtures';

const RULE = dataMeshRuleId(NoWildcardOrRootPrincipals);

function flagged(path: string) {
  return [{ ruleId: 'DataMesh-NoWildcardOrRootPrincipals', severity: 'error', path, description: NoWildcardOrRootPrincipals.info }];
}

function consumerRoot(stack: Stack): string {
  return stack.formatArn({ service: 'iam', region: '', account: CONSUMER_ACCOUNT, resource: 'root' });
}

describe('DataMesh-NoWildcardOrRootPrincipals on Lake Formation grants', () => {
  test.each<[string, (stack: Stack) => string]>([
    ['"*"', () => '*'],
    ['a bare account id', () => CONSUMER_ACCOUNT],
    ['an account root ARN', () => `arn:aws:iam::${CONSUMER_ACCOUNT}:root`],
    ['a root ARN built with formatArn (token partition)', consumerRoot],
    ['the stack account of an environment-agnostic stack', () => Aws.ACCOUNT_ID],
    ['an organization', () => 'arn:aws:organizations::111111111111:organization/o-abcdefghij'],
    ['an organizational unit', () => 'arn:aws:organizations::111111111111:ou/o-abcdefghij/ou-ab12-cdefgh34'],
  ])('fires on a PrincipalPermissions grant to %s', (_name, principal) => {
    const stack = newAgnosticStack();
    const grant = principalPermissions(stack, 'Grant', { principal: principal(stack) });
    expect(findingsOf(stack, RULE)).toEqual(flagged(grant.node.path));
  });

  test('fires on a legacy Permissions grant to "*"', () => {
    const stack = newStack();
    const legacy = legacyPermissions(stack, 'Legacy', '*');
    expect(findingsOf(stack, RULE)).toEqual(flagged(legacy.node.path));
  });

  test('is silent on named roles, roles of the stack and principals unknown at synth time', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Producer', { assumedBy: new iam.ServicePrincipal('glue.amazonaws.com') });
    principalPermissions(stack, 'Named');
    principalPermissions(stack, 'OwnRole', { principal: role.roleArn });
    principalPermissions(stack, 'Imported', { principal: Fn.importValue('ConsumerRoleArn') });
    principalPermissions(stack, 'SamlGroup', { principal: `arn:aws:iam::${CONSUMER_ACCOUNT}:saml-provider/idp:group/analysts` });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});

describe('DataMesh-NoWildcardOrRootPrincipals on bucket and key policies', () => {
  test('fires on a bucket policy that allows "*" without a condition', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], principals: [new iam.AnyPrincipal()], resources: [bucket.arnForObjects('*')] }),
    );
    expect(findingsOf(stack, RULE)).toEqual(flagged(bucket.policy!.node.defaultChild!.node.path));
  });

  test('fires on a bucket policy Allow with NotPrincipal', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket');
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        notPrincipals: [new iam.AccountPrincipal(CONSUMER_ACCOUNT)],
        resources: [bucket.arnForObjects('*')],
      }),
    );
    expect(findingsOf(stack, RULE)).toEqual(flagged(bucket.policy!.node.defaultChild!.node.path));
  });

  test('fires on a key policy that allows "*" without a condition', () => {
    const stack = newStack();
    const key = new kms.Key(stack, 'Key', { enableKeyRotation: true });
    key.addToResourcePolicy(new iam.PolicyStatement({ actions: ['kms:Decrypt'], principals: [new iam.AnyPrincipal()], resources: ['*'] }));
    expect(findingsOf(stack, RULE)).toEqual(flagged(key.node.defaultChild!.node.path));
  });

  test('is silent on the TLS-only Deny for "*", on "*" with a condition and on the default key policy', () => {
    const stack = newStack();
    const bucket = new s3.Bucket(stack, 'Bucket', { enforceSSL: true });
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject'],
        principals: [new iam.AnyPrincipal()],
        resources: [bucket.arnForObjects('*')],
        conditions: { StringEquals: { 'aws:PrincipalOrgID': 'o-abcdefghij' } },
      }),
    );
    new kms.Key(stack, 'Key', { enableKeyRotation: true });
    expect(findingsOf(stack, RULE)).toEqual([]);
  });
});
