/**
 * The vocabulary of sharding. A **stack group** is what used to be one stack: the governance stack,
 * a domain's stack, a consumer's stack. When it would grow past the limits it becomes several
 * **shards**: shard 1 keeps the group's stack name and its fixed content (Lake Formation settings,
 * the tag ontology, the domain's bucket …); shards 2, 3 … are named `<stack>-2`, `<stack>-3` ….
 * What moves between shards is a **unit**: a set of resources that must stay together.
 *
 * Keys are plain strings so that the state file lists them readably:
 * - groups: `governance`, `domain/<domain>`, `consumer/<consumer>`
 * - units: `registration/<domain>` (the governance side of a domain's registration),
 *   `product/<domain>.<product>` (a product's catalog entry in the group's account),
 *   `grant/<domain>.<product>/<consumer>` (every grant of one consumer on one product, with their
 *   data cells filters), `link/<domain>.<product>` (a consumer's resource link to a product and
 *   the grants on it).
 */

export type StackGroupKind = 'governance' | 'domain' | 'consumer';
export type ShardUnitKind = 'registration' | 'product' | 'grant' | 'link';

/** Estimated size of a unit or a shard. Resources may be fractional where units share one (an access policy per ~15 links). */
export interface ShardSize {
  readonly resources: number;
  /** Template bytes as `cdk synth` writes them. */
  readonly bytes: number;
}

export interface ShardUnit {
  readonly key: string;
  readonly kind: ShardUnitKind;
  readonly size: ShardSize;
  /**
   * The unit this one needs in the same or an earlier shard (a grant needs its product, a product
   * its domain's registration): shards deploy one after the other, and a later shard may depend on
   * an earlier one only.
   */
  readonly after?: string;
}

export interface StackGroupUnits {
  readonly key: string;
  readonly kind: StackGroupKind;
  /** The domain or consumer name; the mesh name for the governance group. */
  readonly name: string;
  /** What shard 1 holds besides units (settings, tag ontology, bucket …). */
  readonly firstShardOverhead: ShardSize;
  /** What every later shard holds besides units (template skeleton, RAM acceptance …). */
  readonly laterShardOverhead: ShardSize;
  /** In canonical order: the order a first run packs them in, dependencies first. */
  readonly units: readonly ShardUnit[];
}

export const GOVERNANCE_GROUP = 'governance';

export const groupKeys = {
  governance: (): string => GOVERNANCE_GROUP,
  domain: (domain: string): string => `domain/${domain}`,
  consumer: (consumer: string): string => `consumer/${consumer}`,
};

export const unitKeys = {
  registration: (domain: string): string => `registration/${domain}`,
  /** `product` is the qualified name `<domain>.<product>`. */
  product: (product: string): string => `product/${product}`,
  grant: (product: string, consumer: string): string => `grant/${product}/${consumer}`,
  link: (product: string): string => `link/${product}`,
};

/** Code-unit order, like every lakemesh listing. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
