/**
 * Resource-level dependencies on constructs, without the entries that others imply.
 *
 * `grant.node.addDependency(product)` makes aws-cdk-lib add a `DependsOn` entry from the grant to
 * every resource of the product when it prepares the app, and most of them are implied by the others
 * (the table tags wait for the table, which waits for the database). Each entry is a token that every
 * later pass (reference search, template rendering, compliance checks) resolves again, and
 * `removeImpliedDependencies` drops them only at the end: on a large mesh a quarter of the synth.
 * `addMinimalDependencies` adds the resource dependencies that are not implied instead, before the
 * app is prepared, giving the same deploy order.
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import { Dependable, IConstruct, IDependable } from 'constructs';

/** Dependencies recorded by `deferDependencies` and not added yet. */
const pendingDependencies = new WeakMap<CfnResource, IDependable[]>();

/**
 * Records that `resource` must deploy after every resource of `dependsOn`, to be added by
 * `addMinimalDependencies`. Until then `dependencyTargets` counts them already.
 */
export function deferDependencies(resource: CfnResource, dependsOn: readonly IDependable[]): void {
  if (dependsOn.length === 0) return;
  pendingDependencies.set(resource, [...(pendingDependencies.get(resource) ?? []), ...dependsOn]);
}

/**
 * Adds the deferred dependencies of `resources` (all in `stack`) as `DependsOn` entries, leaving
 * out a resource that another one it depends on already waits for. A dependable with resources in
 * another stack (or one left out of the template) is added with `node.addDependency`, as before,
 * for aws-cdk-lib to handle. Call it once every resource and construct dependency of the stack
 * exists (a late aspect).
 */
export function addMinimalDependencies(stack: Stack, resources: readonly CfnResource[]): void {
  const graph = new DependencyGraph(stack);
  const edges: Array<[CfnResource, CfnResource[]]> = [];
  for (const resource of new Set(resources)) {
    const targets: CfnResource[] = [];
    for (const dependable of pendingDependencies.get(resource) ?? []) {
      const resourcesOf = graph.resourcesOf(dependable);
      if (resourcesOf === undefined) resource.node.addDependency(dependable);
      else targets.push(...resourcesOf);
    }
    edges.push([resource, graph.withoutImplied(resource, targets)]);
  }
  // Added only now: while choosing, the graph counted every pending dependency already.
  for (const [resource, targets] of edges) {
    for (const target of targets) resource.addResourceDependency(target);
    pendingDependencies.delete(resource);
  }
}

/**
 * The deploy-order graph of a stack as aws-cdk-lib will build it: resource dependencies, construct
 * dependencies of each resource and its ancestors (every resource of the target), and the deferred
 * dependencies.
 */
export class DependencyGraph {
  private readonly resourcesByConstruct = new Map<IConstruct, CfnResource[] | undefined>();
  private readonly direct = new Map<CfnResource, CfnResource[]>();
  /** Small numbers for the resources met, so that closures are bit sets. */
  private readonly indexes = new Map<CfnResource, number>();
  /**
   * What each resource deploys after, transitively, as a bit set of indexes; `undefined` for a
   * resource on a cycle. Bit sets, because on a chain of serialized writes every closure holds
   * most of the stack: sets of objects made this quadratic part a tenth of a large synth.
   */
  private readonly closures = new Map<CfnResource, Uint32Array | undefined>();

  constructor(private readonly stack: Stack) {}

  /**
   * The resources a dependency on `dependable` orders after, or undefined when one of them is not a
   * rendered resource of this stack (aws-cdk-lib must see that dependency itself).
   */
  public resourcesOf(dependable: IDependable): CfnResource[] | undefined {
    const resources: CfnResource[] = [];
    for (const root of Dependable.of(dependable).dependencyRoots) {
      const under = this.resourcesUnder(root);
      if (under === undefined) return undefined;
      resources.push(...under);
    }
    return resources;
  }

  /**
   * `targets` (deduplicated, in order) without those that another target, or another dependency
   * `resource` has already, deploys after.
   */
  public withoutImplied(resource: CfnResource, targets: readonly CfnResource[]): CfnResource[] {
    const unique = [...new Set(targets)];
    const others = [...new Set([...unique, ...this.directDependencies(resource)])];
    const closures = others.map((other) => this.closure(other));
    // On a cycle nothing can be called implied: CloudFormation will refuse the template anyway.
    if (closures.some((closure) => closure === undefined)) return unique;
    return unique.filter((target) => {
      const index = this.indexOf(target);
      return !closures.some((closure) => hasBit(closure!, index));
    });
  }

  private resourcesUnder(root: IConstruct): CfnResource[] | undefined {
    if (this.resourcesByConstruct.has(root)) return this.resourcesByConstruct.get(root);
    let resources: CfnResource[] | undefined = [];
    for (const construct of root.node.findAll()) {
      if (!CfnResource.isCfnResource(construct)) continue;
      if (Stack.of(construct) !== this.stack || !rendered(construct)) {
        resources = undefined;
        break;
      }
      resources.push(construct);
    }
    this.resourcesByConstruct.set(root, resources);
    return resources;
  }

  /** Read once per resource: the graph is built for one pass over a stack that does not change meanwhile. */
  private directDependencies(resource: CfnResource): CfnResource[] {
    let targets = this.direct.get(resource);
    if (targets === undefined) {
      targets = dependencyTargets(resource, (dependable) => this.resourcesOf(dependable));
      this.direct.set(resource, targets);
    }
    return targets;
  }

  private indexOf(resource: CfnResource): number {
    let index = this.indexes.get(resource);
    if (index === undefined) this.indexes.set(resource, (index = this.indexes.size));
    return index;
  }

  /** Iterative depth-first search: chains of hundreds of serialized writes must not overflow the stack. */
  private closure(start: CfnResource): Uint32Array | undefined {
    if (this.closures.has(start)) return this.closures.get(start);
    this.indexOf(start);
    const onPath = new Set<CfnResource>([start]);
    const path: Array<{ resource: CfnResource; targets: CfnResource[]; next: number }> = [
      { resource: start, targets: this.directDependencies(start), next: 0 },
    ];
    while (path.length > 0) {
      const frame = path[path.length - 1];
      if (frame.next < frame.targets.length) {
        const target = frame.targets[frame.next++];
        this.indexOf(target);
        if (onPath.has(target)) {
          for (const { resource } of path) this.closures.set(resource, undefined);
          return undefined;
        }
        if (!this.closures.has(target)) {
          onPath.add(target);
          path.push({ resource: target, targets: this.directDependencies(target), next: 0 });
        }
        continue;
      }
      // Every resource reached so far has an index, so the set fits what is indexed now.
      let closure: Uint32Array | undefined = new Uint32Array((this.indexes.size + 31) >>> 5);
      for (const target of frame.targets) {
        const further = this.closures.get(target);
        if (further === undefined) {
          closure = undefined;
          break;
        }
        setBit(closure, this.indexOf(target));
        for (let word = 0; word < further.length; word++) closure[word] |= further[word];
      }
      this.closures.set(frame.resource, closure);
      onPath.delete(frame.resource);
      path.pop();
    }
    return this.closures.get(start);
  }
}

function setBit(bits: Uint32Array, index: number): void {
  bits[index >>> 5] |= 1 << (index & 31);
}

function hasBit(bits: Uint32Array, index: number): boolean {
  const word = index >>> 5;
  return word < bits.length && (bits[word] & (1 << (index & 31))) !== 0;
}

/**
 * The rendered resources of `resource`'s stack that it deploys after directly: its resource
 * dependencies (deferred ones too), and every resource of the construct dependencies of itself and its ancestors (as
 * aws-cdk-lib adds them when it prepares the app). `resourcesOf` may cache; undefined leaves a
 * dependable out.
 */
export function dependencyTargets(
  resource: CfnResource,
  resourcesOf: (dependable: IDependable) => readonly CfnResource[] | undefined = cachedResourcesUnder(),
): CfnResource[] {
  const stack = Stack.of(resource);
  const targets = resource.obtainDependencies().filter((target): target is CfnResource => CfnResource.isCfnResource(target));
  for (const dependable of pendingDependencies.get(resource) ?? []) targets.push(...(resourcesOf(dependable) ?? []));
  for (let scope: IConstruct | undefined = resource; scope !== undefined && scope !== stack; scope = scope.node.scope) {
    for (const dependable of scope.node.dependencies) targets.push(...(resourcesOf(dependable) ?? []));
  }
  return targets.filter((target) => target !== resource && Stack.of(target) === stack && rendered(target));
}

/** Every resource under `dependable`'s roots, found once per root. */
export function cachedResourcesUnder(): (dependable: IDependable) => CfnResource[] {
  const byRoot = new Map<IConstruct, CfnResource[]>();
  return (dependable) =>
    Dependable.of(dependable).dependencyRoots.flatMap((root) => {
      let resources = byRoot.get(root);
      if (resources === undefined) byRoot.set(root, (resources = root.node.findAll().filter(CfnResource.isCfnResource)));
      return resources;
    });
}

/** Whether aws-cdk-lib writes the resource to the template (`shouldSynthesize` is protected; only read). */
export function rendered(resource: CfnResource): boolean {
  return (resource as unknown as { shouldSynthesize(): boolean }).shouldSynthesize();
}
