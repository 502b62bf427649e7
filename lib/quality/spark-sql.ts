/**
 * Spark SQL pieces for the `CustomSql` and `where` text lakemesh writes itself. Glue Data Quality
 * runs these with Spark SQL against the table aliased `primary`.
 */

/** A column as a Spark SQL identifier: backquoted, backquotes doubled. */
export function sqlIdentifier(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

/**
 * A Spark SQL string literal. Spark reads backslash escapes in literals by default, so backslashes
 * and single quotes are escaped with one.
 */
export function sqlString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `where` text that lets nullable columns pass value checks: ODCS counts nulls as missing, not invalid. */
export function notNullCondition(column: string): string {
  return `${sqlIdentifier(column)} is not null`;
}
