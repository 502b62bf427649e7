import { PrincipalKind, classifyDataLakePrincipal, principalAccount, unconditionalPublicAllows } from '../../lib/nag/principals';

describe('classifyDataLakePrincipal', () => {
  test.each<[unknown, PrincipalKind]>([
    ['IAM_ALLOWED_PRINCIPALS', PrincipalKind.IAM_ALLOWED_PRINCIPALS],
    ['iam_allowed_principals', PrincipalKind.IAM_ALLOWED_PRINCIPALS],
    ['*', PrincipalKind.EVERYONE],
    ['444444444444', PrincipalKind.ACCOUNT],
    ['arn:aws-cn:iam::444444444444:root', PrincipalKind.ACCOUNT],
    [{ Ref: 'AWS::AccountId' }, PrincipalKind.ACCOUNT],
    ['arn:aws:organizations::111111111111:organization/o-abcdefghij', PrincipalKind.ORGANIZATION],
    ['arn:aws:iam::444444444444:role/analyst', PrincipalKind.NAMED],
    ['arn:aws:iam::444444444444:role/root', PrincipalKind.NAMED],
    [{ 'Fn::GetAtt': ['Role', 'Arn'] }, PrincipalKind.UNKNOWN],
    [{ Ref: 'PrincipalParameter' }, PrincipalKind.UNKNOWN],
    [undefined, PrincipalKind.UNKNOWN],
  ])('%j is %s', (identifier, kind) => {
    expect(classifyDataLakePrincipal(identifier)).toBe(kind);
  });
});

describe('principalAccount', () => {
  test.each<[unknown, ReturnType<typeof principalAccount>]>([
    ['arn:aws:iam::444444444444:role/analyst', { kind: 'literal', account: '444444444444' }],
    ['444444444444', { kind: 'literal', account: '444444444444' }],
    [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':role/etl']] }, { kind: 'local' }],
    [{ 'Fn::GetAtt': ['Role', 'Arn'] }, { kind: 'local' }],
    [{ Ref: 'PrincipalParameter' }, { kind: 'unknown' }],
    [{ 'Fn::Join': ['', ['arn:aws:iam::', { Ref: 'ConsumerAccount' }, ':role/x']] }, { kind: 'unknown' }],
  ])('%j is %j', (identifier, expected) => {
    expect(principalAccount(identifier)).toEqual(expected);
  });
});

describe('unconditionalPublicAllows', () => {
  test('keeps only Allow statements open to everyone without a condition', () => {
    const open = { Effect: 'Allow', Principal: { AWS: ['arn:aws:iam::111111111111:root', '*'] }, Action: 's3:GetObject' };
    const document = {
      Statement: [
        open,
        { Effect: 'Deny', Principal: { AWS: '*' }, Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
        { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-x' } } },
        { Effect: 'Allow', Principal: { Service: 'logging.s3.amazonaws.com' }, Action: 's3:PutObject' },
      ],
    };
    expect(unconditionalPublicAllows(document)).toEqual([open]);
  });

  test('accepts a single statement object', () => {
    expect(unconditionalPublicAllows({ Statement: { Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt' } })).toHaveLength(1);
  });
});
