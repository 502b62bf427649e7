/** Problem codes of grant planning and the Lake Formation permission constructs (LM380–LM399). */
export const GRANT_CODES = {
  /** The grant names a role the contract does not define. */
  roleNotFound: 'LM380',
  /** The role's `access` is not `read`: consumers are only ever granted read access. */
  roleNotReadable: 'LM381',
  /** The role leaves a table with no column to grant. */
  noColumnsLeft: 'LM382',
  /** `lakemesh.excludeColumns` / `includeColumns` names a table or column the contract lacks. */
  unknownColumnReference: 'LM383',
  /** A per-table `lakemesh.rowFilter` names a table the contract lacks. */
  unknownRowFilterTable: 'LM384',
  /** A row filter expression is empty. */
  emptyRowFilter: 'LM385',
  /** A row filter expression exceeds Lake Formation's 2048 characters. */
  rowFilterTooLong: 'LM386',
  /** A row filter references an array or map column, which Lake Formation rejects. */
  rowFilterNestedColumn: 'LM387',
  /** More data cells filter grants for one principal on one table than Lake Formation allows. */
  tooManyFilterGrants: 'LM388',
  /** The contract is `retired`. */
  contractRetired: 'LM390',
  /** The contract is `draft` or `proposed`: not shared across accounts. */
  contractNotShared: 'LM391',
  /** The contract is `deprecated`: it accepts no new grants. */
  contractDeprecated: 'LM392',
  /** The grant's expiry date has passed. */
  grantExpired: 'LM393',
  /** `expires` (or `today`) is not an ISO date `YYYY-MM-DD`. */
  invalidDate: 'LM394',
  /** A field the audit trail needs (consumer, principals, purpose, requester, approver) is empty. */
  missingGrantField: 'LM395',
  /** A principal that must never be granted: `IAM_ALLOWED_PRINCIPALS`, `*`, an account or its root. */
  principalRefused: 'LM396',
  /** Two grants for one (principal, resource) pair disagree on what cannot be merged. */
  mergeConflict: 'LM397',
  /** Two data cells filters with one name on one table differ. */
  filterConflict: 'LM398',
  /** `maxConcurrency` is not a positive integer. */
  invalidMaxConcurrency: 'LM399',
} as const;
