/**
 * ODCS library metrics → DQDL. v3.1 names (`nullValues`, `missingValues`, `invalidValues`,
 * `duplicateValues`, `rowCount`) and the v3.0 `rule` names (`nullCheck`, `uniqueCheck`,
 * `duplicateCount`, `validValues`, `countCheck`) are understood.
 *
 * Metrics that count bad rows compile to the plainest DQDL that says the same thing:
 * - "no bad rows" (`mustBe: 0`, the default when no `mustBe…` is given) → `IsComplete`,
 *   `IsUnique`, `ColumnValues … in/matches/not in`;
 * - a percent of bad rows → the ratio of good rows DQDL measures (`Completeness`, `Uniqueness`,
 *   `with threshold`), e.g. "at most 5 % null" → `Completeness "c" >= 0.95`;
 * - a number of bad rows → a `CustomSql` count compared as written.
 */
import { ContractColumn, ContractTable, QualityRule } from '../contract/model';
import { dqdlColumn, dqdlRegex, dqdlSql, unquotableColumnReason } from './dqdl';
import {
  Expectation, describe, expectationValues, expectsZero, readExpectation, renderExpectation, singleCondition, toPassingRatio,
} from './expectation';
import { columnValuesRule } from './column-rules';
import { notNullCondition, sqlIdentifier, sqlString } from './spark-sql';
import { findColumn } from './table-columns';
import { QualitySkipCode, RuleOutcome, compiled, skip } from './types';
import { ListValue, dqdlValueList, readValueList, sqlValueList } from './value-list';

export type LibraryMetric = 'nullValues' | 'missingValues' | 'invalidValues' | 'duplicateValues' | 'rowCount';

/** Metric names, lower-cased, including the v3.0 `rule` names. */
const METRIC_NAMES: Readonly<Record<string, LibraryMetric>> = {
  nullvalues: 'nullValues',
  nullcheck: 'nullValues',
  missingvalues: 'missingValues',
  invalidvalues: 'invalidValues',
  validvalues: 'invalidValues',
  duplicatevalues: 'duplicateValues',
  duplicatecount: 'duplicateValues',
  uniquecheck: 'duplicateValues',
  rowcount: 'rowCount',
  countcheck: 'rowCount',
};

const METRIC_LIST = 'nullValues, missingValues, invalidValues, duplicateValues or rowCount';

type Unit = 'rows' | 'percent';

interface MetricInput {
  readonly rule: QualityRule;
  readonly table: ContractTable;
  /** Absent for table-level rules. */
  readonly column?: ContractColumn;
  readonly unit: Unit;
  /** Absent when the rule gives no `mustBe…`. */
  readonly expectation?: Expectation;
}

/** Compiles one `type: library` rule of a table (no `column`) or of a column. */
export function compileLibraryMetric(rule: QualityRule, table: ContractTable, column?: ContractColumn): RuleOutcome {
  if (rule.metric === undefined || rule.metric.trim() === '') {
    return skip(QualitySkipCode.unknownMetric, `the library rule names no metric; set metric to ${METRIC_LIST}`);
  }
  const metric = METRIC_NAMES[rule.metric.trim().toLowerCase()];
  if (metric === undefined) {
    return skip(
      QualitySkipCode.unknownMetric,
      `library metric ${JSON.stringify(rule.metric)} is not supported; use ${METRIC_LIST}, or write a sql rule`,
    );
  }
  const unit = readUnit(rule.unit);
  if (unit === undefined) {
    return skip(QualitySkipCode.badUnit, `unit ${JSON.stringify(rule.unit)} is not rows or percent; use one of those`);
  }
  const read = readExpectation(rule);
  if (read.kind === 'problem') return skip(QualitySkipCode.badExpectation, read.problem);
  const expectation = read.kind === 'expectation' ? read.expectation : undefined;
  if (unit === 'percent' && expectation && expectationValues(expectation).some((v) => v < 0 || v > 100)) {
    return skip(
      QualitySkipCode.badExpectation,
      `unit is percent but the expectation uses ${expectationValues(expectation).join(' and ')}; write percents from 0 to 100`,
    );
  }
  const input: MetricInput = { rule, table, column, unit, expectation };
  switch (metric) {
    case 'rowCount': return rowCount(input);
    case 'duplicateValues': return duplicateValues(input);
    case 'nullValues': return withColumn(metric, input, nullValues);
    case 'missingValues': return withColumn(metric, input, missingValues);
    case 'invalidValues': return withColumn(metric, input, invalidValues);
  }
}

function readUnit(unit: string | undefined): Unit | undefined {
  const normalized = (unit ?? 'rows').trim().toLowerCase();
  if (normalized === 'rows' || normalized === 'row') return 'rows';
  if (normalized === 'percent' || normalized === 'percentage' || normalized === '%') return 'percent';
  return undefined;
}

function withColumn(
  metric: LibraryMetric,
  input: MetricInput,
  compile: (input: MetricInput, column: ContractColumn, zeroOrGiven: Expectation) => RuleOutcome,
): RuleOutcome {
  if (!input.column) {
    return skip(QualitySkipCode.needsColumn, `${metric} checks one column; move the rule under the property it checks (properties[].quality)`);
  }
  return compile(input, input.column, input.expectation ?? NO_BAD_ROWS);
}

const NO_BAD_ROWS: Expectation = { kind: 'within', bounds: [{ operator: '=', value: 0 }] };

function rowCount({ unit, expectation }: MetricInput): RuleOutcome {
  if (unit === 'percent') return skip(QualitySkipCode.badUnit, 'rowCount counts rows; remove unit: percent');
  if (!expectation) {
    return skip(QualitySkipCode.badExpectation, 'rowCount has no expectation; add mustBeGreaterThan (or another mustBe… key)');
  }
  return compiled(renderExpectation(expectation, (c) => `RowCount ${c}`));
}

function nullValues({ unit }: MetricInput, column: ContractColumn, expectation: Expectation): RuleOutcome {
  const name = dqdlColumn(column.name);
  if (expectsZero(expectation, unit)) return compiled(`IsComplete ${name}`);
  if (unit === 'percent') return compiled(renderExpectation(toPassingRatio(expectation), (c) => `Completeness ${name} ${c}`));
  return countBadRows(`select count(*) from primary where ${sqlIdentifier(column.name)} is null`, expectation);
}

function missingValues(input: MetricInput, column: ContractColumn, expectation: Expectation): RuleOutcome {
  const listed = input.rule.arguments.missingValues;
  if (listed === undefined) return nullValues(input, column, expectation);
  const read = readValueList('arguments.missingValues', listed);
  if (read.kind === 'problem') return skip(QualitySkipCode.badArguments, read.problem);
  const values = read.values.filter((value) => value !== null);
  if (values.length === 0) return nullValues(input, column, expectation);
  // Missing always includes null; `not in` lets nulls pass unless NULL is listed.
  const notMissing = `not in ${dqdlValueList([null, ...values])}`;
  if (expectsZero(expectation, input.unit)) return compiled(columnValuesRule(column, notMissing, { letNullsPass: false }));
  if (input.unit === 'percent') return withThreshold(column, notMissing, expectation, false);
  const sqlList = sqlValueList(values);
  if (sqlList === undefined) return quoteInSqlValue('arguments.missingValues');
  const id = sqlIdentifier(column.name);
  return countBadRows(`select count(*) from primary where ${id} is null or ${id} in ${sqlList}`, expectation);
}

function invalidValues(input: MetricInput, column: ContractColumn, expectation: Expectation): RuleOutcome {
  const { validValues, pattern } = input.rule.arguments;
  if (validValues !== undefined && pattern !== undefined) {
    return skip(QualitySkipCode.badArguments, 'invalidValues sets both arguments.validValues and arguments.pattern; keep one, or split it into two rules');
  }
  if (validValues !== undefined) return invalidByList(input, column, expectation, validValues);
  if (pattern !== undefined) return invalidByPattern(input, column, expectation, pattern);
  return skip(QualitySkipCode.badArguments, 'invalidValues needs arguments.validValues (a list) or arguments.pattern (a regular expression)');
}

function invalidByList(input: MetricInput, column: ContractColumn, expectation: Expectation, raw: unknown): RuleOutcome {
  const read = readValueList('arguments.validValues', raw);
  if (read.kind === 'problem') return skip(QualitySkipCode.badArguments, read.problem);
  const values: readonly ListValue[] = read.values;
  if (!values.some((value) => value !== null)) {
    return skip(QualitySkipCode.badArguments, 'arguments.validValues lists only null; list the values a row may hold');
  }
  const valid = `in ${dqdlValueList(values)}`;
  const letNullsPass = !column.required && !values.includes(null);
  if (expectsZero(expectation, input.unit)) return compiled(columnValuesRule(column, valid, { letNullsPass }));
  if (input.unit === 'percent') return withThreshold(column, valid, expectation, letNullsPass);
  const sqlList = sqlValueList(values);
  if (sqlList === undefined) return quoteInSqlValue('arguments.validValues');
  const id = sqlIdentifier(column.name);
  return countBadRows(`select count(*) from primary where ${notNullCondition(column.name)} and ${id} not in ${sqlList}`, expectation);
}

function invalidByPattern(input: MetricInput, column: ContractColumn, expectation: Expectation, pattern: unknown): RuleOutcome {
  if (typeof pattern !== 'string' || pattern.length === 0) {
    return skip(QualitySkipCode.badArguments, `arguments.pattern is ${describe(pattern)}; write the regular expression as a string`);
  }
  const regex = dqdlRegex(pattern);
  if (regex === undefined) {
    return skip(QualitySkipCode.unwritableValue, `arguments.pattern ${JSON.stringify(pattern)} ends in a lone backslash; escape it as \\\\ or remove it`);
  }
  const matches = `matches ${regex}`;
  if (expectsZero(expectation, input.unit)) return compiled(columnValuesRule(column, matches));
  if (input.unit === 'percent') return withThreshold(column, matches, expectation, !column.required);
  if (pattern.includes('"')) return quoteInSqlValue('arguments.pattern');
  const id = sqlIdentifier(column.name);
  return countBadRows(
    `select count(*) from primary where ${notNullCondition(column.name)} and not (${id} rlike ${sqlString(pattern)})`,
    expectation,
  );
}

function duplicateValues(input: MetricInput): RuleOutcome {
  const columns = duplicateColumns(input);
  if (typeof columns === 'string') return skip(QualitySkipCode.needsColumn, columns);
  for (const name of columns) {
    const reason = unquotableColumnReason(name);
    if (reason) return skip(QualitySkipCode.unquotableColumn, reason);
  }
  const names = columns.map(dqdlColumn).join(' ');
  const expectation = input.expectation ?? NO_BAD_ROWS;
  if (expectsZero(expectation, input.unit)) return compiled(`IsUnique ${names}`);
  if (input.unit === 'percent') return compiled(renderExpectation(toPassingRatio(expectation), (c) => `Uniqueness ${names} ${c}`));
  const ids = columns.map(sqlIdentifier);
  const present = columns.map(notNullCondition).join(' and ');
  return countBadRows(`select count(*) - count(distinct ${ids.join(', ')}) from primary where ${present}`, expectation);
}

/** The column itself, or at table level the columns named by `arguments.properties`. */
function duplicateColumns({ rule, table, column }: MetricInput): string[] | string {
  if (column) return [column.name];
  const listed = rule.arguments.properties ?? rule.arguments.columns;
  if (!Array.isArray(listed) || listed.length === 0 || !listed.every((name) => typeof name === 'string')) {
    return `duplicateValues at table level needs arguments.properties listing the columns that must be unique together; got ${describe(listed)}`;
  }
  const names: string[] = [];
  for (const name of listed as string[]) {
    const found = findColumn(table, name);
    if (!found) return `arguments.properties names ${JSON.stringify(name)}, which table ${table.logicalName} does not have; use one of its property names`;
    names.push(found.name);
  }
  return names;
}

/** `with threshold` takes one condition; ranges on it have no DQDL form. */
function withThreshold(column: ContractColumn, check: string, expectation: Expectation, letNullsPass: boolean): RuleOutcome {
  const threshold = singleCondition(toPassingRatio(expectation));
  if (threshold === undefined) {
    return skip(
      QualitySkipCode.unsupportedCombination,
      'a percent expectation on this metric becomes a dqdl "with threshold", which takes a single comparison; '
        + 'replace the range with one mustBeLessThan (or another single mustBe… key)',
    );
  }
  return compiled(columnValuesRule(column, check, { letNullsPass, threshold }));
}

function countBadRows(query: string, expectation: Expectation): RuleOutcome {
  const quoted = dqdlSql(query);
  if (quoted === undefined) return skip(QualitySkipCode.unwritableValue, `the generated query ${JSON.stringify(query)} cannot be quoted`);
  return compiled(renderExpectation(expectation, (c) => `CustomSql ${quoted} ${c}`));
}

function quoteInSqlValue(name: string): RuleOutcome {
  return skip(
    QualitySkipCode.unwritableValue,
    `${name} holds a double quote, which cannot appear in the CustomSql query that counts rows; `
      + 'remove it, or state the expectation with unit: percent or mustBe: 0',
  );
}
