/**
 * The one place a stack's Lake Formation permissions and data cells filters are created. It merges
 * grants per (principal, resource) pair into one `AWS::LakeFormation::PrincipalPermissions` whose
 * logical ID derives from the pair, refuses principals that must never be granted, and orders the
 * deploys so that Lake Formation never sees conflicting writes at once.
 */
import { AspectPriority, Aspects, CfnResource, IAspect, Stack, Token } from 'aws-cdk-lib';
import { CfnDataCellsFilter, CfnPrincipalPermissions } from 'aws-cdk-lib/aws-lakeformation';
import { Construct, IConstruct, IDependable } from 'constructs';
import { LakemeshError } from '../../lib/errors';
import { GRANT_METADATA_KEY, GrantMetadata, grantMetadataText } from '../../lib/grants/grant-metadata';
import {
  assertMaxConcurrency,
  DEFAULT_MAX_CONCURRENCY,
  DeployNode,
  planDeployOrder,
} from '../../lib/plan/deploy-order';
import { GRANT_CODES } from '../../lib/plan/grant-codes';
import { canonicalGrantMetadata, mergeGrantMetadata, sortedUnion } from '../../lib/plan/merge-grant-metadata';
import {
  catalogObjectKey,
  describeResource,
  PAIR_HASH_LENGTH,
  permissionConstructId,
  permissionPairKey,
  PermissionResource,
  principalKey,
  tableKey,
} from '../../lib/plan/permission-key';
import { principalProblems } from '../../lib/plan/principal-check';
import { logicalIdOf } from '../../lib/stacks/logical-id';
import { addMinimalDependencies, deferDependencies } from '../../lib/stacks/minimal-dependencies';
import { MAX_FILTER_GRANTS_PER_PRINCIPAL_TABLE } from '../../lib/plan/row-filter';
import { createHash } from 'node:crypto';

export interface LakeFormationPermissionsProps {
  /**
   * At most this many Lake Formation writes (permissions and filters) of the stack deploy at once.
   * @default 5 (`DEFAULT_MAX_CONCURRENCY`)
   */
  readonly maxConcurrency?: number;
}

export interface AddPermissionOptions {
  /** Lake Formation principal: an IAM role or user ARN (tokens allowed). */
  readonly principal: string;
  readonly resource: PermissionResource;
  /** Lake Formation permissions, e.g. `SELECT`, `DESCRIBE`. Never granted with the grant option. */
  readonly permissions: readonly string[];
  /**
   * The audit record written to the resource's `Metadata` under `lakemesh:grant`. Consumer grants
   * always carry one; a domain's grants to its own producers need none.
   * @default - no audit record
   */
  readonly metadata?: GrantMetadata;
  /**
   * What must exist first (the catalog objects, the filter). Must not include permissions of this
   * registry: their order is the registry's to decide.
   * @default - nothing
   */
  readonly dependsOn?: readonly IDependable[];
}

export interface AddDataCellsFilterOptions {
  readonly tableCatalogId: string;
  readonly databaseName: string;
  readonly tableName: string;
  /** Unique per table, at most 255 characters. */
  readonly name: string;
  /** PartiQL condition selecting the rows. */
  readonly rowFilter: string;
  /** The columns the filter lets through. */
  readonly columnNames: readonly string[];
  /** What must exist first (the table). @default - nothing */
  readonly dependsOn?: readonly IDependable[];
}

interface PermissionEntry {
  readonly resource: CfnPrincipalPermissions;
  /** Serialization keys: the principal, and the catalog object granted on. */
  readonly keys: readonly string[];
  permissions: string[];
  columns: string[];
  metadata?: GrantMetadata;
}

interface FilterEntry {
  readonly resource: CfnDataCellsFilter;
  /** Serialization key: the table. */
  readonly keys: readonly string[];
  readonly rowFilter: string;
  readonly columnNames: readonly string[];
}

/** Filters deploy before the permissions granted on them. */
const FILTER_STAGE = 0;
const PERMISSION_STAGE = 1;

export class LakeFormationPermissions extends Construct {
  /** Construct ID of the registry under its stack. */
  public static readonly ID = 'LakeFormationPermissions';

  /**
   * The registry of the stack `scope` belongs to, created on first use. `props` apply when it is
   * created; passing a different `maxConcurrency` later is an error.
   */
  public static of(scope: IConstruct, props: LakeFormationPermissionsProps = {}): LakeFormationPermissions {
    const stack = Stack.of(scope);
    const existing = stack.node.tryFindChild(LakeFormationPermissions.ID);
    if (existing === undefined) return new LakeFormationPermissions(stack, LakeFormationPermissions.ID, props);
    if (!(existing instanceof LakeFormationPermissions)) {
      throw new Error(`construct id "${LakeFormationPermissions.ID}" of stack ${stack.stackName} is taken by another construct`);
    }
    if (props.maxConcurrency !== undefined && props.maxConcurrency !== existing.maxConcurrency) {
      throw LakemeshError.of(
        GRANT_CODES.invalidMaxConcurrency,
        `maxConcurrency ${props.maxConcurrency} was asked for, but the Lake Formation permissions of stack ${stack.stackName} already use ${existing.maxConcurrency}; configure it once, on first use`,
        'maxConcurrency',
      );
    }
    return existing;
  }

  /** At most this many Lake Formation writes of the stack deploy at once. */
  public readonly maxConcurrency: number;

  private readonly permissionsByPair = new Map<string, PermissionEntry>();
  private readonly pairByConstructId = new Map<string, string>();
  private readonly filtersByKey = new Map<string, FilterEntry>();
  private readonly otherWrites: { resource: CfnResource; keys: readonly string[] }[] = [];
  private readonly filterGrantCounts = new Map<string, number>();

  private constructor(scope: Stack, id: string, props: LakeFormationPermissionsProps) {
    super(scope, id);
    this.maxConcurrency = props.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
    assertMaxConcurrency(this.maxConcurrency);
    const aspect: IAspect = { visit: (node) => (node === this ? this.orderDeploys() : undefined) };
    // Runs after every mutating aspect, so that permissions added by aspects are ordered too.
    Aspects.of(this).add(aspect, { priority: AspectPriority.READONLY - 1 });
  }

  /**
   * Grants `permissions` on `resource` to `principal`, merging into the resource that already
   * holds this (principal, resource) pair: permissions and columns unioned, audit records merged.
   */
  public add(options: AddPermissionOptions): CfnPrincipalPermissions {
    const stack = Stack.of(this);
    if (!Token.isUnresolved(options.principal)) {
      const problems = principalProblems(options.principal);
      if (problems.length > 0) throw new LakemeshError(problems);
    }
    if (options.permissions.length === 0) {
      throw new Error('add() needs at least one permission');
    }
    if (options.resource.kind === 'tableWithColumns' && options.resource.columnNames.length === 0) {
      throw new Error('add() on tableWithColumns needs at least one column');
    }
    const principal = identity(stack, options.principal);
    const target = canonicalResource(stack, options.resource);
    const pair = permissionPairKey(principal, target);
    const description = `principal "${options.principal}" on ${describeResource(options.resource)}`;
    const existing = this.permissionsByPair.get(pair);
    const entry = existing ?? this.createPermission(options, principal, target, pair);
    if (existing) {
      entry.metadata = mergedMetadata(entry.metadata, options.metadata, description);
      entry.permissions = sortedUnion([...entry.permissions, ...options.permissions]);
      entry.columns = sortedUnion([...entry.columns, ...columnNamesOf(options.resource)]);
      entry.resource.permissions = entry.permissions;
      entry.resource.resource = renderResource(options.resource, entry.columns);
      if (entry.metadata) entry.resource.addMetadata(GRANT_METADATA_KEY, grantMetadataText(entry.metadata));
    }
    deferDependencies(entry.resource, options.dependsOn ?? []);
    return entry.resource;
  }

  /** The data cells filter with this name on this table, created on first use. */
  public addDataCellsFilter(options: AddDataCellsFilterOptions): CfnDataCellsFilter {
    const stack = Stack.of(this);
    const table = tableKey(
      identity(stack, options.tableCatalogId),
      identity(stack, options.databaseName),
      identity(stack, options.tableName),
    );
    const key = JSON.stringify([table, options.name]);
    const columnNames = sortedUnion(options.columnNames);
    let entry = this.filtersByKey.get(key);
    if (entry === undefined) {
      const resource = new CfnDataCellsFilter(this, `Filter${shortHash(key)}`, {
        tableCatalogId: options.tableCatalogId,
        databaseName: options.databaseName,
        tableName: options.tableName,
        name: options.name,
        rowFilter: { filterExpression: options.rowFilter },
        columnNames,
      });
      entry = { resource, keys: [table], rowFilter: options.rowFilter, columnNames };
      this.filtersByKey.set(key, entry);
    } else if (entry.rowFilter !== options.rowFilter || entry.columnNames.join(',') !== columnNames.join(',')) {
      throw LakemeshError.of(
        GRANT_CODES.filterConflict,
        `data cells filter "${options.name}" on table ${options.databaseName}.${options.tableName} is defined twice differently (row filter "${entry.rowFilter}" on columns ${entry.columnNames.join(', ')} vs "${options.rowFilter}" on columns ${columnNames.join(', ')}); give each filter its own name`,
        'name',
      );
    }
    deferDependencies(entry.resource, options.dependsOn ?? []);
    return entry.resource;
  }

  /**
   * Puts another Lake Formation write of the stack (a tag association, say) into the same deploy
   * order, so that it never runs at the same time as a write touching the same catalog object.
   * `keys` are the objects it touches (`databaseKey`, `tableKey` from `lib/plan/permission-key`);
   * `dependsOn` what must exist first (the catalog object, the tag), ordered like the others'.
   */
  public addWrite(resource: CfnResource, keys: readonly string[], dependsOn?: readonly IDependable[]): void {
    this.otherWrites.push({ resource, keys: [...keys] });
    deferDependencies(resource, dependsOn ?? []);
  }

  private createPermission(
    options: AddPermissionOptions,
    principal: string,
    target: PermissionResource,
    pair: string,
  ): PermissionEntry {
    const constructId = permissionConstructId(principal, target);
    const clash = this.pairByConstructId.get(constructId);
    if (clash !== undefined) {
      throw new Error(`pair hash collision on ${constructId} (${clash} vs ${pair}); raise PAIR_HASH_LENGTH (${PAIR_HASH_LENGTH})`);
    }
    if (target.kind === 'dataCellsFilter') this.countFilterGrant(options, principal, target);
    const permissions = sortedUnion(options.permissions);
    const columns = sortedUnion(columnNamesOf(options.resource));
    const resource = new CfnPrincipalPermissions(this, constructId, {
      catalog: catalogIdOf(options.resource),
      principal: { dataLakePrincipalIdentifier: options.principal },
      resource: renderResource(options.resource, columns),
      permissions,
      // Consumers never re-grant: the grant option would let them widen access past the contract.
      permissionsWithGrantOption: [],
    });
    const metadata = options.metadata && canonicalGrantMetadata(options.metadata);
    if (metadata) resource.addMetadata(GRANT_METADATA_KEY, grantMetadataText(metadata));
    const entry: PermissionEntry = {
      resource,
      keys: [principalKey(principal), catalogObjectKey(target)],
      permissions,
      columns,
      metadata,
    };
    this.permissionsByPair.set(pair, entry);
    this.pairByConstructId.set(constructId, pair);
    return entry;
  }

  private countFilterGrant(
    options: AddPermissionOptions,
    principal: string,
    target: PermissionResource & { kind: 'dataCellsFilter' },
  ): void {
    const key = JSON.stringify([principal, tableKey(target.tableCatalogId, target.databaseName, target.tableName)]);
    const count = (this.filterGrantCounts.get(key) ?? 0) + 1;
    this.filterGrantCounts.set(key, count);
    if (count > MAX_FILTER_GRANTS_PER_PRINCIPAL_TABLE) {
      throw LakemeshError.of(
        GRANT_CODES.tooManyFilterGrants,
        `principal "${options.principal}" would hold ${count} data cells filter grants on table ${target.databaseName}.${target.tableName} (filter ${target.name} is the last); Lake Formation allows at most ${MAX_FILTER_GRANTS_PER_PRINCIPAL_TABLE} per principal and table: grant this consumer fewer row-filtered roles`,
        'principal',
      );
    }
  }

  /**
   * Adds the `DependsOn` edges of `planDeployOrder` and of the entries' `dependsOn`, only those the
   * others do not imply (a grant waits for the previous write and a product's last writes, not for
   * each resource of the product). Idempotent.
   */
  private orderDeploys(): void {
    const stack = Stack.of(this);
    const byLogicalId = new Map<string, CfnResource>();
    const nodes: DeployNode[] = [];
    const register = (entry: { resource: CfnResource; keys: readonly string[] }, stage: number) => {
      const id = logicalIdOf(entry.resource);
      byLogicalId.set(id, entry.resource);
      nodes.push({ id, keys: entry.keys, stage });
    };
    for (const entry of this.otherWrites) register(entry, FILTER_STAGE);
    for (const entry of this.filtersByKey.values()) register(entry, FILTER_STAGE);
    for (const entry of this.permissionsByPair.values()) register(entry, PERMISSION_STAGE);
    // Lake Formation writes are serialized: the plan's edges go with the entries' own dependencies.
    for (const edge of planDeployOrder(nodes, this.maxConcurrency).edges) {
      const from = byLogicalId.get(edge.from);
      const to = byLogicalId.get(edge.to);
      if (from && to) deferDependencies(from, [to]);
    }
    addMinimalDependencies(stack, [...byLogicalId.values()]);
  }
}

/** A stable identity for a value that may be a token: its resolved CloudFormation form. */
function identity(stack: Stack, value: string): string {
  return Token.isUnresolved(value) ? JSON.stringify(stack.resolve(value)) : value;
}

function canonicalResource(stack: Stack, resource: PermissionResource): PermissionResource {
  const id = (value: string) => identity(stack, value);
  switch (resource.kind) {
    case 'database':
      return { ...resource, catalogId: id(resource.catalogId), name: id(resource.name) };
    case 'table':
      return {
        ...resource,
        catalogId: id(resource.catalogId),
        databaseName: id(resource.databaseName),
        ...(resource.name === undefined ? {} : { name: id(resource.name) }),
      };
    case 'tableWithColumns':
      return {
        ...resource,
        catalogId: id(resource.catalogId),
        databaseName: id(resource.databaseName),
        name: id(resource.name),
        columnNames: [],
      };
    case 'dataCellsFilter':
      return {
        ...resource,
        tableCatalogId: id(resource.tableCatalogId),
        databaseName: id(resource.databaseName),
        tableName: id(resource.tableName),
        name: id(resource.name),
      };
    case 'dataLocation':
      return { ...resource, catalogId: id(resource.catalogId), resourceArn: id(resource.resourceArn) };
  }
}

function renderResource(resource: PermissionResource, columns: readonly string[]): CfnPrincipalPermissions.ResourceProperty {
  switch (resource.kind) {
    case 'database':
      return { database: { catalogId: resource.catalogId, name: resource.name } };
    case 'table':
      return {
        table: {
          catalogId: resource.catalogId,
          databaseName: resource.databaseName,
          ...(resource.name === undefined ? { tableWildcard: {} } : { name: resource.name }),
        },
      };
    case 'tableWithColumns':
      return {
        tableWithColumns: {
          catalogId: resource.catalogId,
          databaseName: resource.databaseName,
          name: resource.name,
          columnNames: [...columns],
        },
      };
    case 'dataCellsFilter':
      return {
        dataCellsFilter: {
          tableCatalogId: resource.tableCatalogId,
          databaseName: resource.databaseName,
          tableName: resource.tableName,
          name: resource.name,
        },
      };
    case 'dataLocation':
      return { dataLocation: { catalogId: resource.catalogId, resourceArn: resource.resourceArn } };
  }
}

function catalogIdOf(resource: PermissionResource): string {
  return resource.kind === 'dataCellsFilter' ? resource.tableCatalogId : resource.catalogId;
}

/** Merged audit record of two grants of one pair; a grant without one takes the other's. */
function mergedMetadata(a: GrantMetadata | undefined, b: GrantMetadata | undefined, pair: string): GrantMetadata | undefined {
  if (a === undefined) return b && canonicalGrantMetadata(b);
  if (b === undefined) return a;
  return mergeGrantMetadata(a, canonicalGrantMetadata(b), pair);
}

function columnNamesOf(resource: PermissionResource): readonly string[] {
  return resource.kind === 'tableWithColumns' ? resource.columnNames : [];
}

function shortHash(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, PAIR_HASH_LENGTH);
}
