/**
 * Lake Formation's limits on row filters (`AWS::LakeFormation::DataCellsFilter`), checked at synth
 * so that a bad filter fails `cdk synth`, not a deploy halfway through.
 *
 * @see https://docs.aws.amazon.com/lake-formation/latest/APIReference/API_RowFilter.html
 * @see https://docs.aws.amazon.com/lake-formation/latest/dg/data-filtering.html (data filtering limitations)
 */
import { createHash } from 'node:crypto';
import { ContractColumn, ContractTable } from '../contract/model';
import { Problem } from '../errors';
import { GRANT_CODES } from './grant-codes';

/** `RowFilter.FilterExpression`: length 0–2048 in the Lake Formation API. */
export const MAX_ROW_FILTER_LENGTH = 2048;

/** `DataCellsFilter.Name`: 1–255 characters. */
export const MAX_FILTER_NAME_LENGTH = 255;

/**
 * "There is a limit of 100 data filter SELECT permissions for a single principal on a table."
 * (The other limit, 10 data filters per grant on a table, cannot bite: lakemesh puts exactly one
 * filter in each `PrincipalPermissions`.)
 */
export const MAX_FILTER_GRANTS_PER_PRINCIPAL_TABLE = 100;

/**
 * Problems with one row filter expression on one table: empty, too long, or referencing a column
 * whose type Lake Formation rejects in row filters (array, map).
 */
export function rowFilterProblems(
  expression: string,
  table: ContractTable,
  roleName: string,
  path = '',
): Problem[] {
  const where = `role "${roleName}": lakemesh.rowFilter for table "${table.name}"`;
  if (expression.trim() === '') {
    return [
      {
        code: GRANT_CODES.emptyRowFilter,
        path,
        message: `${where} is empty; write a PartiQL condition such as "country = 'DE'", or remove the filter`,
      },
    ];
  }
  const problems: Problem[] = [];
  if (expression.length > MAX_ROW_FILTER_LENGTH) {
    problems.push({
      code: GRANT_CODES.rowFilterTooLong,
      path,
      message: `${where} is ${expression.length} characters long; Lake Formation accepts at most ${MAX_ROW_FILTER_LENGTH}: shorten the condition`,
    });
  }
  for (const column of referencedColumns(expression, allColumns(table))) {
    if (isArrayOrMap(column)) {
      problems.push({
        code: GRANT_CODES.rowFilterNestedColumn,
        path,
        message: `${where} references column "${column.name}" of type ${column.type}; Lake Formation row filters cannot use array or map columns: filter on a scalar or struct column instead`,
      });
    }
  }
  return problems;
}

/**
 * The table's columns that the expression names. Conservative: every identifier token outside
 * string literals and comments that equals a column name (case-insensitively) counts, except a
 * path step after `.` (a struct field, not a column).
 */
export function referencedColumns(expression: string, columns: readonly ContractColumn[]): ContractColumn[] {
  const byName = new Map(columns.map((column) => [column.name.toLowerCase(), column]));
  const found = new Map<string, ContractColumn>();
  for (const identifier of identifiers(expression)) {
    const column = byName.get(identifier.toLowerCase());
    if (column) found.set(column.name, column);
  }
  return [...found.values()];
}

/**
 * The Lake Formation data cells filter name for a (consumer, role): readable, unique per pair
 * (the hash tells `a_b`/`c` from `a`/`b_c`), deterministic and at most 255 characters.
 */
export function dataCellsFilterName(consumer: string, role: string): string {
  const hash = createHash('sha256').update(`${consumer}\u0000${role}`).digest('hex').slice(0, 8);
  const readable = `${slug(consumer)}_${slug(role)}`.slice(0, MAX_FILTER_NAME_LENGTH - hash.length - 1);
  return `${readable}_${hash}`;
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

function allColumns(table: ContractTable): ContractColumn[] {
  return [...table.columns, ...table.partitionKeys];
}

function isArrayOrMap(column: ContractColumn): boolean {
  return /^\s*(array|map)\s*</i.test(column.type);
}

/** Identifier tokens of a PartiQL expression; quoted identifiers lose their quotes. */
function identifiers(expression: string): string[] {
  const result: string[] = [];
  let previousSignificant = '';
  let i = 0;
  while (i < expression.length) {
    const char = expression[i];
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    if (expression.startsWith('--', i)) {
      const end = expression.indexOf('\n', i);
      i = end === -1 ? expression.length : end;
      continue;
    }
    if (expression.startsWith('/*', i)) {
      const end = expression.indexOf('*/', i + 2);
      i = end === -1 ? expression.length : end + 2;
      continue;
    }
    if (char === "'") {
      i = skipQuoted(expression, i, "'").end;
      previousSignificant = "'";
      continue;
    }
    if (char === '"' || char === '`') {
      const quoted = skipQuoted(expression, i, char);
      if (previousSignificant !== '.') result.push(quoted.text);
      i = quoted.end;
      previousSignificant = 'identifier';
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(expression.slice(i));
    if (word) {
      if (previousSignificant !== '.') result.push(word[0]);
      i += word[0].length;
      previousSignificant = 'identifier';
      continue;
    }
    const number = /^[0-9][0-9A-Za-z_.]*/.exec(expression.slice(i));
    if (number) {
      i += number[0].length;
      previousSignificant = 'number';
      continue;
    }
    previousSignificant = char;
    i++;
  }
  return result;
}

/** A quoted token starting at `start`; a doubled quote inside is an escaped quote. */
function skipQuoted(expression: string, start: number, quote: string): { text: string; end: number } {
  let text = '';
  let i = start + 1;
  while (i < expression.length) {
    if (expression[i] === quote) {
      if (expression[i + 1] === quote) {
        text += quote;
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += expression[i];
    i++;
  }
  return { text, end: expression.length };
}
