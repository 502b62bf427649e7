import { CfnResource, IPolicyValidationContext, PolicyValidationPluginReport } from 'aws-cdk-lib';
import { NagPack, NagPackProps, NagRuleCompliance } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { MeshResourceCache } from './mesh-resource';
import { DATA_MESH_PACK_NAME, DataMeshRule, dataMeshRuleId } from './mesh-rule';
import { WrittenTemplates } from './written-templates';
import {
  DataBucketsUseCmk,
  DataStoresRetained,
  DatabasesHaveNoDefaultPermissions,
  GrantHasContractMetadata,
  LocationsUseCustomRole,
  NoGrantOption,
  NoIamAllowedPrincipals,
  NoWildcardOrRootPrincipals,
  OnlyPrincipalPermissions,
  RestrictedColumnsNeedRole,
  SharedTablesHaveOwnerAndContract,
} from './rules';

/** Every rule of the pack, in the order they are documented. */
export const DATA_MESH_RULES: readonly DataMeshRule[] = [
  NoIamAllowedPrincipals,
  NoWildcardOrRootPrincipals,
  OnlyPrincipalPermissions,
  GrantHasContractMetadata,
  NoGrantOption,
  RestrictedColumnsNeedRole,
  DataStoresRetained,
  DataBucketsUseCmk,
  LocationsUseCustomRole,
  DatabasesHaveNoDefaultPermissions,
  SharedTablesHaveOwnerAndContract,
];

/**
 * The lakemesh rules as a cdk-nag pack: Lake Formation grants, data stores and catalog tables
 * checked against the mesh's guarantees (no IAM_ALLOWED_PRINCIPALS, no wildcard principals,
 * contract metadata on consumer grants, restricted columns, retained and CMK-encrypted data, …).
 *
 * ```ts
 * Validations.of(app).addPlugins(new DataMeshChecks(app));
 * Validations.of(grant).acknowledge({ id: 'DataMesh-NoGrantOption', reason: '…' });
 * ```
 */
export class DataMeshChecks extends NagPack {
  public readonly name = DATA_MESH_PACK_NAME;
  public readonly ruleIds = DATA_MESH_RULES.map(dataMeshRuleId);

  private readonly rulesByType = indexByResourceType(DATA_MESH_RULES);
  private resources = new MeshResourceCache();
  /** The templates of the synth being validated, while `validate` runs. */
  private written: WrittenTemplates | undefined;

  constructor(scope?: IConstruct, props?: NagPackProps) {
    super(scope, props);
    this.packName = DATA_MESH_PACK_NAME;
  }

  /** As a validation plugin of the synth: the rules read the templates it has written. */
  public override validate(context: IPolicyValidationContext): PolicyValidationPluginReport {
    this.written = new WrittenTemplates(context.stackTemplates ?? []);
    try {
      return super.validate(context);
    } finally {
      this.written = undefined;
    }
  }

  /** Renders each resource once per run, so that the construct tree may change between runs. */
  public override validateScope(scope: IConstruct): PolicyValidationPluginReport {
    this.resources = new MeshResourceCache(this.written);
    try {
      return super.validateScope(scope);
    } finally {
      this.resources = new MeshResourceCache();
    }
  }

  protected checkResource(node: CfnResource): void {
    for (const rule of this.rulesByType.get(node.cfnResourceType) ?? []) {
      this.applyRule({
        ruleSuffixOverride: rule.name,
        info: rule.info,
        explanation: rule.explanation,
        level: rule.level,
        node,
        rule: (resource) => {
          const rendered = this.resources.of(resource);
          return rendered ? rule.check(rendered) : NagRuleCompliance.NOT_APPLICABLE;
        },
      });
    }
  }
}

function indexByResourceType(rules: readonly DataMeshRule[]): ReadonlyMap<string, readonly DataMeshRule[]> {
  const index = new Map<string, DataMeshRule[]>();
  for (const rule of rules) {
    for (const type of rule.resourceTypes) index.set(type, [...(index.get(type) ?? []), rule]);
  }
  return index;
}
