/**
 * The contract's freshness SLA (`slaProperties` latency/freshness) → `DataFreshness "col" <= N hours`
 * for each `element` (`table.column`, comma-separated when several) that names this table.
 * Elements naming other tables belong to their rulesets and are ignored here.
 */
import { ContractSla, ContractTable } from '../contract/model';
import { dqdlColumn, unquotableColumnReason } from './dqdl';
import { findColumn, isTableNamed, isTemporalColumn } from './table-columns';
import { LocatedOutcome, QualitySkipCode, RuleOutcome, compiled, skip } from './types';

export const FRESHNESS_PATH = 'slaProperties';

export function compileFreshness(table: ContractTable, sla: ContractSla): LocatedOutcome[] {
  const freshness = sla.freshness;
  if (!freshness) return [];
  const located = (outcome: RuleOutcome): LocatedOutcome => ({ path: FRESHNESS_PATH, outcome });
  if (freshness.element === undefined || freshness.element.trim() === '') {
    return [located(skip(
      QualitySkipCode.freshnessWithoutColumn,
      `the freshness sla (${freshness.maxAgeHours} hours) has no column to measure; `
        + `set element: ${table.logicalName}.<timestamp column> on the latency sla property`,
    ))];
  }
  const age = dqdlAge(freshness.maxAgeHours);
  return freshness.element.split(',')
    .map((element) => element.trim())
    .filter((element) => element !== '')
    .map((element) => ({ element, ...splitElement(element) }))
    .filter(({ tableName, columnName }) => (tableName === undefined ? findColumn(table, columnName) !== undefined : isTableNamed(table, tableName)))
    .map(({ element, columnName }) => located(freshnessRule(table, element, columnName, age, freshness.maxAgeHours)));
}

function splitElement(element: string): { tableName?: string; columnName: string } {
  const dot = element.indexOf('.');
  return dot < 0 ? { columnName: element } : { tableName: element.slice(0, dot), columnName: element.slice(dot + 1) };
}

function freshnessRule(table: ContractTable, element: string, columnName: string, age: string | undefined, hours: number): RuleOutcome {
  const column = findColumn(table, columnName);
  if (!column) {
    return skip(
      QualitySkipCode.freshnessUnknownColumn,
      `the freshness sla element ${JSON.stringify(element)} names no column of table ${table.logicalName}; name one of its date or timestamp properties`,
    );
  }
  const unquotable = unquotableColumnReason(column.name);
  if (unquotable) return skip(QualitySkipCode.unquotableColumn, unquotable);
  if (!isTemporalColumn(column)) {
    return skip(
      QualitySkipCode.freshnessNotTemporal,
      `the freshness sla element ${JSON.stringify(element)} is a ${column.type} column; DataFreshness measures date or timestamp columns, so name one`,
    );
  }
  if (age === undefined) {
    return skip(QualitySkipCode.freshnessBadAge, `the freshness sla allows ${hours} hours; write a positive age in whole minutes or more`);
  }
  return compiled(`DataFreshness ${dqdlColumn(column.name)} <= ${age}`);
}

/** `N hours`, or `N minutes` for fractions of an hour; DQDL durations are whole numbers. */
function dqdlAge(hours: number): string | undefined {
  if (!Number.isFinite(hours) || hours <= 0) return undefined;
  if (Number.isSafeInteger(hours)) return `${hours} hours`;
  const minutes = hours * 60;
  return Number.isSafeInteger(minutes) ? `${minutes} minutes` : undefined;
}
