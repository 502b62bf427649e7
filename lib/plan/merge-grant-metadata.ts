/**
 * Merging the audit records (`GrantMetadata`) of grants that land on one (principal, resource)
 * pair, e.g. one consumer granted two roles of a contract. Lists are unioned and sorted so that the
 * result does not depend on the order grants were added in.
 */
import { GrantMetadata } from '../grants/grant-metadata';
import { LakemeshError } from '../errors';
import { GRANT_CODES } from './grant-codes';

/** Facts that describe the pair itself: grants that disagree on them cannot share a resource. */
const IDENTITY_FIELDS = ['product', 'table', 'consumer', 'contractId', 'contractVersion', 'rowFilter'] as const;

/** The record with every list sorted and de-duplicated. */
export function canonicalGrantMetadata(metadata: GrantMetadata): GrantMetadata {
  return {
    product: metadata.product,
    table: metadata.table,
    consumer: metadata.consumer,
    contractId: metadata.contractId,
    contractVersion: metadata.contractVersion,
    roles: sortedUnion(metadata.roles),
    purposes: sortedUnion(metadata.purposes),
    requestedBy: sortedUnion(metadata.requestedBy),
    approvedBy: sortedUnion(metadata.approvedBy),
    expires: metadata.expires,
    columns: sortedUnion(metadata.columns),
    withheldColumns: sortedUnion(metadata.withheldColumns).filter((name) => !metadata.columns.includes(name)),
    restrictedColumns: sortedUnion(metadata.restrictedColumns),
    includeColumns: sortedUnion(metadata.includeColumns),
    rowFilter: metadata.rowFilter,
  };
}

/**
 * One record for two grants of one pair: lists unioned, the earliest expiry kept (so the audit
 * flags the pair for review when its first grant runs out), withheld columns those neither grants.
 * `pair` describes the pair for the error raised when identity facts differ (LM397).
 */
export function mergeGrantMetadata(a: GrantMetadata, b: GrantMetadata, pair: string): GrantMetadata {
  for (const field of IDENTITY_FIELDS) {
    if (a[field] !== b[field]) {
      throw LakemeshError.of(
        GRANT_CODES.mergeConflict,
        `${pair} is granted twice with different ${field} ("${a[field]}" and "${b[field]}"); one (principal, resource) pair carries one audit record: ${field === 'consumer' ? 'give each consumer its own principals' : 'make sure each catalog object belongs to one data product and contract version'}`,
        field,
      );
    }
  }
  const columns = sortedUnion([...a.columns, ...b.columns]);
  return canonicalGrantMetadata({
    ...a,
    roles: [...a.roles, ...b.roles],
    purposes: [...a.purposes, ...b.purposes],
    requestedBy: [...a.requestedBy, ...b.requestedBy],
    approvedBy: [...a.approvedBy, ...b.approvedBy],
    expires: earliest(a.expires, b.expires),
    columns,
    withheldColumns: [...a.withheldColumns, ...b.withheldColumns].filter((name) => !columns.includes(name)),
    restrictedColumns: [...a.restrictedColumns, ...b.restrictedColumns],
    includeColumns: [...a.includeColumns, ...b.includeColumns],
  });
}

/** Sorted (code-unit order), without duplicates. */
export function sortedUnion(values: readonly string[]): string[] {
  return [...new Set(values)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}
