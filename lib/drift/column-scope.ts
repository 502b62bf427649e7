/**
 * Column scopes of SELECT grants and data cells filters: merging the several entries Lake
 * Formation lists for one (principal, table), comparing intended with live, and describing them.
 */
import { compareText, sortedUnique } from './catalog-objects';
import { ColumnScope } from './model';

export const ALL_COLUMNS: ColumnScope = { kind: 'all' };

/** `ColumnNames` / `ColumnWildcard.ExcludedColumnNames` as the APIs and templates carry them. */
export function scopeOf(columnNames: readonly string[] | undefined, wildcardExcluded: readonly string[] | undefined, hasWildcard: boolean): ColumnScope {
  if (hasWildcard) {
    const excluded = sortedUnique(wildcardExcluded ?? []);
    return excluded.length === 0 ? ALL_COLUMNS : { kind: 'allExcept', excluded };
  }
  return { kind: 'only', names: sortedUnique(columnNames ?? []) };
}

/** The columns either scope reaches (Lake Formation grants add up). */
export function unionScopes(a: ColumnScope | undefined, b: ColumnScope | undefined): ColumnScope | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (a.kind === 'all' || b.kind === 'all') return ALL_COLUMNS;
  if (a.kind === 'only' && b.kind === 'only') return { kind: 'only', names: sortedUnique([...a.names, ...b.names]) };
  if (a.kind === 'allExcept' && b.kind === 'allExcept') {
    const excluded = a.excluded.filter((name) => b.excluded.includes(name));
    return excluded.length === 0 ? ALL_COLUMNS : { kind: 'allExcept', excluded };
  }
  const [except, only] = a.kind === 'allExcept' ? [a, b as Extract<ColumnScope, { kind: 'only' }>] : [b as Extract<ColumnScope, { kind: 'allExcept' }>, a];
  const excluded = except.excluded.filter((name) => !only.names.includes(name));
  return excluded.length === 0 ? ALL_COLUMNS : { kind: 'allExcept', excluded };
}

/** Columns one scope reaches and another does not. `others`: and columns no template lists. */
export interface ColumnDelta {
  readonly names: readonly string[];
  readonly others: boolean;
}

export interface ColumnComparison {
  /** What live reaches beyond intended. */
  readonly beyond: ColumnDelta;
  /** What intended reaches that live does not. */
  readonly lacking: ColumnDelta;
}

/**
 * Compares two scopes. With the table's columns known (from its template) the answer is exact;
 * without, what a wildcard reaches outside a list is unknown and shows as `others`.
 */
export function compareScopes(intended: ColumnScope, live: ColumnScope, tableColumns: readonly string[] | undefined): ColumnComparison {
  if (tableColumns !== undefined) {
    const intendedSet = new Set(concrete(intended, tableColumns));
    const liveSet = new Set(concrete(live, tableColumns));
    // Names outside the known columns (a wildcard reaches columns added since) count too.
    return {
      beyond: delta([...liveSet].filter((name) => !intendedSet.has(name)), wildcardReachesMore(live, intended)),
      lacking: delta([...intendedSet].filter((name) => !liveSet.has(name)), false),
    };
  }
  return { beyond: reachesBeyond(live, intended), lacking: reachesBeyond(intended, live) };
}

export function isEmptyDelta(change: ColumnDelta): boolean {
  return change.names.length === 0 && !change.others;
}

/** `all columns`, `columns a, b`, `all columns except a, b`. */
export function describeScope(scope: ColumnScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all columns';
    case 'only':
      return `${scope.names.length === 1 ? 'column' : 'columns'} ${scope.names.join(', ')}`;
    case 'allExcept':
      return `all columns except ${scope.excluded.join(', ')}`;
  }
}

/** `columns a, b`, `columns a and others`, `columns not listed in the template`. */
export function describeDelta(change: ColumnDelta): string {
  if (change.names.length === 0) return 'columns the template does not list';
  const names = `${change.names.length === 1 ? 'column' : 'columns'} ${change.names.join(', ')}`;
  return change.others ? `${names} and columns the template does not list` : names;
}

/** Scopes as JSON-friendly values for the report. */
export function scopeJson(scope: ColumnScope | undefined): unknown {
  if (scope === undefined) return null;
  switch (scope.kind) {
    case 'all':
      return { kind: 'all' };
    case 'only':
      return { kind: 'only', names: [...scope.names] };
    case 'allExcept':
      return { kind: 'allExcept', excluded: [...scope.excluded] };
  }
}

function concrete(scope: ColumnScope, tableColumns: readonly string[]): string[] {
  switch (scope.kind) {
    case 'all':
      return [...tableColumns];
    case 'only':
      return [...scope.names];
    case 'allExcept':
      return tableColumns.filter((name) => !scope.excluded.includes(name));
  }
}

/** A wildcard also reaches columns added after the template was written; a list never does. */
function wildcardReachesMore(live: ColumnScope, intended: ColumnScope): boolean {
  return live.kind !== 'only' && intended.kind === 'only';
}

/** What `a` reaches that `b` does not, without knowing the table's columns. */
function reachesBeyond(a: ColumnScope, b: ColumnScope): ColumnDelta {
  if (a.kind === 'only') {
    if (b.kind === 'only') return delta(a.names.filter((name) => !b.names.includes(name)), false);
    if (b.kind === 'allExcept') return delta(a.names.filter((name) => b.excluded.includes(name)), false);
    return delta([], false);
  }
  const aExcluded = a.kind === 'allExcept' ? a.excluded : [];
  if (b.kind === 'only') return delta([], true);
  const bExcluded = b.kind === 'allExcept' ? b.excluded : [];
  return delta(bExcluded.filter((name) => !aExcluded.includes(name)), false);
}

function delta(names: readonly string[], others: boolean): ColumnDelta {
  return { names: [...names].sort(compareText), others };
}
