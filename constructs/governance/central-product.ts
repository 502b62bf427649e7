/**
 * Central-catalog model: the governance account's catalog entry for one product. The Glue database
 * and tables live in the governance account and describe the data where it is, in the producer's
 * bucket (registered with this account's Lake Formation by `ProducerRegistration`). Consumers are
 * granted on these objects, because Lake Formation cannot re-share what another account shared.
 */
import { createHash } from 'node:crypto';
import { Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { Construct, IDependable } from 'constructs';
import { productDatabaseName, qualifiedProductName } from '../../lib/config/naming';
import { assertProvisionable } from '../../lib/contract/provisionable';
import { ContractTable, DataContract } from '../../lib/contract/model';
import { PRODUCT_METADATA_KEY, ProductMetadata } from '../../lib/grants/grant-metadata';
import { databaseKey, tableKey } from '../../lib/plan/permission-key';
import { IDataProduct } from '../data-product/data-product-ref';
import { glueTableInput, MAX_TABLE_DESCRIPTION_LENGTH, truncate } from '../data-product/glue-table-input';
import { storageFormatOf } from '../data-product/storage-format';
import { CLASSIFICATION_TAG_KEY, DOMAIN_TAG_KEY, PRODUCT_TAG_KEY } from '../domain/domain-tags';
import { LakeFormationPermissions } from '../grants/lake-formation-permissions';
import { LfTagOntology } from './lf-tag-ontology';
import { ProducerRegistration } from './producer-registration';

export interface CentralProductProps {
  readonly contract: DataContract;
  readonly domainName: string;
  /** Owner recorded on the tables when the contract names none. */
  readonly owner: string;
  /** The producer's registration in this account (gives the S3 location). */
  readonly registration: ProducerRegistration;
  /** The account's LF-Tags. */
  readonly tags: LfTagOntology;
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

    this.database = new glue.CfnDatabase(this, 'Resource', {
      catalogId: this.catalogId,
      databaseInput: {
        name: this.databaseName,
        description: truncate(contract.description?.purpose, MAX_TABLE_DESCRIPTION_LENGTH),
        locationUri: registration.s3Url(prefix),
        createTableDefaultPermissions: [],
        parameters: { 'lakemesh.contractId': contract.id, 'lakemesh.contractVersion': contract.version },
      },
    });
    this.database.addMetadata(PRODUCT_METADATA_KEY, metadata);
    this.database.node.addDependency(location);

    this.tagAssociation(
      'DatabaseTags',
      databaseKey(this.catalogId, this.databaseName),
      { database: { catalogId: this.catalogId, name: this.databaseName } },
      [
        { catalogId: this.catalogId, tagKey: DOMAIN_TAG_KEY, tagValues: [props.domainName] },
        { catalogId: this.catalogId, tagKey: PRODUCT_TAG_KEY, tagValues: [this.productName] },
      ],
      [this.database, tags.tag(DOMAIN_TAG_KEY), tags.tag(PRODUCT_TAG_KEY)],
    );

    for (const table of contract.tables) {
      this.addTable(table, metadata, registration.s3Url(prefix, table.name), format, tags);
    }
  }

  /** The Glue tables, in contract order. */
  get tables(): readonly glue.CfnTable[] {
    return [...this.tablesByName.values()];
  }

  private addTable(
    table: ContractTable,
    metadata: ProductMetadata,
    location: string,
    format: ReturnType<typeof storageFormatOf>,
    tags: LfTagOntology,
  ): void {
    const scope = new Construct(this, `Table-${table.name}`);
    const resource = new glue.CfnTable(scope, 'Resource', {
      catalogId: this.catalogId,
      databaseName: this.databaseName,
      tableInput: glueTableInput(table, { contract: this.contract, owner: metadata.owner, format, location }),
    });
    resource.addMetadata(PRODUCT_METADATA_KEY, metadata);
    resource.node.addDependency(this.database);
    this.tablesByName.set(table.name, resource);

    const byClassification = new Map<string, string[]>();
    for (const column of [...table.columns, ...table.partitionKeys]) {
      if (column.classification === undefined) continue;
      byClassification.set(column.classification, [...(byClassification.get(column.classification) ?? []), column.name]);
    }
    for (const [classification, columnNames] of [...byClassification].sort(([a], [b]) => (a < b ? -1 : 1))) {
      this.tagAssociation(
        `ClassificationTags${shortHash(classification)}`,
        tableKey(this.catalogId, this.databaseName, table.name),
        { tableWithColumns: { catalogId: this.catalogId, databaseName: this.databaseName, name: table.name, columnNames } },
        [{ catalogId: this.catalogId, tagKey: CLASSIFICATION_TAG_KEY, tagValues: [classification] }],
        [resource, tags.tag(CLASSIFICATION_TAG_KEY)],
        scope,
      );
    }
  }

  private tagAssociation(
    id: string,
    catalogObject: string,
    resource: lakeformation.CfnTagAssociation.ResourceProperty,
    lfTags: lakeformation.CfnTagAssociation.LFTagPairProperty[],
    after: readonly IDependable[],
    scope: Construct = this,
  ): void {
    const association = new lakeformation.CfnTagAssociation(scope, id, { resource, lfTags });
    association.node.addDependency(...after);
    LakeFormationPermissions.of(this).addWrite(association, [catalogObject]);
  }
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8).toUpperCase();
}
