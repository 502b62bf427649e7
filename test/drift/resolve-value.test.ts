/** Offline resolution of template values. */
import { partitionOf, ResolveContext, resolveText, resolveTexts, roleArn } from '../../lib/drift/resolve-value';

const context: ResolveContext = {
  account: '111111111111',
  region: 'eu-west-1',
  stackName: 'retail-governance',
  resources: {
    Named: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'sales-etl' } },
    WithPath: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'reader', Path: '/audit/' } },
    Generated: { Type: 'AWS::IAM::Role', Properties: {} },
    Database: { Type: 'AWS::Glue::Database', Properties: { DatabaseInput: { Name: 'sales_orders' } } },
    Table: { Type: 'AWS::Glue::Table', Properties: { TableInput: { Name: { 'Fn::Join': ['', ['ord', 'ers']] } } } },
    Tag: { Type: 'AWS::LakeFormation::Tag', Properties: { TagKey: 'classification' } },
    Loop: { Type: 'AWS::IAM::Role', Properties: { RoleName: { Ref: 'Loop' } } },
    Bucket: { Type: 'AWS::S3::Bucket', Properties: { BucketName: 'data' } },
    Unnamed: { Type: 'AWS::S3::Bucket', Properties: {} },
    Queue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'q' } },
  },
};

describe('resolveText', () => {
  test.each([
    ['a literal', 'plain', 'plain'],
    ['a number', 42, '42'],
    ['the account', { Ref: 'AWS::AccountId' }, '111111111111'],
    ['the region', { Ref: 'AWS::Region' }, 'eu-west-1'],
    ['the partition', { Ref: 'AWS::Partition' }, 'aws'],
    ['the url suffix', { Ref: 'AWS::URLSuffix' }, 'amazonaws.com'],
    ['the stack name', { Ref: 'AWS::StackName' }, 'retail-governance'],
    ['a role name', { Ref: 'Named' }, 'sales-etl'],
    ['a database name', { Ref: 'Database' }, 'sales_orders'],
    ['a table name built with Fn::Join', { Ref: 'Table' }, 'orders'],
    ['an lf-tag key', { Ref: 'Tag' }, 'classification'],
    ['a role arn', { 'Fn::GetAtt': ['Named', 'Arn'] }, 'arn:aws:iam::111111111111:role/sales-etl'],
    ['a bucket name', { Ref: 'Bucket' }, 'data'],
    ['a bucket arn', { 'Fn::GetAtt': ['Bucket', 'Arn'] }, 'arn:aws:s3:::data'],
    ['a role arn in dotted form', { 'Fn::GetAtt': 'WithPath.Arn' }, 'arn:aws:iam::111111111111:role/audit/reader'],
    ['Fn::Join of intrinsics', { 'Fn::Join': [':', ['arn', { Ref: 'AWS::Partition' }, 'iam', '', { Ref: 'AWS::AccountId' }, 'role/x']] }, 'arn:aws:iam::111111111111:role/x'],
    ['Fn::Sub with pseudo parameters', { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x-${AWS::Region}' }, 'arn:aws:iam::111111111111:role/x-eu-west-1'],
    ['Fn::Sub with a role attribute and a variable', { 'Fn::Sub': ['${Named.Arn}/${Suffix}', { Suffix: { Ref: 'AWS::Region' } }] }, 'arn:aws:iam::111111111111:role/sales-etl/eu-west-1'],
    ['Fn::Sub with a literal ${!…}', { 'Fn::Sub': 'x-${!Literal}' }, 'x-${Literal}'],
    ['Fn::Select', { 'Fn::Select': [1, ['a', { Ref: 'AWS::Region' }]] }, 'eu-west-1'],
  ])('resolves %s', (_what, value, expected) => {
    expect(resolveText(value, context)).toBe(expected);
  });

  test.each([
    ['a parameter', { Ref: 'SomeParameter' }],
    ['a role without RoleName', { 'Fn::GetAtt': ['Generated', 'Arn'] }],
    ['another attribute', { 'Fn::GetAtt': ['Named', 'RoleId'] }],
    ['the Ref of a resource type it does not know', { Ref: 'Queue' }],
    ['a bucket without BucketName', { 'Fn::GetAtt': ['Unnamed', 'Arn'] }],
    ['an import', { 'Fn::ImportValue': 'shared-role' }],
    ['Fn::Sub with an unknown part', { 'Fn::Sub': 'role/${Generated}' }],
    ['Fn::Join with an unknown part', { 'Fn::Join': ['', ['a', { Ref: 'SomeParameter' }]] }],
    ['Fn::Select out of range', { 'Fn::Select': [5, ['a']] }],
    ['a reference cycle', { Ref: 'Loop' }],
    ['an object', { Key: 'value' }],
  ])('leaves %s unresolved', (_what, value) => {
    expect(resolveText(value, context)).toBeUndefined();
  });

  test('builds ARNs in the partition of the region', () => {
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(roleArn('111111111111', 'cn-north-1', 'reader')).toBe('arn:aws-cn:iam::111111111111:role/reader');
    expect(resolveText({ Ref: 'AWS::URLSuffix' }, { ...context, region: 'cn-north-1' })).toBe('amazonaws.com.cn');
  });
});

describe('resolveTexts', () => {
  test('resolves every entry, treats absent as empty, and fails as a whole on one unknown entry', () => {
    expect(resolveTexts(['a', { Ref: 'AWS::Region' }], context)).toEqual(['a', 'eu-west-1']);
    expect(resolveTexts(undefined, context)).toEqual([]);
    expect(resolveTexts(['a', { Ref: 'SomeParameter' }], context)).toBeUndefined();
    expect(resolveTexts({ Ref: 'SomeList' }, context)).toBeUndefined();
  });
});
