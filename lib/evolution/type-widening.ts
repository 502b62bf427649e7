/**
 * Which Glue column type changes existing data survives. A table's type can change without
 * rewriting its files only when Athena can read the old values as the new type. We follow
 * Athena's table of compatible types (https://docs.aws.amazon.com/athena/latest/ug/updates-changing-column-type.html):
 * `tinyint` → `smallint` → `int` → `bigint` and `float` → `double`; plus two widenings that store
 * the same bytes in Parquet/ORC/Avro/text and only lift a declared limit:
 * - `varchar(n)` → `varchar(m)` with m > n, or → `string`;
 * - `decimal(p,s)` → `decimal(q,s)` with q > p and the same scale (the unscaled value is unchanged).
 * Everything else is a breaking change, including `char(n)` (padding semantics differ), numbers to
 * `string`, and any change inside `array`/`map`/`struct` types (Athena's support for evolving
 * nested fields depends on format and SerDe settings, so lakemesh does not promise it).
 */

const INTEGER_WIDTHS: Readonly<Record<string, number>> = { tinyint: 1, smallint: 2, int: 4, integer: 4, bigint: 8 };

/** Glue type strings compare case- and space-insensitively (`DECIMAL(10, 2)` is `decimal(10,2)`). */
export function normaliseType(type: string): string {
  return type.replace(/\s+/g, '').toLowerCase();
}

/** True when `oldType` and `newType` differ and every stored `oldType` value reads as `newType`. */
export function isSafeWidening(oldType: string, newType: string): boolean {
  const from = normaliseType(oldType);
  const to = normaliseType(newType);
  if (from === to) return false;

  if (from in INTEGER_WIDTHS && to in INTEGER_WIDTHS) return INTEGER_WIDTHS[to] > INTEGER_WIDTHS[from];
  if (from === 'float' && to === 'double') return true;

  const varchar = /^varchar\((\d+)\)$/.exec(from);
  if (varchar) {
    if (to === 'string') return true;
    const wider = /^varchar\((\d+)\)$/.exec(to);
    return wider !== null && Number(wider[1]) > Number(varchar[1]);
  }

  const decimal = /^decimal\((\d+),(\d+)\)$/.exec(from);
  const widerDecimal = /^decimal\((\d+),(\d+)\)$/.exec(to);
  if (decimal && widerDecimal) {
    return widerDecimal[2] === decimal[2] && Number(widerDecimal[1]) > Number(decimal[1]);
  }
  return false;
}
