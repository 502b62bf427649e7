/**
 * The Lake Formation permissions a product grants inside its own account. Two
 * `AWS::LakeFormation::PrincipalPermissions` for the same (principal, resource) pair collide, and
 * every property of one forces replacement, so permissions are merged per pair and each resource's
 * construct id is a hash of the pair: adding, removing or reordering grants never touches the
 * logical id of another pair. No grant option is ever given.
 */
import { createHash } from 'node:crypto';
import { Lazy, Stack } from 'aws-cdk-lib';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { Construct, IDependable } from 'constructs';
import { LakeFormationWriteChain } from '../domain/lake-formation-write-chain';
import { stablePrincipalKey } from './lake-formation-principal';

export type LakeFormationPermission =
  | 'ALTER'
  | 'CREATE_TABLE'
  | 'DATA_LOCATION_ACCESS'
  | 'DELETE'
  | 'DESCRIBE'
  | 'INSERT'
  | 'SELECT';

export type PermissionResource = lakeformation.CfnPrincipalPermissions.ResourceProperty;

export class ProductPermissions extends Construct {
  private readonly byPair = new Map<string, Set<LakeFormationPermission>>();

  constructor(scope: Construct, id: string) {
    super(scope, id);
  }

  /**
   * Grants `permissions` on `resource` to the principal `identifier` (an IAM role or user ARN),
   * merged with whatever the same pair was granted before. `after` are resources the grant needs
   * to exist first (e.g. the database, or the location registration).
   */
  grant(
    identifier: string,
    resource: PermissionResource,
    permissions: readonly LakeFormationPermission[],
    after: readonly IDependable[] = [],
  ): lakeformation.CfnPrincipalPermissions {
    const pairKey = `${stablePrincipalKey(this, identifier)}|${JSON.stringify(Stack.of(this).resolve(resource))}`;
    const id = `Grant${createHash('sha256').update(pairKey).digest('hex').slice(0, 12).toUpperCase()}`;
    const existing = this.node.tryFindChild(id) as lakeformation.CfnPrincipalPermissions | undefined;
    const granted = this.byPair.get(id) ?? new Set<LakeFormationPermission>();
    for (const permission of permissions) granted.add(permission);
    if (existing) {
      existing.node.addDependency(...after);
      return existing;
    }
    this.byPair.set(id, granted);
    const created = new lakeformation.CfnPrincipalPermissions(this, id, {
      principal: { dataLakePrincipalIdentifier: identifier },
      resource,
      permissions: Lazy.list({ produce: () => [...granted].sort() }),
      permissionsWithGrantOption: [],
    });
    created.node.addDependency(...after);
    LakeFormationWriteChain.of(this).append(created);
    return created;
  }
}
