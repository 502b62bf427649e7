/**
 * The LF-Tags a domain stack attaches to its own catalog: `domain` (this domain), `product` (one
 * value per product, growing as products are added) and `classification` (the ontology). LF-Tags
 * are account-wide, so an account holds one `DataDomain`.
 */
import { Lazy, Stack } from 'aws-cdk-lib';
import * as lakeformation from 'aws-cdk-lib/aws-lakeformation';
import { Construct } from 'constructs';
import { CLASSIFICATION_TAG_KEY } from '../../lib/config/check-governance';

/** LF-Tag key holding the domain name on every product database. */
export const DOMAIN_TAG_KEY = 'domain';
/** LF-Tag key holding the product slug on every product database. */
export const PRODUCT_TAG_KEY = 'product';
export { CLASSIFICATION_TAG_KEY };

export interface DomainTagsProps {
  readonly domainName: string;
  readonly classifications: readonly string[];
}

export class DomainTags extends Construct {
  readonly domainTag: lakeformation.CfnTag;
  readonly classificationTag: lakeformation.CfnTag;
  private productTagResource?: lakeformation.CfnTag;
  private readonly products: string[] = [];

  constructor(scope: Construct, id: string, props: DomainTagsProps) {
    super(scope, id);
    this.domainTag = this.tag('Domain', DOMAIN_TAG_KEY, [props.domainName]);
    this.classificationTag = this.tag('Classification', CLASSIFICATION_TAG_KEY, [...props.classifications]);
  }

  /**
   * Adds a value to the `product` key and returns that key's resource. The key is created with the
   * first product because Lake Formation refuses a tag without values.
   */
  addProduct(productName: string): lakeformation.CfnTag {
    if (!this.products.includes(productName)) this.products.push(productName);
    this.productTagResource ??= this.tag(
      'Product',
      PRODUCT_TAG_KEY,
      Lazy.list({ produce: () => [...this.products].sort() }),
    );
    return this.productTagResource;
  }

  private tag(id: string, tagKey: string, tagValues: string[]): lakeformation.CfnTag {
    return new lakeformation.CfnTag(this, id, { catalogId: Stack.of(this).account, tagKey, tagValues });
  }
}
