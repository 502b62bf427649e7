import { cfnText, cfnTexts } from '../../lib/audit/cfn-text';

describe('cfnText', () => {
  test('keeps literals', () => {
    expect(cfnText('sales_orders')).toBe('sales_orders');
    expect(cfnText(365)).toBe('365');
    expect(cfnText(true)).toBe('true');
  });

  test('is undefined for absent values, objects and lists', () => {
    expect(cfnText(undefined)).toBeUndefined();
    expect(cfnText(null)).toBeUndefined();
    expect(cfnText({ Name: 'x' })).toBeUndefined();
    expect(cfnText(['a'])).toBeUndefined();
  });

  test('writes Ref and Fn::GetAtt in Fn::Sub notation', () => {
    expect(cfnText({ Ref: 'AWS::AccountId' })).toBe('${AWS::AccountId}');
    expect(cfnText({ 'Fn::GetAtt': ['AnalystRole', 'Arn'] })).toBe('${AnalystRole.Arn}');
    expect(cfnText({ 'Fn::GetAtt': 'AnalystRole.Arn' })).toBe('${AnalystRole.Arn}');
  });

  test('joins Fn::Join parts, rendering intrinsic parts', () => {
    const arn = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::444444444444:role/analyst']] };
    expect(cfnText(arn)).toBe('arn:${AWS::Partition}:iam::444444444444:role/analyst');
  });

  test('substitutes the literal variables of Fn::Sub and keeps the others', () => {
    expect(cfnText({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x' })).toBe('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/x');
    expect(cfnText({ 'Fn::Sub': ['${Db}_${Other}', { Db: 'sales' }] })).toBe('sales_${Other}');
  });

  test('reads Fn::Select of a literal list and Fn::ImportValue', () => {
    expect(cfnText({ 'Fn::Select': [1, ['a', 'b']] })).toBe('b');
    expect(cfnText({ 'Fn::ImportValue': 'central-catalog-id' })).toBe('${ImportValue:central-catalog-id}');
  });

  test('shows any other intrinsic as compact JSON instead of failing', () => {
    expect(cfnText({ 'Fn::If': ['IsProd', 'a', 'b'] })).toBe('${Fn::If:["IsProd","a","b"]}');
    expect(cfnText({ 'Fn::Join': ['', 'not-a-list'] })).toBe('${Fn::Join:["","not-a-list"]}');
    expect(cfnText({ 'Fn::Select': ['x', { Ref: 'List' }] })).toBe('${Fn::Select:["x",{"Ref":"List"}]}');
  });
});

describe('cfnTexts', () => {
  test('reads the text entries of a list and drops the rest', () => {
    expect(cfnTexts(['SELECT', { Ref: 'Extra' }, { not: 'text' }, null])).toEqual(['SELECT', '${Extra}']);
  });

  test('reads an intrinsic standing for a whole list as one entry', () => {
    expect(cfnTexts({ Ref: 'PermissionList' })).toEqual(['${PermissionList}']);
    expect(cfnTexts('SELECT')).toEqual([]);
  });
});
