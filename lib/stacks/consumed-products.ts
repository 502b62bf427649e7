/**
 * What one consumer is granted, product by product, as its consumer stack needs it: where the
 * target database lives and the grants behind it.
 */
import { ConsumedProduct } from '../../constructs/consumer/consumed-product';
import { ConsumerConfig, GrantConfig, MeshConfig, ProductConfig } from '../config/model';

/** The products `consumer` holds grants on, sorted by qualified name. */
export function consumedProducts(mesh: MeshConfig, consumer: ConsumerConfig): (ConsumedProduct & { readonly domain: string })[] {
  const products = new Map<string, ProductConfig>();
  for (const domain of mesh.domains) for (const product of domain.products) products.set(product.qualifiedName, product);
  const domainAccount = new Map(mesh.domains.map((d) => [d.name, d.account]));

  const grantsByProduct = new Map<string, GrantConfig[]>();
  for (const grant of mesh.grants) {
    if (grant.consumer !== consumer.name) continue;
    grantsByProduct.set(grant.product, [...(grantsByProduct.get(grant.product) ?? []), grant]);
  }
  return [...grantsByProduct.keys()].sort().map((name) => {
    const product = products.get(name)!;
    return {
      product: name,
      domain: product.domain,
      databaseName: product.databaseName,
      catalogId: mesh.governance.sharing === 'central-catalog' ? mesh.governance.account : domainAccount.get(product.domain)!,
      region: mesh.region,
      contractId: product.contract.id,
      contractVersion: product.contract.version,
      grants: grantsByProduct.get(name)!.map(({ role, purpose, requestedBy, approvedBy, expires }) => ({
        role,
        purpose,
        requestedBy,
        approvedBy,
        expires,
      })),
    };
  });
}
