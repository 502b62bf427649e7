/**
 * What a grant needs to know about a data product's catalog entry, wherever it lives: the
 * producer's own `DataProduct` (domain stack, producer-direct sharing) or the governance account's
 * catalog copy (central-catalog sharing), or an imported reference to either.
 */
import { IConstruct } from 'constructs';
import { DataContract } from '../../lib/contract/model';

export interface IDataProduct extends IConstruct {
  /** The contract the product is described by. */
  readonly contract: DataContract;
  /** Owning domain name. */
  readonly domainName: string;
  /** Product slug (`productSlug` of the contract). */
  readonly productName: string;
  /** Glue database name, `<domain>_<product>`. */
  readonly databaseName: string;
  /** AWS account id of the Data Catalog that holds the database (the grant's `CatalogId`). */
  readonly catalogId: string;
  /** Region of that catalog. */
  readonly catalogRegion: string;
}
