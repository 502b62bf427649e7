/**
 * Drops the `DependsOn` entries of a stack that other entries already imply. A grant that depends
 * on a data product depends on each of its tables and tag associations, which depend on the
 * database already: most entries of a mesh template say again what another entry says. CloudFormation
 * orders creates and deletes by the transitive closure of `DependsOn`, so removing an entry that is
 * reachable through another one changes no deploy order; it only makes templates smaller and
 * cheaper to validate (aws-cdk-lib's template validation costs grow with `DependsOn` entries).
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Removes every `DependsOn` entry of `stack`'s resources that is implied by another entry of the
 * same resource (A → C when A → B → C). Call it after the app is prepared (construct dependencies
 * are resource dependencies by then), e.g. from a stack synthesizer. A stack whose `DependsOn`
 * edges form a cycle is left as it is (CloudFormation will refuse it with its own message).
 * @returns how many entries were removed
 */
export function removeImpliedDependencies(stack: Stack): number {
  const resources = synthesizedResources(stack);
  const inStack = new Set(resources);
  const dependencies = new Map<CfnResource, CfnResource[]>(
    resources.map((resource) => [
      resource,
      resource.obtainDependencies().filter((target): target is CfnResource => CfnResource.isCfnResource(target) && inStack.has(target)),
    ]),
  );
  const reachable = reachableSets(resources, dependencies);
  if (reachable === undefined) return 0;

  let removed = 0;
  for (const [resource, targets] of dependencies) {
    const implied = targets.filter((target) => targets.some((other) => other !== target && reachable.get(other)!.has(target)));
    for (const target of implied) resource.removeResourceDependency(target);
    removed += implied.length;
  }
  return removed;
}

/** What each resource reaches through `DependsOn`, or undefined when the edges form a cycle. */
function reachableSets(
  resources: readonly CfnResource[],
  dependencies: ReadonlyMap<CfnResource, readonly CfnResource[]>,
): Map<CfnResource, Set<CfnResource>> | undefined {
  const reachable = new Map<CfnResource, Set<CfnResource>>();
  const visiting = new Set<CfnResource>();
  // Iterative depth-first search: a chain of hundreds of serialized writes must not overflow the stack.
  for (const start of resources) {
    if (reachable.has(start)) continue;
    const path: Array<{ resource: CfnResource; next: number }> = [{ resource: start, next: 0 }];
    visiting.add(start);
    while (path.length > 0) {
      const frame = path[path.length - 1];
      const targets = dependencies.get(frame.resource)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (visiting.has(target)) return undefined;
        if (!reachable.has(target)) {
          visiting.add(target);
          path.push({ resource: target, next: 0 });
        }
        continue;
      }
      const closure = new Set<CfnResource>();
      for (const target of targets) {
        closure.add(target);
        for (const further of reachable.get(target)!) closure.add(further);
      }
      reachable.set(frame.resource, closure);
      visiting.delete(frame.resource);
      path.pop();
    }
  }
  return reachable;
}

/** The resources of `stack` itself that reach its template (not nested stacks' or stages'). */
function synthesizedResources(stack: Stack): CfnResource[] {
  const resources: CfnResource[] = [];
  const visit = (node: IConstruct) => {
    for (const child of node.node.children) {
      if (Stack.isStack(child)) continue;
      if (CfnResource.isCfnResource(child) && rendered(child)) resources.push(child);
      visit(child);
    }
  };
  visit(stack);
  return resources;
}

/**
 * Whether the resource is written to the template: some are left out (an `iam.Policy` without
 * statements), and so are their own `DependsOn` entries, so nothing may be implied through them.
 * `shouldSynthesize` is protected in aws-cdk-lib; it is read here, never overridden.
 */
function rendered(resource: CfnResource): boolean {
  return (resource as unknown as { shouldSynthesize(): boolean }).shouldSynthesize();
}
