/**
 * Drops the `DependsOn` entries of a stack that other entries already imply. CloudFormation orders
 * creates and deletes by the transitive closure of `DependsOn`, so removing an entry that is
 * reachable through another one changes no deploy order; it only makes templates smaller and
 * cheaper to validate (aws-cdk-lib's template validation costs grow with `DependsOn` entries).
 * lakemesh's own constructs add no such entries (minimal-dependencies.ts); this pass catches those
 * of constructs composed by hand, at the end of the synth.
 */
import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DependencyGraph, rendered } from './minimal-dependencies';

/**
 * Removes every `DependsOn` entry of `stack`'s resources that is implied by another entry of the
 * same resource (A → C when A → B → C). Call it after the app is prepared (construct dependencies
 * are resource dependencies by then), e.g. from a stack synthesizer. Entries of a resource that
 * reaches a cycle are left as they are (CloudFormation will refuse it with its own message).
 * @returns how many entries were removed
 */
export function removeImpliedDependencies(stack: Stack): number {
  const graph = new DependencyGraph(stack);
  let removed = 0;
  for (const resource of synthesizedResources(stack)) {
    const targets = resource
      .obtainDependencies()
      .filter((target): target is CfnResource => CfnResource.isCfnResource(target) && Stack.of(target) === stack && rendered(target));
    // Removing an implied entry leaves what every resource reaches as it was: the graph stays right.
    const kept = new Set(graph.withoutImplied(resource, targets));
    for (const target of targets) {
      if (kept.has(target)) continue;
      resource.removeResourceDependency(target);
      removed++;
    }
  }
  return removed;
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
