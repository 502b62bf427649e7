/**
 * A data product's catalog entry as seen from another stack of the same account: the facts a grant
 * needs, and no resources. A grant in a shard (docs/sharding.md) names its product through one, so
 * that it carries no construct dependency on the stack holding the product: that stack deploys
 * before the shard anyway, and CloudFormation allows no `DependsOn` across stacks.
 */
import { Stack } from 'aws-cdk-lib';
import { Construct, IConstruct } from 'constructs';
import { DataContract } from '../../lib/contract/model';
import { IDataProduct } from './data-product-ref';

export class DataProductReference extends Construct implements IDataProduct {
  /**
   * `product` itself when it lives in the stack of `scope`, else its reference in that stack (one
   * per stack and product, directly under the stack).
   */
  static in(scope: IConstruct, product: IDataProduct): IDataProduct {
    const stack = Stack.of(scope);
    if (Stack.of(product) === stack) return product;
    const id = `ProductReference-${product.domainName}.${product.productName}`;
    return (stack.node.tryFindChild(id) as DataProductReference | undefined) ?? new DataProductReference(stack, id, product);
  }

  readonly contract: DataContract;
  readonly domainName: string;
  readonly productName: string;
  readonly databaseName: string;
  readonly catalogId: string;
  readonly catalogRegion: string;

  private constructor(scope: Construct, id: string, product: IDataProduct) {
    super(scope, id);
    this.contract = product.contract;
    this.domainName = product.domainName;
    this.productName = product.productName;
    this.databaseName = product.databaseName;
    this.catalogId = product.catalogId;
    this.catalogRegion = product.catalogRegion;
  }
}
