/**
 * Chooses the Glue (Hive) type of an ODCS property. In order:
 *
 * 1. a `physicalType` that is a valid Hive type wins (normalised, see `hive-type.ts`); a Hive type
 *    with impossible parameters (`decimal(40,2)`, `varchar(0)`) is an error;
 * 2. an `object` with `properties` becomes `struct<…>`, an `array` with `items` becomes
 *    `array<…>` (recursively) — explicit structure beats an opaque physical name such as `jsonb`;
 * 3. a well-known non-Hive SQL type (`text`, `uuid`, `int4`, `serial`, `bytea`, `numeric(12,2)`,
 *    `timestamptz`, …) maps to its Hive equivalent: more precise than a bare logical type. A bare
 *    `numeric`/`decimal`/`number` (arbitrary precision) is read as logicalType `number`;
 * 4. otherwise the `logicalType` (+ `logicalTypeOptions`) decides:
 *    - `string` → `string`. `maxLength` is not turned into `varchar(n)`: Athena truncates
 *      over-long varchar values silently, whereas the data quality ruleset checks the length;
 *    - `integer` → by `format` (i8 tinyint, i16 smallint, i32 int, i64 bigint, wider → decimal),
 *      else by `minimum`/`maximum` (beyond 32 bits → bigint), else `int` (ODCS' default i32);
 *      `long` → `bigint`;
 *    - `number` → `decimal(precision,scale)` when the options give a precision, `float` for
 *      format f32, else `double`;
 *    - `boolean`, `date` → themselves; `timestamp`/`datetime` → `timestamp`; `time` → `string`;
 *    - `object` without properties → `string` (schemaless, e.g. a Postgres domain type; kept as text);
 *    - `array` without items → `array<string>` (ODCS leaves items optional; add them to be precise).
 * 5. nothing usable → a located error.
 */
import { PathSegment } from '../source/yaml-source';
import { CONTRACT_CODES } from './codes';
import { ContractContext } from './context';
import { decimalType, parseHiveType } from './hive-type';
import { glueName, glueNameIssue } from './naming';
import { OdcsItem, OdcsLogicalTypeOptions } from './odcs-schema';

/** The Glue type of `element`, or undefined after reporting why there is none. */
export function glueTypeOf(ctx: ContractContext, element: OdcsItem, path: readonly PathSegment[]): string | undefined {
  const physical = element.physicalType?.trim();
  if (physical) {
    const hive = parseHiveType(physical);
    if (hive.kind === 'hive') return hive.type;
    if (hive.kind === 'invalid') {
      ctx.report(
        CONTRACT_CODES.invalidPhysicalType,
        [...path, 'physicalType'],
        `physicalType "${physical}" is not a valid Glue type: ${hive.reason}; correct it, or remove physicalType to derive the type from logicalType`,
      );
      return undefined;
    }
  }

  const logical = element.logicalType ?? impliedLogicalType(physical);
  if (logical === 'object' && element.properties && element.properties.length > 0) {
    return structType(ctx, element.properties, [...path, 'properties']);
  }
  if (logical === 'array' && element.items) {
    const itemType = glueTypeOf(ctx, element.items, [...path, 'items']);
    return itemType === undefined ? undefined : `array<${itemType}>`;
  }

  if (physical) {
    const alias = physicalAlias(physical);
    if (alias !== undefined && 'type' in alias) return alias.type;
    if (alias !== undefined) {
      ctx.report(
        CONTRACT_CODES.invalidPhysicalType,
        [...path, 'physicalType'],
        `physicalType "${physical}" cannot be a Glue type: ${alias.reason}; correct it, or remove physicalType to derive the type from logicalType`,
      );
      return undefined;
    }
  }

  if (logical !== undefined) return logicalGlueType(ctx, logical, element.logicalTypeOptions ?? {}, path);

  ctx.report(
    CONTRACT_CODES.unmappableType,
    [...path],
    physical
      ? `cannot derive a Glue type from physicalType "${physical}" (not a Hive type) without a logicalType; set physicalType to a Hive type such as string, bigint or decimal(10,2), or add a logicalType`
      : 'has neither physicalType nor logicalType, so lakemesh cannot choose a Glue type; add a logicalType (e.g. string) or a Hive physicalType (e.g. bigint)',
  );
  return undefined;
}

/** Bare physical names that say "array" or "object" when logicalType is absent. */
function impliedLogicalType(physical: string | undefined): string | undefined {
  const name = physical?.toLowerCase();
  if (name === 'array' || name === 'list') return 'array';
  if (name === 'object' || name === 'struct' || name === 'record') return 'object';
  if (name !== undefined && DECIMAL_NAMES.has(name)) return 'number';
  return undefined;
}

function structType(ctx: ContractContext, fields: readonly OdcsItem[], path: readonly PathSegment[]): string | undefined {
  const parts: string[] = [];
  const seen = new Map<string, number>();
  let complete = true;
  fields.forEach((field, index) => {
    const fieldPath = [...path, index];
    const name = glueName(field);
    const issue = glueNameIssue(name);
    if (issue) {
      ctx.report(CONTRACT_CODES.invalidColumnName, [...fieldPath, field.physicalName ? 'physicalName' : 'name'], `field name "${name}" ${issue}`);
      complete = false;
    }
    const earlier = seen.get(name);
    if (earlier !== undefined) {
      ctx.report(CONTRACT_CODES.duplicateColumn, fieldPath, `field "${name}" is defined twice in the same object (also at index ${earlier}); give each field a distinct name`);
      complete = false;
    }
    seen.set(name, index);
    const type = glueTypeOf(ctx, field, fieldPath);
    if (type === undefined) complete = false;
    else parts.push(`${name}:${type}`);
  });
  return complete ? `struct<${parts.join(',')}>` : undefined;
}

/** Non-Hive SQL type names (Postgres, MySQL, Oracle, SQL Server, Snowflake spellings) by Hive type. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  string: [
    'text', 'tinytext', 'mediumtext', 'longtext', 'ntext', 'citext', 'clob', 'nclob', 'char', 'varchar', 'nchar',
    'nvarchar', 'varchar2', 'nvarchar2', 'character', 'character varying', 'bpchar', 'uuid', 'uniqueidentifier', 'json',
    'jsonb', 'xml', 'time', 'timetz', 'time with time zone', 'time without time zone', 'interval', 'inet', 'cidr',
    'macaddr', 'enum', 'str',
  ],
  tinyint: ['int1', 'byte'],
  smallint: ['int2', 'smallserial', 'serial2', 'short', 'int16'],
  int: ['int4', 'serial', 'serial4', 'mediumint', 'int32'],
  bigint: ['int8', 'bigserial', 'serial8', 'long', 'int64'],
  float: ['float4', 'real'],
  double: ['float8', 'double precision', 'float64'],
  boolean: ['bool'],
  timestamp: [
    'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'datetime', 'datetime2',
    'smalldatetime', 'datetimeoffset', 'timestamp_ntz', 'timestamp_ltz', 'timestamp_tz',
  ],
  binary: ['bytea', 'blob', 'tinyblob', 'mediumblob', 'longblob', 'varbinary', 'image', 'bytes'],
};
const ALIAS_TO_HIVE = new Map(Object.entries(ALIASES).flatMap(([hive, names]) => names.map((name) => [name, hive] as const)));
const DECIMAL_NAMES = new Set(['numeric', 'number', 'decimal']);

type AliasResult = { type: string } | { reason: string };

function physicalAlias(physical: string): AliasResult | undefined {
  const match = /^([a-z_][a-z0-9_ ]*?)\s*(?:[([]\s*([\d\s,]*)\s*[)\]])?$/.exec(physical.toLowerCase().replace(/\s+/g, ' ').trim());
  if (!match) return undefined;
  const [, name, params] = match;
  if (DECIMAL_NAMES.has(name)) {
    // numeric(12,2) → decimal(12,2); a bare numeric is left to logicalType (options or double).
    if (!params?.trim()) return undefined;
    const [precision, scale] = params.split(',').map((p) => Number(p.trim()));
    return decimalType(precision, scale ?? 0);
  }
  const hive = ALIAS_TO_HIVE.get(name);
  return hive === undefined ? undefined : { type: hive };
}

const INTEGER_FORMATS: Readonly<Record<string, string>> = {
  i8: 'tinyint', i16: 'smallint', i32: 'int', i64: 'bigint', i128: 'decimal(38,0)',
  u8: 'smallint', u16: 'int', u32: 'bigint', u64: 'decimal(20,0)', u128: 'decimal(38,0)',
};
const NUMBER_FORMATS: Readonly<Record<string, string>> = { f32: 'float', f64: 'double' };
const INT32 = 2 ** 31;
const INT64 = 2 ** 63;

function logicalGlueType(
  ctx: ContractContext,
  logical: string,
  options: OdcsLogicalTypeOptions,
  path: readonly PathSegment[],
): string | undefined {
  const optionsPath = [...path, 'logicalTypeOptions'];
  switch (logical) {
    case 'integer':
      if (options.format !== undefined) {
        return formatType(ctx, options.format, INTEGER_FORMATS, 'integer', [...optionsPath, 'format']);
      }
      return integerTypeFromBounds(options);
    case 'long':
      return 'bigint';
    case 'number':
      if (options.precision !== undefined || options.scale !== undefined) return decimalFromOptions(ctx, options, optionsPath);
      if (options.format !== undefined) return formatType(ctx, options.format, NUMBER_FORMATS, 'number', [...optionsPath, 'format']);
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'timestamp':
    case 'datetime':
      return 'timestamp';
    case 'time':
    case 'string':
    case 'object':
      return 'string';
    case 'array':
      return 'array<string>';
    default:
      // Unreachable: the schema only lets LOGICAL_TYPES through.
      ctx.report(CONTRACT_CODES.unmappableType, [...path, 'logicalType'], `logicalType "${logical}" has no Glue type`);
      return undefined;
  }
}

function decimalFromOptions(
  ctx: ContractContext,
  options: OdcsLogicalTypeOptions,
  path: readonly PathSegment[],
): string | undefined {
  if (options.precision === undefined) {
    ctx.report(CONTRACT_CODES.invalidTypeOptions, [...path, 'scale'], 'a scale needs a precision too; add logicalTypeOptions.precision');
    return undefined;
  }
  const decimal = decimalType(options.precision, options.scale ?? 0);
  if ('type' in decimal) return decimal.type;
  const field = decimal.reason.startsWith('decimal scale') ? 'scale' : 'precision';
  ctx.report(CONTRACT_CODES.invalidTypeOptions, [...path, field], `logicalTypeOptions cannot make a Glue decimal: ${decimal.reason}`);
  return undefined;
}

function formatType(
  ctx: ContractContext,
  format: string,
  formats: Readonly<Record<string, string>>,
  logical: string,
  path: readonly PathSegment[],
): string | undefined {
  const type = formats[format];
  if (type === undefined) {
    ctx.report(
      CONTRACT_CODES.invalidTypeOptions,
      path,
      `${logical} format "${format}" is unknown; use one of ${Object.keys(formats).join(', ')}`,
    );
  }
  return type;
}

function integerTypeFromBounds(options: OdcsLogicalTypeOptions): string {
  const bounds = [options.minimum, options.maximum, options.exclusiveMinimum, options.exclusiveMaximum]
    .filter((value): value is number => typeof value === 'number')
    .map(Math.abs);
  const widest = Math.max(0, ...bounds);
  if (widest >= INT64) return 'decimal(38,0)';
  if (widest >= INT32) return 'bigint';
  return 'int';
}
