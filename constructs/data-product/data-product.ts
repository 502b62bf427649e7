/**
 * One data product of a domain, described by its ODCS contract: a Glue database `<domain>_<product>`
 * on the product's prefix of the domain bucket, one Glue table and Data Quality ruleset per contract
 * table, LF-Tags (domain and product on the database, classification per column), the retention
 * lifecycle rule, and Lake Formation grants for the domain's producers.
 */
import { Annotations, Duration, Stack } from 'aws-cdk-lib';
import * as glue from 'aws-cdk-lib/aws-glue';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct, IDependable } from 'constructs';
import { domainBucketName, productDatabaseName, qualifiedProductName } from '../../lib/config/naming';
import { DataContract } from '../../lib/contract/model';
import { LakemeshError } from '../../lib/errors';
import { ProductMetadata } from '../../lib/grants/grant-metadata';
import { PermissionResource } from '../../lib/plan/permission-key';
import { compileRuleset } from '../../lib/quality';
import { LakeFormationPermissions } from '../grants/lake-formation-permissions';
import type { DataDomain } from '../domain/data-domain';
import { GLUE_READ_ACTIONS, GLUE_WRITE_ACTIONS, grantCatalogAccess } from './catalog-access';
import { checkProduct } from './check-product';
import { PRODUCT_CODES } from './codes';
import { IDataProduct } from './data-product-ref';
import { lakeFormationPrincipal } from './lake-formation-principal';
import { addProductCatalog, ProductCatalogTable } from './product-catalog';
import { StorageFormat } from './storage-format';

/** How long an overwritten or expired object version stays recoverable (capped at the retention). */
export const DEFAULT_NONCURRENT_VERSION_RETENTION = Duration.days(7);

export interface DataProductOptions {
  /** The product's contract (`loadContract(file)`, or built by hand). */
  readonly contract: DataContract;
  /**
   * How long an overwritten or expired object version stays recoverable when the contract sets a
   * `retention`; never longer than that retention.
   * @default Duration.days(7)
   */
  readonly noncurrentVersionRetention?: Duration;
}

export interface DataProductProps extends DataProductOptions {
  /** The domain whose bucket, key and Lake Formation settings the product uses. */
  readonly domain: DataDomain;
}

const READ_TABLES = ['SELECT', 'DESCRIBE'];
const WRITE_TABLES = ['INSERT', 'DELETE', 'DESCRIBE'];
const PRODUCER_DATABASE = ['CREATE_TABLE', 'ALTER', 'DESCRIBE'];
const PRODUCER_TABLES = ['SELECT', 'INSERT', 'DELETE', 'ALTER', 'DESCRIBE'];

/**
 * A data product in its domain's account, built from its contract. Create it with
 * `domain.addDataProduct(id, { contract })`. It lives in the domain's stack, or in another stack of
 * the same account and region that depends on it (a shard of a domain with many products), where
 * it reaches the domain bucket by its name.
 *
 * Tables are stored as `s3://<domain bucket>/<product>/<table>/` in the contract's storage format:
 * the `format` of the first `servers[]` entry that declares one, else Parquet.
 */
export class DataProduct extends Construct implements IDataProduct {
  readonly contract: DataContract;
  readonly domain: DataDomain;
  readonly domainName: string;
  readonly productName: string;
  /** `<domain>.<product>` */
  readonly qualifiedName: string;
  readonly databaseName: string;
  readonly catalogId: string;
  readonly catalogRegion: string;
  /** The product's prefix in the domain bucket, without slashes: the product slug. */
  readonly s3Prefix: string;
  readonly storageFormat: StorageFormat;
  /** The Glue database. */
  readonly database: glue.CfnDatabase;
  private readonly tablesByName = new Map<string, glue.CfnTable>();
  /** The domain bucket as this product's stack sees it (imported by name in a shard: no cross-stack export). */
  private readonly bucket: s3.IBucket;

  constructor(scope: Construct, id: string, props: DataProductProps) {
    super(scope, id);
    const { contract, domain } = props;
    this.storageFormat = checkProduct(this, contract, domain);
    this.contract = contract;
    this.domain = domain;
    this.domainName = domain.domainName;
    this.productName = contract.productSlug;
    this.qualifiedName = qualifiedProductName(domain.domainName, contract.productSlug);
    this.databaseName = productDatabaseName(domain.domainName, contract.productSlug);
    this.catalogId = Stack.of(this).account;
    this.catalogRegion = Stack.of(this).region;
    this.s3Prefix = contract.productSlug;
    this.bucket = bucketIn(this, domain);
    const productTag = domain.registerProduct(this);

    const metadata: ProductMetadata = {
      product: this.qualifiedName,
      contractId: contract.id,
      contractVersion: contract.version,
      owner: contract.owner ?? domain.owner,
    };
    const catalog = addProductCatalog(this, {
      metadata,
      format: this.storageFormat,
      databaseLocation: this.bucket.s3UrlForObject(`${this.s3Prefix}/`),
      tableLocation: (table) => this.bucket.s3UrlForObject(`${this.s3Prefix}/${table.name}/`),
      locationRegistration: domain.registration,
      tags: { domain: domain.tags.domainTag, product: productTag, classification: domain.tags.classificationTag },
    });
    this.database = catalog.database;
    for (const table of catalog.tables) {
      this.tablesByName.set(table.definition.name, table.resource);
      this.addQualityRuleset(table);
    }
    this.addRetention(props);
    for (const producer of domain.producers) this.grantProducer(producer);
  }

  /** The Glue tables, in contract order. */
  get tables(): readonly glue.CfnTable[] {
    return [...this.tablesByName.values()];
  }

  /** The Glue table named `name` (the contract table's Glue name). */
  table(name: string): glue.CfnTable {
    const table = this.tablesByName.get(name);
    if (!table) {
      throw LakemeshError.of(
        PRODUCT_CODES.unknownTable,
        `product ${this.qualifiedName} has no table "${name}"; its tables are ${[...this.tablesByName.keys()].join(', ')}`,
      );
    }
    return table;
  }

  /** Lets `grantee` (a role or user of this account) read every table of the product. */
  grantRead(grantee: iam.IGrantable): iam.Grant {
    const identifier = lakeFormationPrincipal(this, grantee, 'grantRead');
    this.grantTables(identifier, ['DESCRIBE'], READ_TABLES);
    return grantCatalogAccess(this, grantee, GLUE_READ_ACTIONS);
  }

  /** Lets `grantee` (a role or user of this account) add, replace and delete data in every table. */
  grantWrite(grantee: iam.IGrantable): iam.Grant {
    const identifier = lakeFormationPrincipal(this, grantee, 'grantWrite');
    this.grantTables(identifier, ['DESCRIBE'], WRITE_TABLES);
    return grantCatalogAccess(this, grantee, [...GLUE_READ_ACTIONS, ...GLUE_WRITE_ACTIONS]);
  }

  /** `grantRead` and `grantWrite` together. */
  grantReadWrite(grantee: iam.IGrantable): iam.Grant {
    return this.grantRead(grantee).combine(this.grantWrite(grantee));
  }

  /** The S3 ARN of the product's location, as Lake Formation names it in data location grants. */
  get locationArn(): string {
    return `${this.bucket.bucketArn}/${this.s3Prefix}`;
  }

  private grantProducer(producer: iam.IRole): void {
    const identifier = lakeFormationPrincipal(this, producer, 'producers');
    this.grantTables(identifier, PRODUCER_DATABASE, PRODUCER_TABLES);
    this.grantLakeFormation(
      identifier,
      { kind: 'dataLocation', catalogId: this.catalogId, resourceArn: this.locationArn },
      ['DATA_LOCATION_ACCESS'],
      [this.domain.registration],
    );
    this.domain.grantProducerCatalogAccess(producer, this);
  }

  /** Grants on the database and on every table of it (tables created later included). */
  private grantTables(identifier: string, onDatabase: readonly string[], onTables: readonly string[]): void {
    this.grantLakeFormation(identifier, { kind: 'database', catalogId: this.catalogId, name: this.databaseName }, onDatabase, [this.database]);
    this.grantLakeFormation(identifier, { kind: 'table', catalogId: this.catalogId, databaseName: this.databaseName }, onTables, [
      this.database,
      ...this.tables,
    ]);
  }

  /** Local grants go through the stack's permission registry: merged per pair, deploys ordered. */
  private grantLakeFormation(principal: string, resource: PermissionResource, permissions: readonly string[], dependsOn: readonly IDependable[]): void {
    LakeFormationPermissions.of(this).add({ principal, resource, permissions, dependsOn });
  }

  /** The table's Data Quality ruleset, compiled from its contract quality rules and the SLA. */
  private addQualityRuleset({ definition: table, scope, resource }: ProductCatalogTable): void {
    const { contract } = this;
    const compiled = compileRuleset(table, contract.sla);
    for (const skipped of compiled.skipped) {
      Annotations.of(scope).addWarningV2(
        `lakemesh:dq-skipped-${skipped.code}`,
        `data quality rule ${skipped.path} of contract ${contract.id} is not checked: ${skipped.reason} [${skipped.code}]`,
      );
    }
    if (compiled.ruleset === undefined) return;
    const ruleset = new glue.CfnDataQualityRuleset(scope, 'QualityRuleset', {
      name: `${this.databaseName}.${table.name}`,
      description: `lakemesh: quality rules of table ${table.name} from contract ${contract.id} ${contract.version}`,
      ruleset: compiled.ruleset,
      targetTable: { databaseName: this.databaseName, tableName: table.name },
    });
    ruleset.node.addDependency(resource);
  }

  private addRetention(props: DataProductProps): void {
    const days = props.contract.sla.retentionDays;
    if (days === undefined || days < 1) return;
    const noncurrentDays = Math.min(days, (props.noncurrentVersionRetention ?? DEFAULT_NONCURRENT_VERSION_RETENTION).toDays());
    this.domain.bucket.addLifecycleRule({
      id: `retention-${this.productName}`,
      prefix: `${this.s3Prefix}/`,
      expiration: Duration.days(days),
      noncurrentVersionExpiration: Duration.days(Math.max(1, noncurrentDays)),
    });
  }
}

/** The domain's bucket, or in another stack (a shard of the domain's) the same bucket imported by its name. */
function bucketIn(product: Construct, domain: DataDomain): s3.IBucket {
  const stack = Stack.of(product);
  if (stack === Stack.of(domain)) return domain.bucket;
  const bucketName = domainBucketName({ name: domain.meshName, region: stack.region }, { name: domain.domainName, account: stack.account });
  return s3.Bucket.fromBucketAttributes(product, 'DomainBucket', { bucketName, account: stack.account, region: stack.region });
}
