import { accountIdProblem, isEmailAddress, isPrincipalArn, parseIamPrincipal, partitionOf, regionProblem } from '../../lib/config/aws-identifiers';

describe('aws identifiers', () => {
  test('accepts a quoted 12-digit account id, including leading zeros', () => {
    expect(accountIdProblem('012345678901')).toBeUndefined();
  });

  test('explains lost leading zeros of an unquoted account id', () => {
    expect(accountIdProblem(12345678901)).toBe(
      'account id must be a quoted string, got the number 12345678901; write all 12 digits in quotes, since YAML drops the leading zeros of a number',
    );
  });

  test.each(['eu-west-1', 'us-east-2', 'ap-southeast-4', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1', 'il-central-1', 'eusc-de-east-1'])(
    'accepts the region %s',
    (region) => {
      expect(regionProblem(region)).toBeUndefined();
    },
  );

  test.each(['eu-west', 'EU-WEST-1', 'euwest1', 'eu-west-1a', ''])('refuses the region "%s"', (region) => {
    expect(regionProblem(region)).toBe(`expected an AWS region such as "eu-west-1", got ${JSON.stringify(region)}`);
  });

  test.each([
    ['eu-west-1', 'aws'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-iso-east-1', 'aws-iso'],
    ['us-isob-east-1', 'aws-iso-b'],
  ])('puts %s in partition %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition);
  });

  test('parses role and user ARNs with paths', () => {
    expect(parseIamPrincipal('arn:aws:iam::444444444444:role/team/analysts/analyst')).toEqual({
      ok: true,
      principal: { partition: 'aws', account: '444444444444', kind: 'role' },
    });
    expect(parseIamPrincipal('arn:aws-us-gov:iam::444444444444:user/ana')).toEqual({
      ok: true,
      principal: { partition: 'aws-us-gov', account: '444444444444', kind: 'user' },
    });
  });

  test('refuses a bare account id as a principal', () => {
    expect(parseIamPrincipal('444444444444')).toEqual({
      ok: false,
      reason: 'an account root gives the whole account access, got "444444444444"; name an IAM role or user ARN instead',
    });
  });

  test('refuses principals of other services', () => {
    expect(parseIamPrincipal('arn:aws:sts::444444444444:assumed-role/analyst/ana')).toEqual({
      ok: false,
      reason: 'expected an IAM role or user ARN like "arn:aws:iam::123456789012:role/analyst", got "arn:aws:sts::444444444444:assumed-role/analyst/ana"',
    });
  });

  test('recognises contacts', () => {
    expect(isEmailAddress('ana@example.com')).toBe(true);
    expect(isEmailAddress('ana@example')).toBe(false);
    expect(isEmailAddress('ana lopez@example.com')).toBe(false);
    expect(isPrincipalArn('arn:aws:sts::444444444444:assumed-role/sso/ana')).toBe(true);
    expect(isPrincipalArn('arn:aws:s3:::bucket')).toBe(false);
  });
});
