/**
 * A data product as the consumer account sees it: a database shared with it from another account's
 * Data Catalog, and the grants it was shared under (the audit facts of the resource link's grant).
 */
import { GrantMetadata } from '../../lib/grants/grant-metadata';

/** One contract grant through which the consumer received a product (a `grants[]` entry of the mesh). */
export interface ConsumedGrant {
  /** The `roles[].role` of the contract the grant names. */
  readonly role: string;
  /** Why the consumer needs the data. */
  readonly purpose: string;
  /** Who asked for the grant. */
  readonly requestedBy: string;
  /** Who approved it for the product's owner. */
  readonly approvedBy: string;
  /**
   * Last day the grant holds, ISO `YYYY-MM-DD`.
   * @default - the grant does not expire
   */
  readonly expires?: string;
}

/** A product shared with the consumer, reached through one database resource link. */
export interface ConsumedProduct {
  /** `<domain>.<product>` */
  readonly product: string;
  /**
   * Name of the shared database in the owning catalog, `<domain>_<product>` (see
   * `productDatabaseName`). The resource link in the consumer's catalog gets the same name.
   */
  readonly databaseName: string;
  /**
   * AWS account id of the Data Catalog that holds the shared database: the governance account with
   * central-catalog sharing, the producer's account with producer-direct sharing.
   */
  readonly catalogId: string;
  /**
   * Region of the shared database, for a cross-region resource link.
   * @default - the stack's region
   */
  readonly region?: string;
  /** `id` of the product's data contract. */
  readonly contractId: string;
  /** `version` of the product's data contract. */
  readonly contractVersion: string;
  /** The grants the product was shared under; at least one. */
  readonly grants: readonly ConsumedGrant[];
}

/**
 * The audit record of the DESCRIBE grant on a product's resource link: the product and contract,
 * and the roles, purposes, requesters and approvers of every grant the link serves. A link is a
 * database, so no table and no columns; the earliest expiry, so the audit flags the link when its
 * first grant runs out.
 */
export function linkGrantMetadata(consumer: string, product: ConsumedProduct): GrantMetadata {
  const { grants } = product;
  const expiries = grants.flatMap((grant) => (grant.expires === undefined ? [] : [grant.expires])).sort();
  return {
    product: product.product,
    table: null,
    consumer,
    contractId: product.contractId,
    contractVersion: product.contractVersion,
    roles: grants.map((grant) => grant.role),
    purposes: grants.map((grant) => grant.purpose),
    requestedBy: grants.map((grant) => grant.requestedBy),
    approvedBy: grants.map((grant) => grant.approvedBy),
    expires: expiries[0] ?? null,
    columns: [],
    withheldColumns: [],
    restrictedColumns: [],
    includeColumns: [],
    rowFilter: null,
  };
}
