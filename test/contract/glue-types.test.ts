import { CONTRACT_CODES } from '../../lib/contract/codes';
import { glueType, typeProblems } from './helpers';

describe('a Hive physicalType wins', () => {
  test.each([
    [{ physicalType: 'varchar(18)', logicalType: 'string' }, 'varchar(18)'],
    [{ physicalType: 'DECIMAL(12,2)', logicalType: 'number' }, 'decimal(12,2)'],
    [{ physicalType: 'bigint', logicalType: 'string' }, 'bigint'],
    [{ physicalType: 'timestamp', logicalType: 'date' }, 'timestamp'],
    [{ physicalType: 'int', logicalType: 'integer', logicalTypeOptions: { format: 'i64' } }, 'int'],
    [{ physicalType: 'array<struct<a:int>>', logicalType: 'array', items: { logicalType: 'string' } }, 'array<struct<a:int>>'],
    [{ physicalType: 'map<string,double>' }, 'map<string,double>'],
  ])('%j → %s', (property, expected) => {
    expect(glueType(property)).toBe(expected);
  });
});

describe('well-known non-Hive physical types map to their Hive equivalent', () => {
  test.each([
    ['text', 'string'],
    ['uuid', 'string'],
    ['VARCHAR2(10)', 'string'],
    ['varchar', 'string'],
    ['varchar[50]', 'string'],
    ['bpchar', 'string'],
    ['jsonb', 'string'],
    ['xml', 'string'],
    ['time', 'string'],
    ['character varying(20)', 'string'],
    ['int2', 'smallint'],
    ['int4', 'int'],
    ['serial', 'int'],
    ['int8', 'bigint'],
    ['bigserial', 'bigint'],
    ['float4', 'float'],
    ['double precision', 'double'],
    ['bool', 'boolean'],
    ['timestamptz', 'timestamp'],
    ['datetime2', 'timestamp'],
    ['bytea', 'binary'],
    ['numeric(12,2)', 'decimal(12,2)'],
    ['NUMBER(10)', 'decimal(10,0)'],
  ])('%s → %s', (physicalType, expected) => {
    expect(glueType({ physicalType, logicalType: 'object' })).toBe(expected);
  });

  test('a bare numeric follows the logical number mapping', () => {
    expect(glueType({ physicalType: 'numeric', logicalType: 'number' })).toBe('double');
    expect(glueType({ physicalType: 'numeric', logicalTypeOptions: { precision: 18, scale: 4 } })).toBe('decimal(18,4)');
  });
});

describe('logicalType decides when physicalType does not', () => {
  test.each([
    [{ logicalType: 'string' }, 'string'],
    [{ logicalType: 'string', logicalTypeOptions: { maxLength: 10 } }, 'string'],
    [{ logicalType: 'integer' }, 'int'],
    [{ logicalType: 'integer', logicalTypeOptions: { format: 'i8' } }, 'tinyint'],
    [{ logicalType: 'integer', logicalTypeOptions: { format: 'i16' } }, 'smallint'],
    [{ logicalType: 'integer', logicalTypeOptions: { format: 'i32' } }, 'int'],
    [{ logicalType: 'integer', logicalTypeOptions: { format: 'i64' } }, 'bigint'],
    [{ logicalType: 'integer', logicalTypeOptions: { format: 'u32' } }, 'bigint'],
    [{ logicalType: 'integer', logicalTypeOptions: { format: 'u64' } }, 'decimal(20,0)'],
    [{ logicalType: 'integer', logicalTypeOptions: { format: 'i128' } }, 'decimal(38,0)'],
    [{ logicalType: 'integer', logicalTypeOptions: { minimum: 0, maximum: 2147483647 } }, 'int'],
    [{ logicalType: 'integer', logicalTypeOptions: { minimum: 0, maximum: 2147483648 } }, 'bigint'],
    [{ logicalType: 'integer', logicalTypeOptions: { exclusiveMinimum: -1e19 } }, 'decimal(38,0)'],
    [{ logicalType: 'long' }, 'bigint'],
    [{ logicalType: 'number' }, 'double'],
    [{ logicalType: 'number', logicalTypeOptions: { format: 'f32' } }, 'float'],
    [{ logicalType: 'number', logicalTypeOptions: { format: 'f64' } }, 'double'],
    [{ logicalType: 'number', logicalTypeOptions: { precision: 10, scale: 2 } }, 'decimal(10,2)'],
    [{ logicalType: 'number', logicalTypeOptions: { precision: 10 } }, 'decimal(10,0)'],
    [{ logicalType: 'boolean' }, 'boolean'],
    [{ logicalType: 'date' }, 'date'],
    [{ logicalType: 'timestamp' }, 'timestamp'],
    [{ logicalType: 'datetime' }, 'timestamp'],
    [{ logicalType: 'time' }, 'string'],
    [{ logicalType: 'object' }, 'string'],
    [{ logicalType: 'array' }, 'array<string>'],
    [{ physicalType: 'float(3,2)', logicalType: 'number' }, 'double'],
    [{ physicalType: 'Name', logicalType: 'object' }, 'string'],
    [{ physicalType: 'list', logicalType: 'array' }, 'array<string>'],
  ])('%j → %s', (property, expected) => {
    expect(glueType(property)).toBe(expected);
  });
});

describe('nested types', () => {
  test('an object with properties becomes a struct of their Glue names and types', () => {
    const type = glueType({
      logicalType: 'object',
      properties: [
        { name: 'Street', logicalType: 'string' },
        { name: 'zip', physicalName: 'postal_code', physicalType: 'VARCHAR(10)' },
        { name: 'geo', logicalType: 'object', properties: [{ name: 'lat', logicalType: 'number' }] },
      ],
    });
    expect(type).toBe('struct<street:string,postal_code:varchar(10),geo:struct<lat:double>>');
  });

  test('an array takes the type of its items, recursively', () => {
    const type = glueType({
      logicalType: 'array',
      items: { logicalType: 'array', items: { logicalType: 'number', logicalTypeOptions: { precision: 9, scale: 3 } } },
    });
    expect(type).toBe('array<array<decimal(9,3)>>');
  });

  test('an array of objects becomes an array of structs', () => {
    const type = glueType({
      physicalType: 'array',
      items: { physicalType: 'object', properties: [{ name: 'id', physicalType: 'VARCHAR(40)' }, { name: 'n', logicalType: 'integer' }] },
    });
    expect(type).toBe('array<struct<id:varchar(40),n:int>>');
  });

  test('explicit structure beats an opaque physical name', () => {
    expect(glueType({ physicalType: 'jsonb', logicalType: 'object', properties: [{ name: 'a', logicalType: 'boolean' }] })).toBe(
      'struct<a:boolean>',
    );
  });
});

describe('fails when', () => {
  test('a Hive physicalType has impossible parameters', () => {
    expect(typeProblems({ physicalType: 'decimal(40,2)', logicalType: 'number' })).toEqual([
      [
        CONTRACT_CODES.invalidPhysicalType,
        'schema[0].properties[0].physicalType',
        'physicalType "decimal(40,2)" is not a valid Glue type: decimal precision must be between 1 and 38, got 40; correct it, or remove physicalType to derive the type from logicalType',
      ],
    ]);
  });

  test('a SQL decimal cannot be held by Glue', () => {
    expect(typeProblems({ physicalType: 'numeric(50,2)' })).toEqual([
      [
        CONTRACT_CODES.invalidPhysicalType,
        'schema[0].properties[0].physicalType',
        'physicalType "numeric(50,2)" cannot be a Glue type: decimal precision must be between 1 and 38, got 50; correct it, or remove physicalType to derive the type from logicalType',
      ],
    ]);
  });

  test('an unknown physicalType comes without a logicalType', () => {
    expect(typeProblems({ physicalType: 'Name' })).toEqual([
      [
        CONTRACT_CODES.unmappableType,
        'schema[0].properties[0]',
        'cannot derive a Glue type from physicalType "Name" (not a Hive type) without a logicalType; set physicalType to a Hive type such as string, bigint or decimal(10,2), or add a logicalType',
      ],
    ]);
  });

  test('neither physicalType nor logicalType is given', () => {
    expect(typeProblems({})).toEqual([
      [
        CONTRACT_CODES.unmappableType,
        'schema[0].properties[0]',
        'has neither physicalType nor logicalType, so lakemesh cannot choose a Glue type; add a logicalType (e.g. string) or a Hive physicalType (e.g. bigint)',
      ],
    ]);
  });

  test('a nested field has no usable type, reported at the nested path', () => {
    expect(typeProblems({ logicalType: 'array', items: { logicalType: 'object', properties: [{ name: 'x' }] } })).toEqual([
      [
        CONTRACT_CODES.unmappableType,
        'schema[0].properties[0].items.properties[0]',
        'has neither physicalType nor logicalType, so lakemesh cannot choose a Glue type; add a logicalType (e.g. string) or a Hive physicalType (e.g. bigint)',
      ],
    ]);
  });

  test('precision exceeds what a Glue decimal holds', () => {
    expect(typeProblems({ logicalType: 'number', logicalTypeOptions: { precision: 40, scale: 2 } })).toEqual([
      [
        CONTRACT_CODES.invalidTypeOptions,
        'schema[0].properties[0].logicalTypeOptions.precision',
        'logicalTypeOptions cannot make a Glue decimal: decimal precision must be between 1 and 38, got 40',
      ],
    ]);
  });

  test('scale exceeds precision', () => {
    expect(typeProblems({ logicalType: 'number', logicalTypeOptions: { precision: 4, scale: 6 } })).toEqual([
      [
        CONTRACT_CODES.invalidTypeOptions,
        'schema[0].properties[0].logicalTypeOptions.scale',
        'logicalTypeOptions cannot make a Glue decimal: decimal scale must be between 0 and the precision (4), got 6',
      ],
    ]);
  });

  test('a scale comes without a precision', () => {
    expect(typeProblems({ logicalType: 'number', logicalTypeOptions: { scale: 2 } })).toEqual([
      [
        CONTRACT_CODES.invalidTypeOptions,
        'schema[0].properties[0].logicalTypeOptions.scale',
        'a scale needs a precision too; add logicalTypeOptions.precision',
      ],
    ]);
  });

  test('an integer format is unknown', () => {
    expect(typeProblems({ logicalType: 'integer', logicalTypeOptions: { format: 'int64' } })).toEqual([
      [
        CONTRACT_CODES.invalidTypeOptions,
        'schema[0].properties[0].logicalTypeOptions.format',
        'integer format "int64" is unknown; use one of i8, i16, i32, i64, i128, u8, u16, u32, u64, u128',
      ],
    ]);
  });

  test('a number format is unknown', () => {
    expect(typeProblems({ logicalType: 'number', logicalTypeOptions: { format: 'i32' } })).toEqual([
      [CONTRACT_CODES.invalidTypeOptions, 'schema[0].properties[0].logicalTypeOptions.format', 'number format "i32" is unknown; use one of f32, f64'],
    ]);
  });
});
