/**
 * The catalog entry of one product, the same wherever it is built (the producer's `DataProduct`,
 * the governance account's `CentralProduct`): the Glue database, one Glue table per contract table,
 * and the LF-Tag associations (domain and product on the database, classification per column
 * group), each association in the stack's Lake Formation write order.
 *
 * The children are created under the product itself (`Resource`, `DatabaseTags`,
 * `Table-<name>/Resource`, `Table-<name>/ClassificationTags<hash>`), so their logical IDs are the
 * product's.
 */
import { createHash } from 'node:crypto';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { Construct, IDependable } from 'constructs';
import { ContractTable } from '../../lib/contract/model';
import { PRODUCT_METADATA_KEY, ProductMetadata } from '../../lib/grants/grant-metadata';
import { databaseKey, tableKey } from '../../lib/plan/permission-key';
import { CLASSIFICATION_TAG_KEY, DOMAIN_TAG_KEY, PRODUCT_TAG_KEY } from '../domain/domain-tags';
import { LakeFormationPermissions } from '../grants/lake-formation-permissions';
import { IDataProduct } from './data-product-ref';
import { glueTableInput, MAX_TABLE_DESCRIPTION_LENGTH, truncate } from './glue-table-input';
import { StorageFormat } from './storage-format';

/**
 * In which order a table's classification tag associations are created (and so appear in the
 * template): by first use in the contract's columns, or by classification name.
 */
export type ClassificationOrder = 'contract' | 'alphabetical';

/** The LF-Tags the associations use; each association deploys after its tags. */
export interface ProductCatalogTags {
  readonly domain: IDependable;
  readonly product: IDependable;
  readonly classification: IDependable;
}

export interface ProductCatalogOptions {
  /** Recorded on the database and every table under `lakemesh:product`; its owner goes on the tables. */
  readonly metadata: ProductMetadata;
  readonly format: StorageFormat;
  /** S3 URL of the product's prefix, the database's location. */
  readonly databaseLocation: string;
  /** S3 URL of a table's prefix. */
  readonly tableLocation: (table: ContractTable) => string;
  /** What the database deploys after: the Lake Formation registration of the product's location. */
  readonly locationRegistration: IDependable;
  readonly tags: ProductCatalogTags;
  /** @default 'contract' */
  readonly classificationOrder?: ClassificationOrder;
}

/** One contract table in the catalog. */
export interface ProductCatalogTable {
  readonly definition: ContractTable;
  /** `Table-<name>`: holds the Glue table, its tag associations and whatever the caller adds. */
  readonly scope: Construct;
  readonly resource: glue.CfnTable;
}

export interface ProductCatalog {
  readonly database: glue.CfnDatabase;
  /** In contract order. */
  readonly tables: readonly ProductCatalogTable[];
}

export const DEFAULT_CLASSIFICATION_ORDER: ClassificationOrder = 'contract';

/** Creates the catalog entry of `product` (its contract, names and catalog) under `product`. */
export function addProductCatalog(product: Construct & IDataProduct, options: ProductCatalogOptions): ProductCatalog {
  const { contract, catalogId, databaseName } = product;
  const database = new glue.CfnDatabase(product, 'Resource', {
    catalogId,
    databaseInput: {
      name: databaseName,
      description: truncate(contract.description?.purpose, MAX_TABLE_DESCRIPTION_LENGTH),
      locationUri: options.databaseLocation,
      createTableDefaultPermissions: [],
      parameters: { 'lakemesh.contractId': contract.id, 'lakemesh.contractVersion': contract.version },
    },
  });
  database.addMetadata(PRODUCT_METADATA_KEY, options.metadata);
  database.node.addDependency(options.locationRegistration);

  tagAssociation(
    product,
    'DatabaseTags',
    databaseKey(catalogId, databaseName),
    { database: { catalogId, name: databaseName } },
    [
      { catalogId, tagKey: DOMAIN_TAG_KEY, tagValues: [product.domainName] },
      { catalogId, tagKey: PRODUCT_TAG_KEY, tagValues: [product.productName] },
    ],
    [database, options.tags.domain, options.tags.product],
  );

  const tables = contract.tables.map((table) => addTable(product, database, table, options));
  return { database, tables };
}

function addTable(product: Construct & IDataProduct, database: glue.CfnDatabase, table: ContractTable, options: ProductCatalogOptions): ProductCatalogTable {
  const { contract, catalogId, databaseName } = product;
  const scope = new Construct(product, `Table-${table.name}`);
  const resource = new glue.CfnTable(scope, 'Resource', {
    catalogId,
    databaseName,
    tableInput: glueTableInput(table, { contract, owner: options.metadata.owner, format: options.format, location: options.tableLocation(table) }),
  });
  resource.addMetadata(PRODUCT_METADATA_KEY, options.metadata);
  resource.node.addDependency(database);

  for (const [classification, columnNames] of columnsByClassification(table, options.classificationOrder ?? DEFAULT_CLASSIFICATION_ORDER)) {
    tagAssociation(
      scope,
      `ClassificationTags${shortHash(classification)}`,
      tableKey(catalogId, databaseName, table.name),
      { tableWithColumns: { catalogId, databaseName, name: table.name, columnNames } },
      [{ catalogId, tagKey: CLASSIFICATION_TAG_KEY, tagValues: [classification] }],
      [resource, options.tags.classification],
    );
  }
  return { definition: table, scope, resource };
}

/** Column names (partition keys last) per classification; unclassified columns get no tag. */
export function columnsByClassification(table: ContractTable, order: ClassificationOrder): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const column of [...table.columns, ...table.partitionKeys]) {
    if (column.classification === undefined) continue;
    groups.set(column.classification, [...(groups.get(column.classification) ?? []), column.name]);
  }
  const entries = [...groups];
  return order === 'alphabetical' ? entries.sort(([a], [b]) => (a < b ? -1 : 1)) : entries;
}

/** A tag association, ordered with the stack's other Lake Formation writes on `catalogObject`. */
function tagAssociation(
  scope: Construct,
  id: string,
  catalogObject: string,
  resource: lakeformation.CfnTagAssociation.ResourceProperty,
  lfTags: lakeformation.CfnTagAssociation.LFTagPairProperty[],
  after: readonly IDependable[],
): void {
  const association = new lakeformation.CfnTagAssociation(scope, id, { resource, lfTags });
  LakeFormationPermissions.of(scope).addWrite(association, [catalogObject], after);
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8).toUpperCase();
}
