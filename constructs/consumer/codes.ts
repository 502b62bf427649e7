/** Problem codes of `MeshConsumer` (LM440–LM449). */
export const CONSUMER_CODES = {
  /** `principals` is empty. */
  noPrincipals: 'LM440',
  /** A principal is not an IAM role or user ARN (wildcard, account root, `IAM_ALLOWED_PRINCIPALS`, …). */
  invalidPrincipal: 'LM441',
  /** A principal belongs to another account than the stack's. */
  principalOfOtherAccount: 'LM442',
  /** A product's `catalogId` is not a 12-digit account id. */
  invalidCatalogId: 'LM443',
  /** Two products link the same database name. */
  duplicateDatabase: 'LM444',
  /** A database name Athena cannot query. */
  invalidDatabaseName: 'LM445',
  /** A product lists no grants. */
  noGrants: 'LM446',
  /** A product's `region` is not an AWS region. */
  invalidRegion: 'LM447',
  /** `link()` was asked for a database the consumer does not link. */
  unknownLink: 'LM448',
} as const;
