/**
 * Sizes of resources as they will appear in a template, estimated from the same property objects
 * the constructs build (CDK's PascalCase keys have the length of the camelCase ones). The estimates
 * assume the worst placement (every dependency in the same stack, so listed in `DependsOn`; the CLI's
 * path metadata on), so a shard filled by them stays under its limits once synthesized.
 */
import { prettyJsonLength, quotedLength } from './json-size';
import { ShardSize } from './model';

/** Bytes of an `AWS::CDK::Metadata` resource (version reporting) plus a template's skeleton (description, bootstrap rule). */
export const TEMPLATE_SKELETON: ShardSize = { resources: 1, bytes: 1600 };

/** `DependsOn` entries a Lake Formation write gets from the stack's deploy order (up to three), and their id length. */
const DEPLOY_ORDER_EDGES = 3;
const PERMISSION_ID_LENGTH = 49;
/** Glue and Lake Formation resources of a group's first stack wait for its settings (`…LakeFormationSettings…`). */
const SETTINGS_ID_LENGTH = 45;
const SETTINGS_DEPENDENT_TYPES = ['AWS::Glue::', 'AWS::LakeFormation::'];

/**
 * An ARN as a template holds it without partition literals (`Fn::Join` of `arn:`, the partition's
 * `Ref` and the rest): what estimates assume, as apps may not set `@aws-cdk/core:enablePartitionLiterals`.
 */
export function joinedArn(rest: string): Record<string, unknown> {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}

/** `Custom::LakemeshDataLakeSettings` and its provider (role, function): where the settings live. */
export const DATA_LAKE_SETTINGS: ShardSize = { resources: 3, bytes: 3200 };
/** `Custom::LakemeshRamInvitationAcceptance` and its provider (role, function), before its lists of senders and resources. */
export const RAM_ACCEPTANCE: ShardSize = { resources: 3, bytes: 7000 };

/** One resource to estimate: its type, its properties (construct form), its metadata, its dependencies. */
export interface ResourceShape {
  readonly type: string;
  /** Path below the stack, `/`-separated, as the construct tree has it. */
  readonly path: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly metadata?: Readonly<Record<string, unknown>>;
  /** Lengths of the logical ids in `DependsOn` (the account's settings and the deploy order are added). */
  readonly dependsOn?: readonly number[];
  /** Add the deploy-order edges of the stack's Lake Formation writes. */
  readonly lakeFormationWrite?: boolean;
}

/** A running total of resources and bytes. */
export class SizeTally {
  resources = 0;
  bytes = 0;

  add(size: ShardSize, times = 1): this {
    this.resources += size.resources * times;
    this.bytes += size.bytes * times;
    return this;
  }

  addResource(shape: ResourceShape): this {
    this.resources += 1;
    this.bytes += resourceBytes(shape);
    return this;
  }

  get size(): ShardSize {
    return { resources: this.resources, bytes: Math.ceil(this.bytes) };
  }
}

/**
 * Length of the logical id CDK gives the construct at `path` (below its stack): the alphanumeric
 * characters of the path without `Resource`/`Default` parts, and an 8-character hash.
 */
export function logicalIdLength(path: string): number {
  let length = 0;
  for (const part of path.split('/')) {
    if (part === 'Resource' || part === 'Default') continue;
    for (let i = 0; i < part.length; i++) {
      const code = part.charCodeAt(i);
      if ((code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122)) length++;
    }
  }
  return Math.min(length, 247) + 8;
}

/** Bytes of one `"LogicalId": {…},` entry of `Resources`, with the CLI's path metadata. */
export function resourceBytes(shape: ResourceShape): number {
  const edges = shape.lakeFormationWrite ? DEPLOY_ORDER_EDGES : 0;
  const dependencies = [...(shape.dependsOn ?? [])];
  for (let i = 0; i < edges; i++) dependencies.push(PERMISSION_ID_LENGTH);
  // Assume the first stack: there, these wait for the settings too.
  if (SETTINGS_DEPENDENT_TYPES.some((prefix) => shape.type.startsWith(prefix))) dependencies.push(SETTINGS_ID_LENGTH);
  const metadata = { 'aws:cdk:path': `Mesh/Stack-000/${shape.path}`, ...shape.metadata };
  const body = prettyJsonLength({ Type: shape.type, Properties: shape.properties, Metadata: metadata }, 2);
  // `DependsOn`: key, brackets and one indented, quoted, comma-separated line per id (depth 3).
  const dependsOn = dependencies.length === 0 ? 0 : 1 + 3 + quotedLength('DependsOn') + 2 + 2 + 1 + 3 + dependencies.reduce((sum, length) => sum + 1 + 4 + length + 2 + 1, 0);
  return 1 + 2 + logicalIdLength(shape.path) + 2 + 2 + body + dependsOn + 1;
}

/**
 * Fewest products a managed policy of `ProductPolicies` holds (a registration role's, a producer
 * role's): it fills to about 35, and the hash spreading them leaves some policies fuller than others.
 */
const PRODUCTS_PER_POLICY = 25;
/** A managed policy's own bytes without its products: type, description, roles, document skeleton, `DependsOn`. */
export const PRODUCT_POLICY_BYTES = 700;

/** At most how many managed policies `ProductPolicies` spreads `products` over: a power of two. */
export function productPolicyCount(products: number): number {
  let count = 1;
  while (count * PRODUCTS_PER_POLICY < products) count *= 2;
  return count;
}
