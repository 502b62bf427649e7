/**
 * What one consumer is granted, product by product, as its consumer stack needs it: where the
 * target database lives and the grants behind it.
 */
import { ConsumedProduct } from '../../constructs/consumer/consumed-product';
import { ConsumerConfig, GrantConfig, MeshConfig, ProductConfig } from '../config/model';

/** The products `consumer` holds grants on, sorted by qualified name. */
export function consumedProducts(mesh: MeshConfig, consumer: ConsumerConfig): (ConsumedProduct & { readonly domain: string })[] {
  return [...(consumedByConsumer(mesh).get(consumer.name) ?? [])];
}

/** Every consumer's products, worked out in one pass over the grants per mesh (a mesh has thousands). */
const indexes = new WeakMap<MeshConfig, Map<string, (ConsumedProduct & { readonly domain: string })[]>>();

function consumedByConsumer(mesh: MeshConfig): Map<string, (ConsumedProduct & { readonly domain: string })[]> {
  const cached = indexes.get(mesh);
  if (cached) return cached;
  const products = new Map<string, ProductConfig>();
  for (const domain of mesh.domains) for (const product of domain.products) products.set(product.qualifiedName, product);
  const domainAccount = new Map(mesh.domains.map((d) => [d.name, d.account]));
  const grantsByConsumer = new Map<string, Map<string, GrantConfig[]>>();
  for (const grant of mesh.grants) {
    let byProduct = grantsByConsumer.get(grant.consumer);
    if (!byProduct) grantsByConsumer.set(grant.consumer, (byProduct = new Map()));
    const grants = byProduct.get(grant.product);
    if (grants) grants.push(grant);
    else byProduct.set(grant.product, [grant]);
  }
  const index = new Map<string, (ConsumedProduct & { readonly domain: string })[]>();
  for (const [consumer, grantsByProduct] of grantsByConsumer) {
    index.set(
      consumer,
      [...grantsByProduct.keys()].sort().map((name) => {
        const product = products.get(name)!;
        return {
          product: name,
          domain: product.domain,
          databaseName: product.databaseName,
          catalogId: mesh.governance.sharing === 'central-catalog' ? mesh.governance.account : domainAccount.get(product.domain)!,
          region: mesh.region,
          contractId: product.contract.id,
          contractVersion: product.contract.version,
          grants: grantsByProduct.get(name)!.map(({ role, purpose, requestedBy, approvedBy, expires }) => ({ role, purpose, requestedBy, approvedBy, expires })),
        };
      }),
    );
  }
  indexes.set(mesh, index);
  return index;
}
