/**
 * `<mesh>-domain-<domain>`, in the producer's account: the domain's storage, Lake Formation
 * settings and local catalog (DESIGN.md §4.1). With producer-direct sharing it also carries the
 * consumer grants on its products. A domain with many products puts some of them into shards of
 * this stack (`productPlacement`, docs/sharding.md); bucket, key, settings and registration stay here.
 */
import { StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DomainConfig, MeshConfig, ProductConfig } from '../config/model';
import { DataDomain } from '../../constructs/domain/data-domain';
import { DataProduct } from '../../constructs/data-product/data-product';
import { rolesInAccount } from './account-roles';
import { MeshStack } from './mesh-stack';
import { domainStackName } from './stack-names';

export interface DomainStackProps extends StackProps {
  readonly mesh: MeshConfig;
  readonly domain: DomainConfig;
  /**
   * Where a product goes: the `Domain` root of a shard of this stack (same account and region,
   * deploying after it), or undefined for this stack.
   * @default - every product in this stack
   */
  readonly productPlacement?: (product: ProductConfig) => Construct | undefined;
}

export class DomainStack extends MeshStack {
  readonly domain: DataDomain;
  /** Products by slug. */
  readonly products: ReadonlyMap<string, DataProduct>;

  constructor(scope: Construct, id: string, props: DomainStackProps) {
    const { mesh, domain } = props;
    super(scope, id, {
      ...props,
      stackName: domainStackName(mesh.name, domain.name),
      env: { account: domain.account, region: mesh.region },
      description: `lakemesh ${mesh.name}: storage and catalog of domain ${domain.name}`,
    });
    this.domain = new DataDomain(this, 'Domain', {
      meshName: mesh.name,
      domainName: domain.name,
      owner: domain.owner,
      governanceAccount: mesh.governance.sharing === 'central-catalog' ? mesh.governance.account : undefined,
      producers: rolesInAccount(this, 'Producer', domain.producers, domain.account, { mutable: true }),
      lakeFormationAdmins: rolesInAccount(this, 'Admin', mesh.governance.admins, domain.account, { mutable: false }),
      crossAccountVersion: mesh.governance.crossAccountVersion,
      classifications: mesh.governance.tags.classification,
    });
    const products = new Map<string, DataProduct>();
    for (const product of domain.products) {
      const id = `Product-${product.name}`;
      const shard = props.productPlacement?.(product);
      products.set(product.name, shard ? new DataProduct(shard, id, { contract: product.contract, domain: this.domain }) : this.domain.addDataProduct(id, { contract: product.contract }));
    }
    this.products = products;
  }
}
