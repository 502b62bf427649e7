/**
 * The longest chain of Lake Formation writes that must run one after another at deploy.
 *
 * In one stack, CloudFormation starts a resource once everything it depends on is done: its
 * `DependsOn` and the resources its properties reference (`Ref`, `Fn::GetAtt`, `Fn::Sub`). The
 * chain is the longest path through that graph counting only Lake Formation writes (resources in
 * between count zero). Across stacks, a stack starts once the stacks it depends on are deployed, so
 * the chains of dependent stacks add up: the mesh figure is the longest path through the stack
 * graph weighted by each stack's own chain. That is an upper bound only in that it assumes a
 * stack's longest chain ends its deploy, which holds when Lake Formation writes dominate.
 *
 * (`longestChain` in lib/plan/deploy-order.ts counts every node of a plan it built itself; here
 * the graph comes from templates and has zero-weight nodes, hence this separate walk.)
 */
import { DATA_LAKE_SETTINGS_RESOURCE_TYPE } from '../constructs/lake-formation/data-lake-settings';

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: unknown;
  readonly DependsOn?: string | readonly string[];
}

/** Resource types whose create calls Lake Formation: its own types and lakemesh's settings custom resource. */
export function isLakeFormationWrite(type: string): boolean {
  return type.startsWith('AWS::LakeFormation::') || type === DATA_LAKE_SETTINGS_RESOURCE_TYPE;
}

/** Logical id → the logical ids of the resources it waits for. */
export function resourceDependencies(resources: Readonly<Record<string, TemplateResource>>): Map<string, Set<string>> {
  const dependencies = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(resources)) {
    const found = new Set<string>();
    const dependsOn = resource.DependsOn;
    for (const target of dependsOn === undefined ? [] : typeof dependsOn === 'string' ? [dependsOn] : dependsOn) found.add(target);
    collectReferences(resource.Properties, found);
    for (const target of found) if (!(target in resources) || target === id) found.delete(target);
    dependencies.set(id, found);
  }
  return dependencies;
}

/** The most Lake Formation writes on one dependency path of a template. */
export function longestLakeFormationChain(resources: Readonly<Record<string, TemplateResource>>): number {
  const weights = new Map(Object.entries(resources).map(([id, r]) => [id, isLakeFormationWrite(r.Type) ? 1 : 0]));
  return longestWeightedPath(resourceDependencies(resources), weights);
}

export interface StackChain {
  readonly id: string;
  /** The stack's own longest chain. */
  readonly chain: number;
  /** Ids of the stacks deployed before this one. */
  readonly dependencies: readonly string[];
}

/** The longest chain across stacks: chains of stacks that deploy one after another add up. */
export function longestChainAcrossStacks(stacks: readonly StackChain[]): number {
  const ids = new Set(stacks.map((stack) => stack.id));
  const dependencies = new Map(stacks.map((stack) => [stack.id, new Set(stack.dependencies.filter((d) => ids.has(d)))]));
  return longestWeightedPath(dependencies, new Map(stacks.map((stack) => [stack.id, stack.chain])));
}

/**
 * Heaviest path in a DAG given as node → dependencies (Kahn's order, no recursion: chains of
 * thousands of resources would overflow the call stack).
 * @throws Error when the graph has a cycle (CloudFormation would refuse such a template)
 */
export function longestWeightedPath(dependencies: ReadonlyMap<string, ReadonlySet<string>>, weights: ReadonlyMap<string, number>): number {
  const waiting = new Map<string, number>();
  const dependents = new Map<string, string[]>();
  for (const [id, deps] of dependencies) {
    waiting.set(id, deps.size);
    for (const dep of deps) {
      const list = dependents.get(dep);
      if (list) list.push(id);
      else dependents.set(dep, [id]);
    }
  }
  const ready = [...dependencies.keys()].filter((id) => waiting.get(id) === 0);
  const heaviest = new Map<string, number>();
  let longest = 0;
  let done = 0;
  while (ready.length > 0) {
    const id = ready.pop()!;
    done++;
    let before = 0;
    for (const dep of dependencies.get(id)!) before = Math.max(before, heaviest.get(dep)!);
    const own = before + (weights.get(id) ?? 0);
    heaviest.set(id, own);
    longest = Math.max(longest, own);
    for (const next of dependents.get(id) ?? []) {
      const left = waiting.get(next)! - 1;
      waiting.set(next, left);
      if (left === 0) ready.push(next);
    }
  }
  if (done < dependencies.size) {
    const stuck = [...waiting].filter(([, left]) => left > 0).map(([id]) => id);
    throw new Error(`dependency cycle among ${stuck.slice(0, 5).join(', ')}${stuck.length > 5 ? ', …' : ''}; a deployable template has none`);
  }
  return longest;
}

/** Adds every resource named by `Ref`, `Fn::GetAtt` or a `${Name}` in `Fn::Sub` within `value`. */
function collectReferences(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectReferences(item, found);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'Ref' && typeof inner === 'string') found.add(inner);
    else if (key === 'Fn::GetAtt' && Array.isArray(inner) && typeof inner[0] === 'string') found.add(inner[0]);
    else if (key === 'Fn::GetAtt' && typeof inner === 'string') found.add(inner.split('.')[0]);
    else if (key === 'Fn::Sub') {
      const text = Array.isArray(inner) ? inner[0] : inner;
      if (typeof text === 'string') for (const match of text.matchAll(/\$\{([^!}][^}.]*)(?:\.[^}]*)?\}/g)) found.add(match[1]);
      if (Array.isArray(inner)) collectReferences(inner[1], found);
    } else collectReferences(inner, found);
  }
}
