/**
 * Deploy order for Lake Formation writes in one stack. Parallel Lake Formation writes fail with
 * `ConcurrentModificationException`, which CloudFormation does not retry, so:
 *
 * (a) writes sharing a key (a principal, a table, a database) are chained: each depends on the
 *     previous one with that key;
 * (b) at most `maxConcurrency` writes are in flight: in the sorted order, write i depends on write
 *     i − N, so the writes of each residue class mod N form one lane and each lane runs one at a time.
 *
 * Pure and deterministic: the order is by (stage, id), whatever order the input comes in.
 */
import { LakemeshError } from '../errors';
import { GRANT_CODES } from './grant-codes';

/**
 * At most this many Lake Formation writes of one stack deploy at once, unless configured.
 * Small enough to stay clear of Lake Formation's low per-account write rates, large enough that a
 * mesh of thousands of grants does not deploy strictly one by one.
 */
export const DEFAULT_MAX_CONCURRENCY = 5;

export interface DeployNode {
  /** Unique id; the logical ID of the resource. */
  readonly id: string;
  /** Keys this write touches (principal, table, database); writes sharing a key never overlap. */
  readonly keys: readonly string[];
  /**
   * Writes of a lower stage come first, so that explicit dependencies (a grant on its filter) point
   * the same way as the chains. @default 0
   */
  readonly stage?: number;
}

/** `from` depends on `to` (`to` deploys first). */
export interface DeployEdge {
  readonly from: string;
  readonly to: string;
}

export interface DeployPlan {
  /** Ids in deploy order. */
  readonly order: readonly string[];
  /** Dependencies to add, sorted by (from, to); every edge points backwards in `order`. */
  readonly edges: readonly DeployEdge[];
}

export function planDeployOrder(nodes: readonly DeployNode[], maxConcurrency: number): DeployPlan {
  assertMaxConcurrency(maxConcurrency);
  const sorted = [...nodes].sort(compareNodes);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) {
      throw new Error(`deploy node "${sorted[i].id}" appears twice; ids must be unique`);
    }
  }
  const lastByKey = new Map<string, string>();
  const edges: DeployEdge[] = [];
  sorted.forEach((node, index) => {
    const dependencies = new Set<string>();
    for (const key of node.keys) {
      const previous = lastByKey.get(key);
      if (previous !== undefined) dependencies.add(previous);
    }
    if (index >= maxConcurrency) dependencies.add(sorted[index - maxConcurrency].id);
    for (const to of [...dependencies].sort(compareStrings)) edges.push({ from: node.id, to });
    for (const key of node.keys) lastByKey.set(key, node.id);
  });
  edges.sort((a, b) => compareStrings(a.from, b.from) || compareStrings(a.to, b.to));
  return { order: sorted.map((node) => node.id), edges };
}

/** Number of writes on the longest dependency chain: the deploy time in units of one write. */
export function longestChain(plan: DeployPlan): number {
  const dependencies = new Map<string, string[]>();
  for (const edge of plan.edges) {
    const list = dependencies.get(edge.from) ?? [];
    list.push(edge.to);
    dependencies.set(edge.from, list);
  }
  const depth = new Map<string, number>();
  let longest = 0;
  for (const id of plan.order) {
    const before = (dependencies.get(id) ?? []).map((to) => depth.get(to) ?? 0);
    const own = 1 + Math.max(0, ...before);
    depth.set(id, own);
    longest = Math.max(longest, own);
  }
  return longest;
}

export function assertMaxConcurrency(maxConcurrency: number): void {
  if (!Number.isInteger(maxConcurrency) || maxConcurrency < 1) {
    throw LakemeshError.of(
      GRANT_CODES.invalidMaxConcurrency,
      `maxConcurrency is ${maxConcurrency}; it must be a whole number of at least 1 (default ${DEFAULT_MAX_CONCURRENCY})`,
      'maxConcurrency',
    );
  }
}

function compareNodes(a: DeployNode, b: DeployNode): number {
  return (a.stage ?? 0) - (b.stage ?? 0) || compareStrings(a.id, b.id);
}

/** Code-unit order, independent of locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
