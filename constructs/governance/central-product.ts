/**
 * Central-catalog model: the governance account's catalog entry for one product. The Glue database
 * and tables live in the governance account and describe the data where it is, in the producer's
 * bucket (registered with this account's Lake Formation by `ProducerRegistration`). Consumers are
 * granted on these objects, because Lake Formation cannot re-share what another account shared.
 */
import { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import { Construct, IDependable } from 'constructs';
import { productDatabaseName, qualifiedProductName } from '../../lib/config/naming';
import { assertProvisionable } from '../../lib/contract/provisionable';
import { DataContract } from '../../lib/contract/model';
import { ProductMetadata } from '../../lib/grants/grant-metadata';
import { IDataProduct } from '../data-product/data-product-ref';
import { addProductCatalog } from '../data-product/product-catalog';
import { storageFormatOf } from '../data-product/storage-format';
import { CLASSIFICATION_TAG_KEY, DOMAIN_TAG_KEY, PRODUCT_TAG_KEY } from '../domain/domain-tags';

/** The account's LF-Tags by key: an `LfTagOntology`, or a stand-in for one that another stack of the account holds. */
export interface ILfTags {
  /** What a tag association with `key` waits for. */
  tag(key: string): IDependable;
}

/** Where a producer's product prefixes are registered: a `ProducerRegistration`, or a stand-in for one in another stack. */
export interface IProducerLocations {
  /** What the catalog entry of the product stored under `prefix` waits for. */
  location(prefix: string): IDependable;
  /** `s3://bucket/prefix/…/` */
  s3Url(prefix: string, ...rest: string[]): string;
}

export interface CentralProductProps {
  readonly contract: DataContract;
  readonly domainName: string;
  /** Owner recorded on the tables when the contract names none. */
  readonly owner: string;
  /** The producer's registration in this account (gives the S3 location). */
  readonly registration: IProducerLocations;
  /** The account's LF-Tags. */
  readonly tags: ILfTags;
}

export class CentralProduct extends Construct implements IDataProduct {
  readonly contract: DataContract;
  readonly domainName: string;
  readonly productName: string;
  readonly qualifiedName: string;
  readonly databaseName: string;
  readonly catalogId: string;
  readonly catalogRegion: string;
  readonly database: glue.CfnDatabase;
  private readonly tablesByName = new Map<string, glue.CfnTable>();

  constructor(scope: Construct, id: string, props: CentralProductProps) {
    super(scope, id);
    const { contract, registration, tags } = props;
    assertProvisionable(contract);
    const format = storageFormatOf(contract);
    this.contract = contract;
    this.domainName = props.domainName;
    this.productName = contract.productSlug;
    this.qualifiedName = qualifiedProductName(props.domainName, contract.productSlug);
    this.databaseName = productDatabaseName(props.domainName, contract.productSlug);
    this.catalogId = Stack.of(this).account;
    this.catalogRegion = Stack.of(this).region;
    const prefix = contract.productSlug;
    const location = registration.location(prefix);
    const metadata: ProductMetadata = {
      product: this.qualifiedName,
      contractId: contract.id,
      contractVersion: contract.version,
      owner: contract.owner ?? props.owner,
    };

    const catalog = addProductCatalog(this, {
      metadata,
      format,
      databaseLocation: registration.s3Url(prefix),
      tableLocation: (table) => registration.s3Url(prefix, table.name),
      locationRegistration: location,
      tags: { domain: tags.tag(DOMAIN_TAG_KEY), product: tags.tag(PRODUCT_TAG_KEY), classification: tags.tag(CLASSIFICATION_TAG_KEY) },
      classificationOrder: 'alphabetical',
    });
    this.database = catalog.database;
    for (const table of catalog.tables) this.tablesByName.set(table.definition.name, table.resource);
  }

  /** The Glue tables, in contract order. */
  get tables(): readonly glue.CfnTable[] {
    return [...this.tablesByName.values()];
  }
}
