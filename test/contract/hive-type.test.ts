import { decimalType, isComplexType, parseHiveType } from '../../lib/contract/hive-type';

describe('parseHiveType', () => {
  test.each([
    ['string', 'string'],
    ['STRING', 'string'],
    ['tinyint', 'tinyint'],
    ['smallint', 'smallint'],
    ['int', 'int'],
    ['integer', 'int'],
    ['INTEGER', 'int'],
    ['bigint', 'bigint'],
    ['float', 'float'],
    ['double', 'double'],
    ['boolean', 'boolean'],
    ['date', 'date'],
    ['timestamp', 'timestamp'],
    ['binary', 'binary'],
    ['char(1)', 'char(1)'],
    ['char(255)', 'char(255)'],
    ['VARCHAR(40)', 'varchar(40)'],
    ['varchar(65535)', 'varchar(65535)'],
    ['decimal(10,2)', 'decimal(10,2)'],
    ['decimal( 10 , 2 )', 'decimal(10,2)'],
    ['decimal(38,38)', 'decimal(38,38)'],
    ['decimal(7)', 'decimal(7,0)'],
    ['array<string>', 'array<string>'],
    ['ARRAY< INTEGER >', 'array<int>'],
    ['map<string,int>', 'map<string,int>'],
    ['map<varchar(5), array<decimal(4,1)>>', 'map<varchar(5),array<decimal(4,1)>>'],
    ['struct<a:int>', 'struct<a:int>'],
    ['struct<Street:string, Zip:varchar(10)>', 'struct<street:string,zip:varchar(10)>'],
    ['array<struct<id:bigint,tags:array<string>,attrs:map<string,struct<x:double>>>>', 'array<struct<id:bigint,tags:array<string>,attrs:map<string,struct<x:double>>>>'],
  ])('%s is the Hive type %s', (input, expected) => {
    expect(parseHiveType(input)).toEqual({ kind: 'hive', type: expected });
  });

  test.each([
    'text', 'uuid', 'VARCHAR2(10)', 'varchar', 'char', 'decimal', 'numeric(10,2)', 'float(3,2)', 'timestamp(3)', 'varchar[50]',
    'double precision', 'array', 'array<>', 'array<text>', 'map<string>', 'struct<a int>', 'struct<a:int', 'string string',
    'Name', '', '   ', 'int;drop', 'struct<1a:int>',
  ])('%j is not a Hive type', (input) => {
    expect(parseHiveType(input)).toEqual({ kind: 'not-hive' });
  });

  test.each([
    ['decimal(40,2)', 'decimal precision must be between 1 and 38, got 40'],
    ['decimal(0)', 'decimal precision must be between 1 and 38, got 0'],
    ['decimal(10,12)', 'decimal scale must be between 0 and the precision (10), got 12'],
    ['char(0)', 'char length must be between 1 and 255, got 0'],
    ['char(300)', 'char length must be between 1 and 255, got 300'],
    ['varchar(70000)', 'varchar length must be between 1 and 65535, got 70000'],
    ['map<array<int>,string>', 'map keys must be a primitive type, got array<int>'],
    ['struct<>', 'struct needs at least one field'],
    ['struct<a:int,A:string>', 'struct field "a" appears twice'],
    ['array<decimal(39,0)>', 'decimal precision must be between 1 and 38, got 39'],
  ])('%s is an invalid Hive type', (input, reason) => {
    expect(parseHiveType(input)).toEqual({ kind: 'invalid', reason });
  });
});

describe('isComplexType', () => {
  test.each([
    ['array<int>', true],
    ['map<string,int>', true],
    ['struct<a:int>', true],
    ['string', false],
    ['decimal(10,2)', false],
  ])('%s → %s', (type, expected) => {
    expect(isComplexType(type)).toBe(expected);
  });
});

describe('decimalType', () => {
  test('accepts the largest decimal Glue holds', () => {
    expect(decimalType(38, 0)).toEqual({ type: 'decimal(38,0)' });
  });

  test('rejects a fractional precision', () => {
    expect(decimalType(10.5, 2)).toEqual({ reason: 'decimal precision must be between 1 and 38, got 10.5' });
  });
});
