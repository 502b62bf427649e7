import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { LakemeshError } from '../../lib/errors';
import { SHARD_LIMITS } from '../../lib/sharding/limits';
import { LimitCheckingSynthesizer } from '../../lib/stacks/limit-checking-synthesizer';
import { minimumDeployedLength, oversizedPolicies } from '../../lib/stacks/policy-size';
import { temporaryDirectory } from '../support/mesh-app-fixture';

describe('minimumDeployedLength', () => {
  test('is the JSON length of plain values, without whitespace', () => {
    const value = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*', Condition: { Bool: { x: true } }, N: 1 }] };
    expect(minimumDeployedLength(value)).toBe(JSON.stringify(value).length);
  });

  test('counts pseudo parameters at their shortest, other references and attributes as nothing, joins and subs as the strings they make', () => {
    expect(minimumDeployedLength({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::bucket']] })).toBe(JSON.stringify('arn:aws:s3:::bucket').length);
    expect(minimumDeployedLength({ Ref: 'AWS::AccountId' })).toBe(14);
    expect(minimumDeployedLength({ Ref: 'AWS::Region' })).toBe(JSON.stringify('us-east-1').length);
    expect(minimumDeployedLength({ Ref: 'SomeRole' })).toBe(2);
    expect(minimumDeployedLength({ 'Fn::GetAtt': ['Bucket', 'Arn'] })).toBe(2);
    expect(minimumDeployedLength({ 'Fn::Join': ['/', [{ 'Fn::GetAtt': ['Bucket', 'Arn'] }, 'prefix', '*']] })).toBe(JSON.stringify('/prefix/*').length);
    expect(minimumDeployedLength({ 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}/*' })).toBe(JSON.stringify('arn::s3:::/*').length);
    expect(minimumDeployedLength({ 'Fn::Sub': ['${A}-b', { A: 'zzz' }] })).toBe(JSON.stringify('-b').length);
    expect(minimumDeployedLength([{ Ref: 'A' }, 'b'])).toBe('["","b"]'.length);
  });
});

/** A stack of the mesh's synthesizer with one managed policy listing `objects` object ARNs of 100 characters. */
function stackWithPolicy(objects: number): { app: App; stack: Stack; policy: iam.ManagedPolicy } {
  const app = new App({ outdir: temporaryDirectory('lakemesh-policy-size-') });
  const stack = new Stack(app, 'Stack', { env: { account: '111111111111', region: 'eu-west-1' }, synthesizer: new LimitCheckingSynthesizer(SHARD_LIMITS) });
  const bucket = s3.Bucket.fromBucketName(stack, 'Bucket', 'b'.repeat(63));
  const resources = Array.from({ length: objects }, (_, i) => bucket.arnForObjects(`${String(i).padStart(19, '0')}/*`));
  const policy = new iam.ManagedPolicy(stack, 'Policy', { statements: [new iam.PolicyStatement({ actions: ['s3:GetObject'], resources })] });
  return { app, stack, policy };
}

describe('policy sizes at synth (LimitCheckingSynthesizer)', () => {
  test('a managed policy that fits deploys; one over 6,144 characters fails synth with LM554, naming it', () => {
    expect(() => stackWithPolicy(55).app.synth()).not.toThrow();
    const { app, policy } = stackWithPolicy(70);
    let error: unknown;
    try {
      app.synth();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(LakemeshError);
    expect((error as LakemeshError).problems).toEqual([
      {
        code: 'LM554',
        path: policy.node.defaultChild!.node.path,
        message: expect.stringMatching(
          /^the PolicyDocument of AWS::IAM::ManagedPolicy Stack\/Policy\/Resource in stack Stack takes at least 7\d{3} characters once deployed, and IAM allows 6,144 characters per managed policy: the deploy would fail\. .*give the domain fewer products$/,
        ),
      },
    ]);
  });

  test('checks inline, bucket and key policies against their own caps', () => {
    const stack = new Stack(new App(), 'Stack');
    const tables = (count: number) => Array.from({ length: count }, (_, i) => `arn:aws:glue:eu-west-1:111111111111:table/database_${String(i).padStart(30, '0')}/*`);
    // About 8,000 characters: over a managed policy's cap, within an inline one's.
    iam.Role.fromRoleName(stack, 'Fits', 'fits').addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['glue:GetTable'], resources: tables(90) }));
    const over = iam.Role.fromRoleName(stack, 'Over', 'over');
    over.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['glue:GetTable'], resources: tables(130) }));
    // About 15,000 characters: over an inline policy's cap, within a bucket policy's.
    const bucket = new s3.Bucket(stack, 'Bucket');
    bucket.addToResourcePolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: tables(170), principals: [new iam.AccountRootPrincipal()] }),
    );
    // About 28,000 characters: over a bucket policy's cap, within a key policy's; then one over that.
    const keyStatement = (count: number) => new iam.PolicyStatement({ actions: ['kms:Decrypt'], resources: ['*'], principals: tables(count).map((arn) => new iam.ArnPrincipal(arn)) });
    new kms.Key(stack, 'FitsKey', { policy: new iam.PolicyDocument({ statements: [keyStatement(300)] }) });
    new kms.Key(stack, 'OverKey', { policy: new iam.PolicyDocument({ statements: [keyStatement(400)] }) });
    const resources = stack.node.findAll().filter(CfnResource.isCfnResource);
    const found = oversizedPolicies(stack, resources).map(({ resource, limit }) => [resource.node.path, limit.maxCharacters]);
    expect(found).toEqual([
      ['Stack/Over/Policy/Resource', 10_240],
      ['Stack/OverKey/Resource', 32_768],
    ]);
  });
});
