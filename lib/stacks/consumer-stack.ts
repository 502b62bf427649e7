/**
 * `<mesh>-consumer-<consumer>`, in the consumer's account (DESIGN.md §4.3): Lake Formation
 * settings, acceptance of the grantor's RAM invitations, and a resource link per granted product
 * that the consumer's principals can describe (and so query from Athena).
 */
import { StackProps } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ConsumerConfig, MeshConfig } from '../config/model';
import { MeshConsumer } from '../../constructs/consumer/mesh-consumer';
import { rolesInAccount } from './account-roles';
import { MeshStack } from './mesh-stack';
import { consumedProducts } from './consumed-products';
import { consumerStackName } from './stack-names';

export interface ConsumerStackProps extends StackProps {
  readonly mesh: MeshConfig;
  readonly consumer: ConsumerConfig;
  /**
   * The products (`<domain>.<product>`) whose links this stack holds; the others are in shards of it
   * (docs/sharding.md).
   * @default - every product the consumer is granted
   */
  readonly linkedProducts?: ReadonlySet<string>;
}

export class ConsumerStack extends MeshStack {
  readonly consumer: MeshConsumer;
  /** Domains whose products this consumer is granted (sorted). */
  readonly sourceDomains: readonly string[];

  constructor(scope: Construct, id: string, props: ConsumerStackProps) {
    const { mesh, consumer } = props;
    super(scope, id, {
      ...props,
      stackName: consumerStackName(mesh.name, consumer.name),
      env: { account: consumer.account, region: mesh.region },
      description: `lakemesh ${mesh.name}: resource links of consumer ${consumer.name}`,
    });
    const products = consumedProducts(mesh, consumer);
    this.sourceDomains = [...new Set(products.map((p) => p.domain))].sort();
    const linked = props.linkedProducts;
    this.consumer = new MeshConsumer(this, 'Consumer', {
      consumerName: consumer.name,
      principals: consumer.principals,
      products: linked === undefined ? products : products.filter((product) => linked.has(product.product)),
      organization: mesh.governance.organization,
      admins: rolesInAccount(this, 'Admin', mesh.governance.admins, consumer.account, { mutable: false }),
      crossAccountVersion: mesh.governance.crossAccountVersion,
    });
  }
}
