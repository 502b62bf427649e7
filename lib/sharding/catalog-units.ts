/**
 * Estimated sizes of catalog units: the governance side of a domain's registration, a product's
 * central catalog entry (`CentralProduct`) and a product in its domain's account (`DataProduct`).
 */
import { ContractTable, DataContract } from '../contract/model';
import { DomainConfig, ProductConfig } from '../config/model';
import { PRODUCT_METADATA_KEY } from '../grants/grant-metadata';
import { compileRuleset } from '../quality/compile-ruleset';
import { glueTableInput } from '../../constructs/data-product/glue-table-input';
import { STORAGE_FORMATS, StorageFormat, storageFormatOf } from '../../constructs/data-product/storage-format';
import { joinedArn, logicalIdLength, PRODUCT_POLICY_BYTES, productPolicyCount, SizeTally } from './estimate';
import { prettyJsonLength, quotedLength } from './json-size';
import { ShardSize } from './model';

/** Length of a logical id of the stack's settings, tags and registration resources (they are short). */
const FIXED_ID_LENGTH = 50;
/** An S3 URL or ARN built from the domain bucket's `Ref` (`Fn::Join`) rather than a literal name. */
const BUCKET_TOKEN_BYTES = 160;
/** Bytes a product adds to the registration role's policy in the governance account (an object ARN and a list prefix). */
const REGISTRATION_POLICY_BYTES_PER_PRODUCT = 360;

export interface CatalogContext {
  readonly meshName: string;
  /** Account of the catalog the unit is created in. */
  readonly catalogId: string;
  readonly domain: DomainConfig;
}

/** The governance side of a domain's registration: role, policies, and one location per product prefix. */
export function registrationSize(domain: DomainConfig): ShardSize {
  const tally = new SizeTally();
  const extraPolicies = productPolicyCount(domain.products.length) - 1;
  tally.resources += 2 + extraPolicies;
  tally.bytes += 3400 + domain.name.length * 6 + REGISTRATION_POLICY_BYTES_PER_PRODUCT * domain.products.length + PRODUCT_POLICY_BYTES * extraPolicies;
  for (const product of domain.products) {
    tally.addResource({
      type: 'AWS::LakeFormation::Resource',
      path: `Governance/Domain-${domain.name}/Registration/Location-${product.name}`,
      properties: { resourceArn: joinedArn(`:s3:::${'b'.repeat(63)}/${product.name}`), roleArn: { 'Fn::GetAtt': ['x'.repeat(FIXED_ID_LENGTH), 'Arn'] }, useServiceLinkedRole: false },
      dependsOn: [FIXED_ID_LENGTH],
    });
  }
  return tally.size;
}

/** A product's catalog entry in the governance account (central-catalog model). */
export function centralProductSize(product: ProductConfig, context: CatalogContext): ShardSize {
  return catalogEntry(product, context, { prefix: `Governance/Domain-${product.domain}/Product-${product.name}`, bucketToken: false, producers: 0 });
}

/** A product in its domain's account: catalog entry, quality rulesets and the producers' grants. */
export function domainProductSize(product: ProductConfig, context: CatalogContext): ShardSize {
  return catalogEntry(product, context, { prefix: `Domain/Product-${product.name}`, bucketToken: true, producers: context.domain.producers.length, rulesets: true });
}

/**
 * Logical id lengths a grant on a product lists in `DependsOn`. A grant depends on the whole catalog
 * entry, but a mesh stack keeps only the entries nothing else implies (lib/stacks/implied-dependencies.ts):
 * the database's tag association (which follows the database) and per table its last write (the
 * table's tag associations follow the table and one another; a table without them is itself the last).
 */
export function catalogEntryIdLengths(product: ProductConfig, prefix: string): number[] {
  const ids = [logicalIdLength(`${prefix}/DatabaseTags`)];
  for (const table of product.contract.tables) {
    const tableId = logicalIdLength(`${prefix}/Table-${table.name}/Resource`);
    const tagsId = classificationsOf(table).size > 0 ? logicalIdLength(`${prefix}/Table-${table.name}/ClassificationTags12345678`) : 0;
    ids.push(Math.max(tableId, tagsId));
  }
  return ids;
}

interface EntryOptions {
  readonly prefix: string;
  /** Locations are built from the bucket's `Ref` (the domain's own stack). */
  readonly bucketToken: boolean;
  /** Producer roles granted on the product (3 permissions each). */
  readonly producers: number;
  readonly rulesets?: boolean;
}

function catalogEntry(product: ProductConfig, context: CatalogContext, options: EntryOptions): ShardSize {
  const { contract } = product;
  const { prefix } = options;
  const tally = new SizeTally();
  const owner = contract.owner ?? context.domain.owner;
  const metadata = { [PRODUCT_METADATA_KEY]: { product: product.qualifiedName, contractId: contract.id, contractVersion: contract.version, owner } };
  const location = `s3://${'b'.repeat(63)}/${product.name}/`;
  const token = options.bucketToken ? BUCKET_TOKEN_BYTES : 0;
  const databaseId = logicalIdLength(`${prefix}/Resource`);
  tally.addResource({
    type: 'AWS::Glue::Database',
    path: `${prefix}/Resource`,
    properties: {
      catalogId: context.catalogId,
      databaseInput: {
        name: product.databaseName,
        description: contract.description?.purpose?.slice(0, 2048),
        locationUri: location,
        createTableDefaultPermissions: [],
        parameters: { 'lakemesh.contractId': contract.id, 'lakemesh.contractVersion': contract.version },
      },
    },
    metadata,
    dependsOn: [FIXED_ID_LENGTH],
  });
  tally.bytes += token;
  tally.addResource({
    type: 'AWS::LakeFormation::TagAssociation',
    path: `${prefix}/DatabaseTags`,
    properties: {
      lfTags: [
        { catalogId: context.catalogId, tagKey: 'domain', tagValues: [product.domain] },
        { catalogId: context.catalogId, tagKey: 'product', tagValues: [product.name] },
      ],
      resource: { database: { catalogId: context.catalogId, name: product.databaseName } },
    },
    dependsOn: [databaseId, FIXED_ID_LENGTH, FIXED_ID_LENGTH],
    lakeFormationWrite: true,
  });
  const format = formatOf(contract);
  for (const table of contract.tables) {
    const tablePath = `${prefix}/Table-${table.name}`;
    const tableId = logicalIdLength(`${tablePath}/Resource`);
    tally.addResource({
      type: 'AWS::Glue::Table',
      path: `${tablePath}/Resource`,
      properties: { catalogId: context.catalogId, databaseName: product.databaseName, tableInput: TABLE_INPUT_PLACEHOLDER },
      metadata,
      dependsOn: [databaseId],
    });
    tally.bytes += tableInputBytes(table, contract, owner, format) - PLACEHOLDER_BYTES + quotedLength(`${location}${table.name}/`) - 2 + token;
    for (const [classification, columnNames] of classificationsOf(table)) {
      tally.addResource({
        type: 'AWS::LakeFormation::TagAssociation',
        path: `${tablePath}/ClassificationTags12345678`,
        properties: {
          lfTags: [{ catalogId: context.catalogId, tagKey: 'classification', tagValues: [classification] }],
          resource: { tableWithColumns: { catalogId: context.catalogId, columnNames, databaseName: product.databaseName, name: table.name } },
        },
        dependsOn: [tableId, FIXED_ID_LENGTH],
        lakeFormationWrite: true,
      });
    }
    if (options.rulesets) addRuleset(tally, table, product, tablePath, tableId);
  }
  addProducerGrants(tally, product, context, options, databaseId);
  return tally.size;
}

function addRuleset(tally: SizeTally, table: ContractTable, product: ProductConfig, tablePath: string, tableId: number): void {
  const { ruleset } = compileRuleset(table, product.contract.sla);
  if (ruleset === undefined) return;
  tally.addResource({
    type: 'AWS::Glue::DataQualityRuleset',
    path: `${tablePath}/QualityRuleset`,
    properties: {
      name: `${product.databaseName}.${table.name}`,
      description: `lakemesh: quality rules of table ${table.name} from contract ${product.contract.id} ${product.contract.version}`,
      ruleset,
      targetTable: { databaseName: product.databaseName, tableName: table.name },
    },
    dependsOn: [tableId],
  });
}

/** Per producer: the database, every table (wildcard) and the data location (`DataProduct.grantProducer`). */
function addProducerGrants(tally: SizeTally, product: ProductConfig, context: CatalogContext, options: EntryOptions, databaseId: number): void {
  const tableIds = catalogEntryIdLengths(product, options.prefix).slice(2);
  for (const producer of context.domain.producers.slice(0, options.producers)) {
    const principal = { dataLakePrincipalIdentifier: producer };
    const grant = (resource: Record<string, unknown>, permissions: string[], dependsOn: number[]) =>
      tally.addResource({
        type: 'AWS::LakeFormation::PrincipalPermissions',
        path: 'LakeFormationPermissions/Grant123456789012',
        properties: { catalog: context.catalogId, permissions, permissionsWithGrantOption: [], principal, resource },
        dependsOn,
        lakeFormationWrite: true,
      });
    grant({ database: { catalogId: context.catalogId, name: product.databaseName } }, ['ALTER', 'CREATE_TABLE', 'DESCRIBE'], [databaseId]);
    grant({ table: { catalogId: context.catalogId, databaseName: product.databaseName, tableWildcard: {} } }, ['ALTER', 'DELETE', 'DESCRIBE', 'INSERT', 'SELECT'], [databaseId, ...tableIds]);
    grant({ dataLocation: { catalogId: context.catalogId, resourceArn: 'x'.repeat(80) } }, ['DATA_LOCATION_ACCESS'], [FIXED_ID_LENGTH, FIXED_ID_LENGTH, FIXED_ID_LENGTH]);
    tally.bytes += BUCKET_TOKEN_BYTES;
  }
}

/** Classification → columns, as the constructs tag them (one tag association per classification of a table). */
function classificationsOf(table: ContractTable): Map<string, string[]> {
  const byClassification = new Map<string, string[]>();
  for (const column of [...table.columns, ...table.partitionKeys]) {
    if (column.classification === undefined) continue;
    byClassification.set(column.classification, [...(byClassification.get(column.classification) ?? []), column.name]);
  }
  return byClassification;
}

/** Where a table resource's `TableInput` goes in its estimated shape; its real size is added apart. */
const TABLE_INPUT_PLACEHOLDER = 'x';
const PLACEHOLDER_BYTES = quotedLength(TABLE_INPUT_PLACEHOLDER);
/** Depth of `TableInput` in a template: Resources → the resource → Properties → TableInput. */
const TABLE_INPUT_DEPTH = 4;
const tableInputSizes = new WeakMap<ContractTable, number>();

/**
 * Bytes of a table's `TableInput` with an empty location, once per table: the governance account's
 * catalog entry and the domain's share it (they differ only in the location).
 */
function tableInputBytes(table: ContractTable, contract: DataContract, owner: string, format: StorageFormat): number {
  let bytes = tableInputSizes.get(table);
  if (bytes === undefined) {
    bytes = prettyJsonLength(glueTableInput(table, { contract, owner, format, location: '' }), TABLE_INPUT_DEPTH);
    tableInputSizes.set(table, bytes);
  }
  return bytes;
}

/** The contract's storage format; an unsupported one fails synth in the construct, Parquet stands in here. */
function formatOf(contract: DataContract): StorageFormat {
  try {
    return storageFormatOf(contract);
  } catch {
    return STORAGE_FORMATS.parquet;
  }
}
