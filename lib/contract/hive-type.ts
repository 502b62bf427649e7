/**
 * Recognises Glue (Hive DDL) column types and normalises them: lower case, no spaces, `integer`
 * written `int`. Complex types nest: `array<struct<id:varchar(40),tags:map<string,int>>>`.
 *
 * Three outcomes, because they call for different reactions: a Hive type; something that is not
 * Hive at all (`VARCHAR2(10)`, `text`: the caller falls back to other mappings); and a Hive type
 * with impossible parameters (`decimal(40,2)`: the author clearly meant Hive, so it is an error).
 */

/** Glue/Athena decimals hold at most 38 digits. */
export const MAX_DECIMAL_PRECISION = 38;
export const MAX_CHAR_LENGTH = 255;
export const MAX_VARCHAR_LENGTH = 65535;

export type HiveTypeParse =
  | { readonly kind: 'hive'; readonly type: string }
  | { readonly kind: 'not-hive' }
  | { readonly kind: 'invalid'; readonly reason: string };

const SIMPLE_TYPES: Readonly<Record<string, string>> = {
  string: 'string',
  tinyint: 'tinyint',
  smallint: 'smallint',
  int: 'int',
  integer: 'int',
  bigint: 'bigint',
  float: 'float',
  double: 'double',
  boolean: 'boolean',
  date: 'date',
  timestamp: 'timestamp',
  binary: 'binary',
};

export function parseHiveType(text: string): HiveTypeParse {
  const tokens = tokenize(text.toLowerCase());
  if (tokens === undefined || tokens.length === 0) return { kind: 'not-hive' };
  const parser = new HiveParser(tokens);
  try {
    const type = parser.type();
    if (!parser.atEnd()) return { kind: 'not-hive' };
    return { kind: 'hive', type };
  } catch (error) {
    if (error instanceof NotHive) return { kind: 'not-hive' };
    if (error instanceof InvalidHive) return { kind: 'invalid', reason: error.reason };
    throw error;
  }
}

/** True for array, map and struct types (not allowed in row filters or as partition keys). */
export function isComplexType(type: string): boolean {
  return /^(array|map|struct)</.test(type);
}

/** `decimal(p,s)` if Glue can hold it, else the reason it cannot. */
export function decimalType(precision: number, scale: number): { type: string } | { reason: string } {
  if (!Number.isInteger(precision) || precision < 1 || precision > MAX_DECIMAL_PRECISION) {
    return { reason: `decimal precision must be between 1 and ${MAX_DECIMAL_PRECISION}, got ${precision}` };
  }
  if (!Number.isInteger(scale) || scale < 0 || scale > precision) {
    return { reason: `decimal scale must be between 0 and the precision (${precision}), got ${scale}` };
  }
  return { type: `decimal(${precision},${scale})` };
}

class NotHive extends Error {}
class InvalidHive extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function tokenize(text: string): string[] | undefined {
  const tokens: string[] = [];
  const pattern = /\s*([a-z_][a-z0-9_]*|\d+|[<>(),:])\s*/y;
  while (pattern.lastIndex < text.length) {
    const match = pattern.exec(text);
    if (!match) return undefined;
    tokens.push(match[1]);
  }
  return tokens;
}

class HiveParser {
  private position = 0;

  constructor(private readonly tokens: readonly string[]) {}

  atEnd(): boolean {
    return this.position === this.tokens.length;
  }

  type(): string {
    const name = this.next();
    if (name in SIMPLE_TYPES) {
      if (this.peek() === '(') throw new NotHive(); // float(3,2), timestamp(3): not Hive
      return SIMPLE_TYPES[name];
    }
    switch (name) {
      case 'char':
      case 'varchar':
        return this.sizedString(name);
      case 'decimal':
        return this.decimal();
      case 'array':
        return this.array();
      case 'map':
        return this.map();
      case 'struct':
        return this.struct();
      default:
        throw new NotHive();
    }
  }

  private sizedString(name: 'char' | 'varchar'): string {
    // A bare char/varchar is not Hive (it needs a length); the caller maps it to string.
    if (this.peek() !== '(') throw new NotHive();
    this.expect('(');
    const length = this.integer();
    this.expect(')');
    const max = name === 'char' ? MAX_CHAR_LENGTH : MAX_VARCHAR_LENGTH;
    if (length < 1 || length > max) throw new InvalidHive(`${name} length must be between 1 and ${max}, got ${length}`);
    return `${name}(${length})`;
  }

  private decimal(): string {
    // Bare `decimal` means decimal(10,0) to Hive, which silently drops fractions: treated as not Hive
    // so that logicalTypeOptions (or double) decide instead.
    if (this.peek() !== '(') throw new NotHive();
    this.expect('(');
    const precision = this.integer();
    let scale = 0;
    if (this.peek() === ',') {
      this.expect(',');
      scale = this.integer();
    }
    this.expect(')');
    const result = decimalType(precision, scale);
    if ('reason' in result) throw new InvalidHive(result.reason);
    return result.type;
  }

  private array(): string {
    this.expect('<');
    const element = this.type();
    this.expect('>');
    return `array<${element}>`;
  }

  private map(): string {
    this.expect('<');
    const key = this.type();
    this.expect(',');
    const value = this.type();
    this.expect('>');
    if (isComplexType(key)) throw new InvalidHive(`map keys must be a primitive type, got ${key}`);
    return `map<${key},${value}>`;
  }

  private struct(): string {
    this.expect('<');
    if (this.peek() === '>') throw new InvalidHive('struct needs at least one field');
    const fields: string[] = [];
    const names = new Set<string>();
    for (;;) {
      const name = this.next();
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new NotHive();
      if (names.has(name)) throw new InvalidHive(`struct field "${name}" appears twice`);
      names.add(name);
      this.expect(':');
      fields.push(`${name}:${this.type()}`);
      if (this.peek() !== ',') break;
      this.expect(',');
    }
    this.expect('>');
    return `struct<${fields.join(',')}>`;
  }

  private integer(): number {
    const token = this.next();
    if (!/^\d+$/.test(token)) throw new NotHive();
    return Number(token);
  }

  private expect(token: string): void {
    if (this.next() !== token) throw new NotHive();
  }

  private next(): string {
    const token = this.tokens[this.position++];
    if (token === undefined) throw new NotHive();
    return token;
  }

  private peek(): string | undefined {
    return this.tokens[this.position];
  }
}
