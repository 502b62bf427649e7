import { NagMessageLevel, NagRuleCompliance } from 'cdk-nag';
import { MeshResource } from './mesh-resource';

/**
 * One DataMesh rule: a pure function of a rendered resource plus the texts cdk-nag reports.
 * The rule id is `DataMesh-<name>`.
 */
export interface DataMeshRule {
  /** PascalCase rule name, the suffix of the rule id. */
  readonly name: string;
  /** What was found (the violation description). */
  readonly info: string;
  /** Why the rule exists (added to the description when the pack is `verbose`). */
  readonly explanation: string;
  readonly level: NagMessageLevel;
  /** The CloudFormation types the rule looks at; other resources are not applicable. */
  readonly resourceTypes: readonly string[];
  check(resource: MeshResource): NagRuleCompliance;
}

/** Prefix of every rule id in the `DataMeshChecks` pack. */
export const DATA_MESH_PACK_NAME = 'DataMesh';

/** `DataMesh-<name>`, the id to use with `Validations.of(scope).acknowledge({ id, reason })`. */
export function dataMeshRuleId(rule: Pick<DataMeshRule, 'name'>): string {
  return `${DATA_MESH_PACK_NAME}-${rule.name}`;
}

/** Maps a boolean verdict to cdk-nag's compliance values. */
export function compliantWhen(ok: boolean): NagRuleCompliance {
  return ok ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
}
