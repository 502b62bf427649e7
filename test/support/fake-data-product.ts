/**
 * A minimal `IDataProduct` for grant tests: a construct with one placeholder resource, so that
 * "depends on the product" is visible in the template.
 */
import { CfnWaitConditionHandle } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { DataContract } from '../../lib/contract/model';
import { IDataProduct } from '../../constructs/data-product/data-product-ref';

export interface FakeDataProductProps {
  readonly contract: DataContract;
  /** @default 'sales' */
  readonly domainName?: string;
  /** @default '111111111111' */
  readonly catalogId?: string;
}

export class FakeDataProduct extends Construct implements IDataProduct {
  public readonly contract: DataContract;
  public readonly domainName: string;
  public readonly productName: string;
  public readonly databaseName: string;
  public readonly catalogId: string;
  public readonly catalogRegion = 'eu-west-1';
  /** Stands in for the product's Glue database and tables. */
  public readonly catalogResource: CfnWaitConditionHandle;

  constructor(scope: Construct, id: string, props: FakeDataProductProps) {
    super(scope, id);
    this.contract = props.contract;
    this.domainName = props.domainName ?? 'sales';
    this.productName = props.contract.productSlug;
    this.databaseName = `${this.domainName}_${this.productName}`;
    this.catalogId = props.catalogId ?? '111111111111';
    this.catalogResource = new CfnWaitConditionHandle(this, 'Catalog');
  }
}
