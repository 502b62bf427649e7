/** Checks on a deploy dependency graph, shared by the planner and template tests. */

export interface Graph {
  /** Ids in a topological order (dependencies first). */
  readonly order: readonly string[];
  /** id -> ids it depends on. */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
}

/** Ids `id` waits for, directly or not. */
export function ancestors(graph: Graph, id: string): Set<string> {
  const seen = new Set<string>();
  const pending = [...(graph.dependencies.get(id) ?? [])];
  while (pending.length > 0) {
    const next = pending.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(graph.dependencies.get(next) ?? []));
  }
  return seen;
}

/**
 * Deploys like CloudFormation (each resource starts as soon as its dependencies finished) with the
 * given durations, and returns the largest number of resources in flight at once.
 */
export function peakInFlight(graph: Graph, duration: (id: string) => number): number {
  const start = new Map<string, number>();
  const finish = new Map<string, number>();
  for (const id of graph.order) {
    const begin = Math.max(0, ...(graph.dependencies.get(id) ?? []).map((dep) => finish.get(dep) ?? Infinity));
    start.set(id, begin);
    finish.set(id, begin + duration(id));
  }
  let peak = 0;
  for (const id of graph.order) {
    const at = start.get(id) as number;
    const inFlight = graph.order.filter((other) => (start.get(other) as number) <= at && at < (finish.get(other) as number));
    peak = Math.max(peak, inFlight.length);
  }
  return peak;
}

/** True when one of the two ids waits for the other. */
export function ordered(graph: Graph, a: string, b: string): boolean {
  return ancestors(graph, a).has(b) || ancestors(graph, b).has(a);
}
