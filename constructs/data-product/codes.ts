/**
 * Problem codes of the `DataProduct` construct and its helpers (LM360–LM379). Codes are API: users
 * and tests match on them, so a code is never reused for a different mistake.
 */
export const PRODUCT_CODES = {
  /** The contract is `retired`: its product may not be provisioned. */
  contractRetired: 'LM360',
  /** The storage format taken from `servers[].format` has no Glue SerDe lakemesh knows. */
  unsupportedFormat: 'LM361',
  /** A column classification is not a value of the domain's classification ontology. */
  unknownClassification: 'LM362',
  /** The contract's `domain` names another domain than the one the product is added to. */
  contractDomainMismatch: 'LM363',
  /** A grantee Lake Formation cannot name: not an IAM role, user or account. */
  unsupportedPrincipal: 'LM364',
  /** A grantee in another account than the product's catalog. */
  crossAccountPrincipal: 'LM365',
  /** A product created in another stack than its domain. */
  productOutsideDomainStack: 'LM366',
  /** The Glue database name `<domain>_<product>` is longer than 255 characters. */
  databaseNameTooLong: 'LM367',
  /** `product.table(name)` names a table the product does not have. */
  unknownTable: 'LM368',
} as const;
