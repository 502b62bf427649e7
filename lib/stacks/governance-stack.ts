/**
 * `<mesh>-governance`, in the central governance account (DESIGN.md §4.2): Lake Formation
 * settings, the LF-Tag ontology, and with central-catalog sharing the producers' registrations, the
 * central catalog and every consumer grant.
 */
import { StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { MeshConfig } from '../config/model';
import { GovernancePlacement, MeshGovernance } from '../../constructs/governance/mesh-governance';
import { rolesInAccount } from './account-roles';
import { MeshStack } from './mesh-stack';
import { governanceStackName } from './stack-names';

export interface GovernanceStackProps extends StackProps {
  readonly mesh: MeshConfig;
  /**
   * Puts registrations, products and grants into shards of this stack (docs/sharding.md).
   * @default - everything in this stack
   */
  readonly placement?: GovernancePlacement;
}

export class GovernanceStack extends MeshStack {
  readonly governance: MeshGovernance;

  constructor(scope: Construct, id: string, props: GovernanceStackProps) {
    const { mesh } = props;
    super(scope, id, {
      ...props,
      stackName: governanceStackName(mesh.name),
      env: { account: mesh.governance.account, region: mesh.region },
      description: `lakemesh ${mesh.name}: central governance, catalog and consumer grants`,
    });
    this.governance = new MeshGovernance(this, 'Governance', {
      meshName: mesh.name,
      region: mesh.region,
      sharing: mesh.governance.sharing,
      tags: mesh.governance.tags,
      admins: rolesInAccount(this, 'Admin', mesh.governance.admins, mesh.governance.account, { mutable: false }),
      crossAccountVersion: mesh.governance.crossAccountVersion,
      placement: props.placement,
      domains: mesh.domains.map((domain) => ({
        name: domain.name,
        account: domain.account,
        owner: domain.owner,
        contracts: domain.products.map((p) => p.contract),
      })),
    });
  }
}
