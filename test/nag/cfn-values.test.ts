import { flattenString, isIntrinsic, isPresent, isPresentList, literalBoolean, refTarget } from '../../lib/nag/cfn-values';

describe('flattenString', () => {
  test.each<[string, unknown, string | undefined]>([
    ['a literal', 'arn:aws:iam::111111111111:role/x', 'arn:aws:iam::111111111111:role/x'],
    ['a pseudo parameter', { Ref: 'AWS::AccountId' }, '{AWS.AccountId}'],
    ['an attribute', { 'Fn::GetAtt': ['Role1ABCD', 'Arn'] }, '{Role1ABCD.Arn}'],
    [
      'a join',
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] },
      'arn:{AWS.Partition}:iam::{AWS.AccountId}:root',
    ],
    ['a sub', { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x' }, 'arn:{AWS.Partition}:iam::{AWS.AccountId}:role/x'],
    ['an import', { 'Fn::ImportValue': 'X' }, '{?}'],
    ['a list', ['a'], undefined],
  ])('flattens %s', (_name, value, expected) => {
    expect(flattenString(value)).toBe(expected);
  });
});

describe('value predicates', () => {
  test('tells intrinsics from plain objects', () => {
    expect([isIntrinsic({ Ref: 'X' }), isIntrinsic({ 'Fn::If': [] }), isIntrinsic({ Ref: 'X', Other: 1 }), isIntrinsic({ Key: 'v' })]).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([refTarget({ Ref: 'Bucket' }), refTarget({ 'Fn::GetAtt': ['Bucket', 'Arn'] }), refTarget('Bucket')]).toEqual(['Bucket', undefined, undefined]);
  });

  test('counts blank strings and empty lists as absent, intrinsics as present', () => {
    expect([isPresent(' '), isPresent([]), isPresent(undefined), isPresent({ Ref: 'X' }), isPresent('x')]).toEqual([false, false, false, true, true]);
    expect([isPresentList(['a', '']), isPresentList([]), isPresentList(['a']), isPresentList({ Ref: 'X' }), isPresentList('a')]).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });

  test('reads CloudFormation booleans written as strings', () => {
    expect([literalBoolean(true), literalBoolean('false'), literalBoolean({ Ref: 'X' }), literalBoolean('no')]).toEqual([true, false, undefined, undefined]);
  });
});
