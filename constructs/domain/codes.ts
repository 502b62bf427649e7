/**
 * Problem codes of the `DataDomain` construct and its helpers (LM340–LM359). Codes are API: users
 * and tests match on them, so a code is never reused for a different mistake.
 */
export const DOMAIN_CODES = {
  /** `meshName` or `domainName` is not a lowercase slug (see `lib/config/naming.ts` `NAME_PATTERN`). */
  invalidName: 'LM340',
  /** `governanceAccount` is not 12 digits. */
  invalidAccount: 'LM341',
  /** The deterministic bucket name `<mesh>-<domain>-<account>-<region>` is longer than 63 characters. */
  bucketNameTooLong: 'LM342',
  /** A central governance account is named but the stack has no concrete account and region. */
  environmentRequired: 'LM343',
  /** The classification ontology is empty, repeats a value or holds a value Lake Formation rejects. */
  invalidClassifications: 'LM344',
  /** A second `DataDomain` in one stack (LF settings and LF-Tags are per account). */
  secondDomainInStack: 'LM345',
  /** Two products of one domain have the same product slug. */
  duplicateProduct: 'LM346',
  /** A registration role's products need more managed policies than IAM attaches to a role by default. */
  tooManyProductPolicies: 'LM347',
} as const;
