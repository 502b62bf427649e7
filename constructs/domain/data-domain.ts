/**
 * A domain's part of the mesh in its own account: the KMS key and data bucket that hold its
 * products, the access-log bucket, the Lake Formation settings of the account, the registration of
 * the bucket with Lake Formation, and the LF-Tags the products are tagged with.
 */
import { CfnResource, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as cxapi from 'aws-cdk-lib/cx-api';
import { Construct } from 'constructs';
import { DEFAULT_CLASSIFICATIONS } from '../../lib/config/check-governance';
import { domainBucketName, isName, MAX_BUCKET_NAME_LENGTH } from '../../lib/config/naming';
import { LakemeshError, Problem, ProblemCollector } from '../../lib/errors';
import { DATA_STORE_METADATA_KEY } from '../../lib/grants/grant-metadata';
import { DataProduct, DataProductOptions } from '../data-product/data-product';
import { CrossAccountVersion, DataLakeSettings } from '../lake-formation/data-lake-settings';
import { CentralCatalogAccess } from './central-catalog-access';
import { DOMAIN_CODES } from './codes';
import { DomainTags } from './domain-tags';
import { LocationRegistration } from './location-registration';
import { ProducerAccess } from './producer-access';

export const DEFAULT_DOMAIN_REMOVAL_POLICY = RemovalPolicy.RETAIN;
/** Prefix of the data bucket's server access logs in the access-log bucket. */
export const ACCESS_LOG_PREFIX = 'data-bucket/';

/** Why the domain's buckets carry no replication configuration (NIST 800-53 R5 S3BucketReplicationEnabled). */
const REPLICATION_REASON =
  'replication needs a destination bucket, region, account and key, which are each organisation\'s disaster-recovery decision and not part of the mesh; versioning and the retain policy guard the bucket against accidental overwrites, deletes and stack removal';
const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:*/=+\-@%]{1,256}$/u;
const domainStacks = new WeakSet<Stack>();

export interface DataDomainProps {
  /** The mesh this domain belongs to: a lowercase slug that prefixes physical names. */
  readonly meshName: string;
  /** The domain's name: a lowercase slug (`sales`, `click-stream`). */
  readonly domainName: string;
  /**
   * The central governance account (central-catalog model). Its registration role, named by
   * `registrationRoleName(meshName, domainName)`, may read the product prefixes and decrypt them
   * through S3. Needs a stack with a concrete account and region.
   * @default - standalone: no other account is allowed to read the data
   */
  readonly governanceAccount?: string;
  /**
   * Roles of the domain's own pipelines. Each gets read and write on every product of the domain:
   * Lake Formation permissions plus the IAM statements Lake Formation needs alongside them.
   * @default - no producer is granted anything
   */
  readonly producers?: readonly iam.IRole[];
  /**
   * Extra Lake Formation administrators of the account, next to the CDK deployment role.
   * @default - none
   */
  readonly lakeFormationAdmins?: readonly iam.IRole[];
  /**
   * Lake Formation cross-account data sharing version of the account.
   * @default 4
   */
  readonly crossAccountVersion?: CrossAccountVersion;
  /**
   * The role CloudFormation deploys the stack with; it becomes a Lake Formation admin so that the
   * stack can create its Glue and Lake Formation resources.
   * @default - the CloudFormation execution role of the stack's `DefaultStackSynthesizer`; required
   * with any other synthesizer
   */
  readonly deploymentRole?: iam.IRole;
  /**
   * What happens to the key and both buckets when they leave the stack. Objects are never
   * auto-deleted: a bucket that still holds data fails to delete.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
  /**
   * The closed `classification` LF-Tag ontology, least to most sensitive. Column classifications
   * in contracts must be values of it.
   * @default ['public', 'internal', 'confidential', 'restricted']
   */
  readonly classifications?: readonly string[];
  /**
   * Contact recorded as owner of a product whose contract names none.
   * @default - the domain name
   */
  readonly owner?: string;
}

/**
 * A domain's storage and Lake Formation set-up in its own account; add products with
 * `addDataProduct`. One per stack (and per account: Lake Formation settings and LF-Tags are
 * account-wide).
 *
 * The data bucket is named `<mesh>-<domain>-<account>-<region>` when the stack has a concrete
 * account and region. In an environment-agnostic stack CloudFormation names it instead, which is
 * only allowed without `governanceAccount` (the governance account finds the bucket by that name).
 *
 * @example
 * const sales = new DataDomain(stack, 'Sales', { meshName: 'retail', domainName: 'sales', producers: [etlRole] });
 * const orders = sales.addDataProduct('Orders', { contract: loadContract('contracts/orders.odcs.yaml') });
 * orders.grantRead(analystRole);
 */
export class DataDomain extends Construct {
  readonly meshName: string;
  readonly domainName: string;
  readonly governanceAccount?: string;
  readonly owner: string;
  readonly classifications: readonly string[];
  readonly producers: readonly iam.IRole[];
  /** Customer-managed key (rotation on) encrypting the data bucket. */
  readonly key: kms.Key;
  /** The bucket holding every product of the domain, one prefix per product. */
  readonly bucket: s3.Bucket;
  /** Receives the data bucket's server access logs (SSE-S3: S3 log delivery cannot use SSE-KMS). */
  readonly accessLogsBucket: s3.Bucket;
  /** The account's Lake Formation settings; every Glue and Lake Formation resource waits for it. */
  readonly lakeFormationSettings: DataLakeSettings;
  /** The bucket's registration with the domain account's Lake Formation. */
  readonly registration: LocationRegistration;
  readonly tags: DomainTags;
  private readonly centralAccess?: CentralCatalogAccess;
  private readonly productsBySlug = new Map<string, DataProduct>();
  private readonly producerAccess = new Map<iam.IRole, ProducerAccess>();

  constructor(scope: Construct, id: string, props: DataDomainProps) {
    super(scope, id);
    // Without this flag the access-log bucket would take log deliveries through an ACL, which
    // bucket-owner-enforced object ownership forbids; with it, through a bucket policy limited to
    // the data bucket. Set here so the domain does not depend on the app's cdk.json.
    this.node.setContext(cxapi.S3_SERVER_ACCESS_LOGS_USE_BUCKET_POLICY, true);
    const stack = Stack.of(this);
    const classifications = props.classifications ?? DEFAULT_CLASSIFICATIONS;
    const bucketName = checkProps(stack, props, classifications);
    domainStacks.add(stack);

    this.meshName = props.meshName;
    this.domainName = props.domainName;
    this.governanceAccount = props.governanceAccount;
    this.owner = props.owner ?? props.domainName;
    this.classifications = classifications;
    this.producers = props.producers ?? [];
    for (const producer of this.producers) this.producerAccess.set(producer, new ProducerAccess(this, producer, props.domainName));
    const removalPolicy = props.removalPolicy ?? DEFAULT_DOMAIN_REMOVAL_POLICY;

    this.key = new kms.Key(this, 'Key', {
      enableKeyRotation: true,
      description: `lakemesh data key of domain ${props.domainName} in mesh ${props.meshName}`,
      removalPolicy,
    });
    this.accessLogsBucket = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      removalPolicy,
    });
    Validations.of(this.accessLogsBucket.node.defaultChild!).acknowledge(
      {
        id: 'AwsSolutions-S1',
        reason: 'this is the access-log bucket of the data bucket; logging it into itself would loop and into another bucket only moves the question',
      },
      {
        id: 'NIST.800.53.R5-S3DefaultEncryptionKMS',
        reason:
          'S3 server access logging delivers only to buckets whose default encryption is SSE-S3; SSE-KMS default encryption is not supported on the destination (Amazon S3 User Guide, "Enabling Amazon S3 server access logging")',
      },
      {
        id: 'NIST.800.53.R5-S3BucketReplicationEnabled',
        reason: REPLICATION_REASON,
      },
    );
    this.bucket = new s3.Bucket(this, 'DataBucket', {
      bucketName,
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: this.key,
      bucketKeyEnabled: true,
      enforceSSL: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: ACCESS_LOG_PREFIX,
      removalPolicy,
    });
    Validations.of(this.bucket.node.defaultChild!).acknowledge({ id: 'NIST.800.53.R5-S3BucketReplicationEnabled', reason: REPLICATION_REASON });
    for (const store of [this.bucket.node.defaultChild, this.key.node.defaultChild]) {
      (store as CfnResource).addMetadata(DATA_STORE_METADATA_KEY, { domain: props.domainName });
    }

    // Every Glue and Lake Formation resource of the stack waits for these settings (an aspect of
    // DataLakeSettings adds the dependencies).
    this.lakeFormationSettings = new DataLakeSettings(this, 'LakeFormationSettings', {
      admins: props.lakeFormationAdmins,
      crossAccountVersion: props.crossAccountVersion,
      deploymentRole: props.deploymentRole,
    });
    this.registration = new LocationRegistration(this, 'Registration', { bucket: this.bucket, key: this.key, domainName: props.domainName });
    this.tags = new DomainTags(this, 'Tags', { domainName: props.domainName, classifications });
    if (props.governanceAccount !== undefined) {
      this.centralAccess = new CentralCatalogAccess({
        bucket: this.bucket,
        key: this.key,
        governanceAccount: props.governanceAccount,
        meshName: props.meshName,
        domainName: props.domainName,
      });
    }
  }

  /** The products added so far, by product slug. */
  get products(): readonly DataProduct[] {
    return [...this.productsBySlug.values()];
  }

  /**
   * ARN of the governance account's registration role that may read the product prefixes, or
   * undefined for a standalone domain.
   */
  get centralRegistrationRoleArn(): string | undefined {
    return this.centralAccess?.registrationRoleArn;
  }

  /** Adds a data product described by `options.contract`, stored under its own prefix. */
  addDataProduct(id: string, options: DataProductOptions): DataProduct {
    return new DataProduct(this, id, { ...options, domain: this });
  }

  /**
   * Makes room for a product's data: its prefix becomes readable to Lake Formation (and to the
   * central registration role) and its slug a value of the `product` LF-Tag. Called by
   * `DataProduct`; returns the `product` tag resource.
   */
  registerProduct(product: DataProduct): CfnResource {
    const existing = this.productsBySlug.get(product.productName);
    if (existing) {
      throw LakemeshError.of(
        DOMAIN_CODES.duplicateProduct,
        `product "${product.productName}" of contract ${product.contract.id} is already in domain ${this.domainName} (contract ${existing.contract.id} at ${existing.node.path}); give one contract another dataProduct`,
        'dataProduct',
      );
    }
    this.productsBySlug.set(product.productName, product);
    this.registration.allowPrefix(product.s3Prefix);
    this.centralAccess?.allowPrefix(product.s3Prefix);
    return this.tags.addProduct(product.productName);
  }

  /**
   * Lets `producer` (one of `producers`) use the catalog entries of `product` through IAM. Called
   * by `DataProduct`; see `ProducerAccess` for where the statements go.
   */
  grantProducerCatalogAccess(producer: iam.IRole, product: DataProduct): void {
    const access = this.producerAccess.get(producer);
    if (!access) throw new Error(`${producer.node.path} is not a producer of domain ${this.domainName}`);
    access.add(product);
  }
}

/** Checks every prop at once and returns the data bucket's name (undefined: let CDK name it). */
function checkProps(stack: Stack, props: DataDomainProps, classifications: readonly string[]): string | undefined {
  const problems = new ProblemCollector();
  const add = (code: string, path: string, message: string) => problems.add({ code, path, message } satisfies Problem);
  if (domainStacks.has(stack)) {
    add(
      DOMAIN_CODES.secondDomainInStack,
      'domainName',
      `stack ${stack.stackName} already holds a DataDomain; Lake Formation settings and LF-Tags are per account, so put domain "${props.domainName}" in its own stack and account`,
    );
  }
  for (const key of ['meshName', 'domainName'] as const) {
    if (!isName(props[key])) {
      add(
        DOMAIN_CODES.invalidName,
        key,
        `${key} must be a lowercase slug (letters, digits, single hyphens, starting with a letter), got ${JSON.stringify(props[key])}; for example "sales" or "click-stream"`,
      );
    }
  }
  if (props.governanceAccount !== undefined && !/^\d{12}$/.test(props.governanceAccount)) {
    add(
      DOMAIN_CODES.invalidAccount,
      'governanceAccount',
      `governanceAccount must be a 12-digit AWS account id, got ${JSON.stringify(props.governanceAccount)}`,
    );
  }
  checkClassifications(classifications, add);
  const concreteEnvironment = !Token.isUnresolved(stack.account) && !Token.isUnresolved(stack.region);
  if (!concreteEnvironment && props.governanceAccount !== undefined) {
    add(
      DOMAIN_CODES.environmentRequired,
      'governanceAccount',
      `the governance account finds the data bucket by its name <mesh>-<domain>-<account>-<region>, but stack ${stack.stackName} has no concrete account and region; give the stack an env with both`,
    );
  }
  let bucketName: string | undefined;
  if (concreteEnvironment && isName(props.meshName) && isName(props.domainName)) {
    bucketName = domainBucketName({ name: props.meshName, region: stack.region }, { name: props.domainName, account: stack.account });
    if (bucketName.length > MAX_BUCKET_NAME_LENGTH) {
      add(
        DOMAIN_CODES.bucketNameTooLong,
        'domainName',
        `data bucket name "${bucketName}" is ${bucketName.length} characters, S3 allows ${MAX_BUCKET_NAME_LENGTH}; shorten meshName or domainName by ${bucketName.length - MAX_BUCKET_NAME_LENGTH}`,
      );
    }
  }
  problems.throwIfAny();
  return bucketName;
}

function checkClassifications(classifications: readonly string[], add: (code: string, path: string, message: string) => void): void {
  if (classifications.length === 0) {
    add(DOMAIN_CODES.invalidClassifications, 'classifications', 'classifications is empty; list the ontology from least to most sensitive, e.g. public, internal, confidential, restricted');
    return;
  }
  const seen = new Set<string>();
  classifications.forEach((value, index) => {
    if (!TAG_VALUE_PATTERN.test(value)) {
      add(
        DOMAIN_CODES.invalidClassifications,
        `classifications[${index}]`,
        `classification ${JSON.stringify(value)} is not a valid LF-Tag value: use 1–256 letters, digits, spaces or _ . : * / = + - @ %`,
      );
    } else if (seen.has(value.toLowerCase())) {
      add(DOMAIN_CODES.invalidClassifications, `classifications[${index}]`, `classification ${JSON.stringify(value)} is listed twice; remove one`);
    }
    seen.add(value.toLowerCase());
  });
}
