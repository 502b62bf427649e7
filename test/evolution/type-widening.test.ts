import { isSafeWidening, normaliseType } from '../../lib/evolution/type-widening';

describe('isSafeWidening', () => {
  test.each([
    ['tinyint', 'smallint'],
    ['tinyint', 'bigint'],
    ['smallint', 'int'],
    ['int', 'bigint'],
    ['float', 'double'],
    ['varchar(10)', 'varchar(20)'],
    ['varchar(10)', 'string'],
    ['decimal(10,2)', 'decimal(12,2)'],
    ['DECIMAL(10, 2)', 'decimal(38,2)'],
  ])('%s → %s is a safe widening', (from, to) => {
    expect(isSafeWidening(from, to)).toBe(true);
  });

  test.each([
    ['bigint', 'int'],
    ['int', 'int'],
    ['double', 'float'],
    ['int', 'double'],
    ['int', 'string'],
    ['int', 'decimal(10,0)'],
    ['string', 'varchar(10)'],
    ['varchar(20)', 'varchar(10)'],
    ['char(10)', 'char(20)'],
    ['char(10)', 'string'],
    ['decimal(10,2)', 'decimal(12,3)'],
    ['decimal(12,2)', 'decimal(10,2)'],
    ['date', 'timestamp'],
    ['array<int>', 'array<bigint>'],
    ['struct<a:int>', 'struct<a:int,b:string>'],
  ])('%s → %s is not', (from, to) => {
    expect(isSafeWidening(from, to)).toBe(false);
  });
});

test('normaliseType ignores case and spaces', () => {
  expect(normaliseType('Decimal(10, 2)')).toBe('decimal(10,2)');
});
