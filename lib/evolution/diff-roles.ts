/**
 * Roles are what grants name: removing one breaks every grant that uses it. Changes that show a
 * role's consumers less (columns excluded, restricted columns no longer included, a row filter added
 * or changed) are warnings; changes that show them more are info.
 */
import { ContractRole, ContractTable, RowFilterSpec } from '../contract/model';
import { DEFAULT_ROLE_ACCESS } from '../contract/roles';
import { ChangeSet } from './change-set';
import { nameList, show } from './describe';

export function diffRoles(
  changes: ChangeSet,
  old: readonly ContractRole[],
  next: readonly ContractRole[],
  tables: { readonly old: readonly ContractTable[]; readonly next: readonly ContractTable[] },
): void {
  const nextByName = new Map(next.map((role) => [role.name, role]));
  for (const role of old) {
    const path = `roles.${role.name}`;
    const counterpart = nextByName.get(role.name);
    if (counterpart) diffRole(changes, path, role, counterpart, tableNames(tables));
    else changes.breaking('role-removed', path, `role removed; grants that name role "${role.name}" no longer resolve`);
  }
  const oldNames = new Set(old.map((role) => role.name));
  for (const role of next) {
    if (!oldNames.has(role.name)) changes.info('role-added', `roles.${role.name}`, `role added (access ${role.access})`);
  }
}

function diffRole(changes: ChangeSet, path: string, old: ContractRole, next: ContractRole, tables: readonly string[]): void {
  if (old.access !== next.access) {
    // Consumers can only be granted read roles, so a read role that stops being one breaks its grants.
    const message = `access changed from ${old.access} to ${next.access}`;
    if (old.access === DEFAULT_ROLE_ACCESS) changes.breaking('role-access-changed', `${path}.access`, `${message}; grants can only name read roles`);
    else changes.info('role-access-changed', `${path}.access`, message);
  }
  if (old.description !== next.description) {
    changes.info('role-description-changed', path, `description changed from ${show(old.description)} to ${show(next.description)}`);
  }
  diffColumnList(changes, `${path}.excludeColumns`, 'excluded columns', old.excludeColumns, next.excludeColumns, 'narrows');
  diffColumnList(changes, `${path}.includeColumns`, 'included restricted columns', old.includeColumns, next.includeColumns, 'widens');
  diffRowFilters(changes, `${path}.rowFilter`, old.rowFilter, next.rowFilter, tables);
}

/** `effect` says what adding a name to the list does to the role's access. */
function diffColumnList(
  changes: ChangeSet,
  path: string,
  label: string,
  old: readonly string[],
  next: readonly string[],
  effect: 'narrows' | 'widens',
): void {
  const added = next.filter((name) => !old.includes(name));
  const removed = old.filter((name) => !next.includes(name));
  if (added.length === 0 && removed.length === 0) return;
  const narrowed = effect === 'narrows' ? added.length > 0 : removed.length > 0;
  const message = `${label} changed from ${nameList([...old].sort())} to ${nameList([...next].sort())}`;
  if (narrowed) changes.warning('role-columns-narrowed', path, `${message}: consumers of the role see fewer columns`);
  else changes.info('role-columns-widened', path, message);
}

/** Compared per table, so that moving from one filter for all tables to per-table filters reads naturally. */
function diffRowFilters(
  changes: ChangeSet,
  path: string,
  old: RowFilterSpec | undefined,
  next: RowFilterSpec | undefined,
  tables: readonly string[],
): void {
  for (const table of tables) {
    const before = filterOn(old, table);
    const after = filterOn(next, table);
    if (before === after) continue;
    const message = `row filter on ${table} changed from ${show(before)} to ${show(after)}`;
    if (after === undefined) changes.info('role-row-filter-removed', `${path}.${table}`, message);
    else changes.warning('role-row-filter-changed', `${path}.${table}`, `${message}: consumers of the role may see fewer rows`);
  }
}

function filterOn(spec: RowFilterSpec | undefined, table: string): string | undefined {
  if (spec === undefined) return undefined;
  return spec.kind === 'all-tables' ? spec.expression : spec.expressions[table];
}

/** Tables in both versions: a filter on a removed or added table changes no one's existing access. */
function tableNames(tables: { readonly old: readonly ContractTable[]; readonly next: readonly ContractTable[] }): string[] {
  const kept = new Set(tables.next.map((table) => table.name));
  return tables.old.map((table) => table.name).filter((name) => kept.has(name)).sort();
}
