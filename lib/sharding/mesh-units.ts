/**
 * Every stack group of a mesh and the units it holds, with their estimated sizes: pure, from the
 * validated `MeshConfig`, in canonical order (sorted names, each unit after what it depends on).
 */
import { ConsumerConfig, DomainConfig, GrantConfig, MeshConfig, ProductConfig } from '../config/model';
import { catalogEntryIdLengths, centralProductSize, domainProductSize, registrationSize } from './catalog-units';
import { DATA_LAKE_SETTINGS, PRODUCT_POLICY_BYTES, productPolicyCount, RAM_ACCEPTANCE, SizeTally, TEMPLATE_SKELETON } from './estimate';
import { grantUnitSize } from './grant-units';
import { linkUnitSize } from './link-units';
import { compareKeys, groupKeys, ShardSize, ShardUnit, ShardUnitKind, StackGroupUnits, unitKeys } from './model';

/** A domain stack's fixed resources: key, two buckets and their policies, registration role, policy and location, tags. */
const DOMAIN_BASE = { resources: 12, bytes: 22_000 };
/** Bytes a product adds to its domain stack's shard 1 wherever it lives: bucket policy and lifecycle rule, registration policy, `product` tag value. */
const DOMAIN_BYTES_PER_PRODUCT = 1100;
/** …and per producer role: its IAM policy's statements on the product. */
const DOMAIN_BYTES_PER_PRODUCT_AND_PRODUCER = 350;
/** An LF-Tag resource without its values. */
const TAG_BYTES = 450;
/** A value in a tag's or the RAM acceptance's list: quotes, comma, newline and indent. */
const LIST_ITEM_BYTES = 10;

/** The stack groups of `mesh`: governance, then domains, then consumers, each sorted by name. */
export function meshStackGroups(mesh: MeshConfig): StackGroupUnits[] {
  const index = new MeshIndex(mesh);
  return [governanceGroup(mesh, index), ...mesh.domains.map((domain) => domainGroup(mesh, domain, index)), ...mesh.consumers.map((consumer) => consumerGroup(mesh, consumer, index))];
}

function governanceGroup(mesh: MeshConfig, index: MeshIndex): StackGroupUnits {
  const first = new SizeTally().add(TEMPLATE_SKELETON).add(DATA_LAKE_SETTINGS);
  const keys = Object.keys(mesh.governance.tags).length + 2;
  first.resources += keys;
  first.bytes += keys * TAG_BYTES;
  for (const values of Object.values(mesh.governance.tags)) first.bytes += values.reduce((sum, value) => sum + value.length + LIST_ITEM_BYTES, 0);
  for (const domain of mesh.domains) {
    first.bytes += domain.name.length + LIST_ITEM_BYTES;
    for (const product of domain.products) first.bytes += product.name.length + LIST_ITEM_BYTES;
  }
  const units: ShardUnit[] = [];
  if (mesh.governance.sharing === 'central-catalog') {
    for (const domain of mesh.domains) {
      const registration = unitKeys.registration(domain.name);
      units.push(lazyUnit(registration, 'registration', undefined, () => registrationSize(domain)));
      for (const product of domain.products) {
        const context = { meshName: mesh.name, catalogId: mesh.governance.account, domain };
        units.push(lazyUnit(unitKeys.product(product.qualifiedName), 'product', registration, () => centralProductSize(product, context)));
        const prefix = `Governance/Domain-${domain.name}/Product-${product.name}`;
        units.push(...grantUnits(mesh, index, product, mesh.governance.account, () => catalogEntryIdLengths(product, prefix)));
      }
    }
  }
  return { key: groupKeys.governance(), kind: 'governance', name: mesh.name, firstShardOverhead: first.size, laterShardOverhead: TEMPLATE_SKELETON, units };
}

function domainGroup(mesh: MeshConfig, domain: DomainConfig, index: MeshIndex): StackGroupUnits {
  const first = new SizeTally().add(TEMPLATE_SKELETON).add(DATA_LAKE_SETTINGS).add(DOMAIN_BASE);
  // Each producer's policy (inline, or managed ones past the inline cap) and the registration's
  // policies past the first (constructs/domain/product-policies.ts).
  const policies = productPolicyCount(domain.products.length);
  const extraPolicies = policies - 1 + domain.producers.length * policies;
  first.resources += extraPolicies;
  first.bytes += extraPolicies * PRODUCT_POLICY_BYTES;
  first.bytes += domain.products.length * (DOMAIN_BYTES_PER_PRODUCT + DOMAIN_BYTES_PER_PRODUCT_AND_PRODUCER * domain.producers.length);
  const units: ShardUnit[] = [];
  for (const product of domain.products) {
    const key = unitKeys.product(product.qualifiedName);
    units.push(lazyUnit(key, 'product', undefined, () => domainProductSize(product, { meshName: mesh.name, catalogId: domain.account, domain })));
    if (mesh.governance.sharing === 'producer-direct') {
      units.push(...grantUnits(mesh, index, product, domain.account, () => catalogEntryIdLengths(product, `Domain/Product-${product.name}`)));
    }
  }
  return { key: groupKeys.domain(domain.name), kind: 'domain', name: domain.name, firstShardOverhead: first.size, laterShardOverhead: TEMPLATE_SKELETON, units };
}

function consumerGroup(mesh: MeshConfig, consumer: ConsumerConfig, index: MeshIndex): StackGroupUnits {
  const acceptance = !mesh.governance.organization;
  const first = new SizeTally().add(TEMPLATE_SKELETON).add(DATA_LAKE_SETTINGS);
  const later = new SizeTally().add(TEMPLATE_SKELETON);
  if (acceptance) {
    first.add(RAM_ACCEPTANCE);
    later.add(RAM_ACCEPTANCE);
  }
  const units: ShardUnit[] = [];
  for (const [productName, grants] of index.grantsOfConsumer(consumer.name)) {
    const product = index.product(productName);
    if (acceptance) first.bytes += product.databaseName.length + LIST_ITEM_BYTES;
    const catalogId = mesh.governance.sharing === 'central-catalog' ? mesh.governance.account : index.domain(product.domain).account;
    units.push(lazyUnit(unitKeys.link(productName), 'link', undefined, () => linkUnitSize({ product, catalogId, consumer, grants })));
  }
  return { key: groupKeys.consumer(consumer.name), kind: 'consumer', name: consumer.name, firstShardOverhead: first.size, laterShardOverhead: later.size, units };
}

/** One unit per consumer holding grants on `product`, after the product's own unit. */
function grantUnits(mesh: MeshConfig, index: MeshIndex, product: ProductConfig, catalogId: string, productIds: () => readonly number[]): ShardUnit[] {
  let productIdLengths: readonly number[] | undefined;
  const after = unitKeys.product(product.qualifiedName);
  return [...index.grantsOnProduct(product.qualifiedName)].map(([consumerName, grants]) =>
    lazyUnit(unitKeys.grant(product.qualifiedName, consumerName), 'grant', after, () =>
      grantUnitSize({
        product,
        catalogId,
        consumer: index.consumer(consumerName),
        grants,
        restrictedClassification: mesh.governance.restrictedClassification,
        productIdLengths: (productIdLengths ??= productIds()),
      }),
    ),
  );
}

/** A unit whose size is estimated when first asked for: a plan that only appends to a known state needs few. */
function lazyUnit(key: string, kind: ShardUnitKind, after: string | undefined, estimate: () => ShardSize): ShardUnit {
  let size: ShardSize | undefined;
  return {
    key,
    kind,
    ...(after === undefined ? {} : { after }),
    get size() {
      return (size ??= estimate());
    },
  };
}

/** Lookups the groups share, built once per mesh. */
class MeshIndex {
  private readonly products = new Map<string, ProductConfig>();
  private readonly domains = new Map<string, DomainConfig>();
  private readonly consumers = new Map<string, ConsumerConfig>();
  /** product → consumer → grants, and consumer → product → grants, both sorted by key. */
  private readonly byProduct = new Map<string, Map<string, GrantConfig[]>>();
  private readonly byConsumer = new Map<string, Map<string, GrantConfig[]>>();

  constructor(mesh: MeshConfig) {
    for (const domain of mesh.domains) {
      this.domains.set(domain.name, domain);
      for (const product of domain.products) this.products.set(product.qualifiedName, product);
    }
    for (const consumer of mesh.consumers) this.consumers.set(consumer.name, consumer);
    for (const grant of [...mesh.grants].sort((a, b) => compareKeys(a.product, b.product) || compareKeys(a.consumer, b.consumer) || compareKeys(a.role, b.role))) {
      append(this.byProduct, grant.product, grant.consumer, grant);
      append(this.byConsumer, grant.consumer, grant.product, grant);
    }
  }

  product(name: string): ProductConfig {
    return this.products.get(name)!;
  }

  domain(name: string): DomainConfig {
    return this.domains.get(name)!;
  }

  consumer(name: string): ConsumerConfig {
    return this.consumers.get(name)!;
  }

  grantsOnProduct(product: string): ReadonlyMap<string, GrantConfig[]> {
    return this.byProduct.get(product) ?? new Map();
  }

  grantsOfConsumer(consumer: string): ReadonlyMap<string, GrantConfig[]> {
    return this.byConsumer.get(consumer) ?? new Map();
  }
}

function append(index: Map<string, Map<string, GrantConfig[]>>, outer: string, inner: string, grant: GrantConfig): void {
  let byInner = index.get(outer);
  if (byInner === undefined) index.set(outer, (byInner = new Map()));
  const list = byInner.get(inner);
  if (list === undefined) byInner.set(inner, [grant]);
  else list.push(grant);
}
