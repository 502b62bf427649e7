import fc from 'fast-check';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Template } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { TemplateResource } from '../../bench/lf-chain';
import { logicalIdOf } from '../../lib/stacks/logical-id';
import { addMinimalDependencies, deferDependencies, dependencyTargets } from '../../lib/stacks/minimal-dependencies';
import { deploysAfter } from '../support/deploy-order';

function handle(scope: Construct, id: string): CfnResource {
  return new CfnResource(scope, id, { type: 'AWS::CloudFormation::WaitConditionHandle' });
}

function resourcesOf(stack: Stack): Record<string, TemplateResource> {
  return (Template.fromStack(stack, { skipCyclicalDependenciesCheck: true }).toJSON() as { Resources: Record<string, TemplateResource> }).Resources;
}

function dependsOnOf(stack: Stack): Record<string, string[]> {
  return Object.fromEntries(Object.entries(resourcesOf(stack)).map(([id, resource]) => [id, [...(resource.DependsOn ?? [])].sort()]));
}

function idOf(resource: CfnResource): string {
  return Stack.of(resource).resolve(resource.logicalId);
}

/** A product: a database, a table after it (construct dependency), the table's tags after the table. */
function product(stack: Stack): { scope: Construct; ids: string[] } {
  const scope = new Construct(stack, 'Product');
  const database = handle(scope, 'Database');
  const table = handle(scope, 'Table');
  table.node.addDependency(database);
  const tags = handle(scope, 'TableTags');
  tags.addResourceDependency(table);
  return { scope, ids: [idOf(database), idOf(table), idOf(tags)] };
}

describe('addMinimalDependencies', () => {
  test('a dependency on a construct becomes one entry per resource that nothing else implies', () => {
    const stack = new Stack(new App(), 'Stack');
    const { scope, ids } = product(stack);
    const grant = handle(stack, 'Grant');
    deferDependencies(grant, [scope]);
    addMinimalDependencies(stack, [grant]);
    const resources = resourcesOf(stack);
    expect(resources.Grant.DependsOn).toEqual([ids[2]]);
    expect(deploysAfter(resources, 'Grant')).toEqual([...ids].sort());
  });

  test('leaves out what a dependency the resource already has implies (the previous serialized write)', () => {
    const stack = new Stack(new App(), 'Stack');
    const { scope, ids } = product(stack);
    const first = handle(stack, 'First');
    const second = handle(stack, 'Second');
    deferDependencies(first, [scope]);
    deferDependencies(second, [first, scope]);
    addMinimalDependencies(stack, [first, second]);
    expect(dependsOnOf(stack).Second).toEqual(['First']);
    expect(deploysAfter(resourcesOf(stack), 'Second')).toEqual(['First', ...ids].sort());
  });

  test('a dependable in another stack stays a construct dependency, so the stacks are ordered', () => {
    const app = new App();
    const other = new Stack(app, 'Other');
    const remote = handle(other, 'Remote');
    const stack = new Stack(app, 'Stack');
    const grant = handle(stack, 'Grant');
    deferDependencies(grant, [remote]);
    addMinimalDependencies(stack, [grant]);
    app.synth();
    expect(stack.dependencies.map((dependency) => dependency.node.id)).toEqual(['Other']);
    expect(resourcesOf(stack).Grant.DependsOn).toBeUndefined();
  });

  test('a dependable holding a resource left out of the template is added as aws-cdk-lib would (an iam.Policy without statements)', () => {
    const stack = new Stack(new App(), 'Stack');
    const scope = new Construct(stack, 'Scope');
    new iam.Policy(scope, 'Empty');
    const kept = handle(scope, 'Kept');
    const grant = handle(stack, 'Grant');
    deferDependencies(grant, [scope]);
    addMinimalDependencies(stack, [grant]);
    expect(grant.node.dependencies).toEqual([scope]);
    expect(resourcesOf(stack).Grant.DependsOn).toEqual([idOf(kept)]);
  });

  test('on a cycle, keeps every target (nothing is implied; CloudFormation refuses the template itself)', () => {
    const stack = new Stack(new App(), 'Stack');
    const a = handle(stack, 'A');
    const b = handle(stack, 'B');
    a.addResourceDependency(b);
    b.addResourceDependency(a);
    const grant = handle(stack, 'Grant');
    deferDependencies(grant, [a, b]);
    addMinimalDependencies(stack, [grant]);
    expect(dependsOnOf(stack).Grant).toEqual(['A', 'B']);
  });

  test('adds each deferred dependency once, even when called again', () => {
    const stack = new Stack(new App(), 'Stack');
    const target = handle(stack, 'Target');
    const grant = handle(stack, 'Grant');
    deferDependencies(grant, [target]);
    addMinimalDependencies(stack, [grant]);
    addMinimalDependencies(stack, [grant]);
    expect(grant.obtainDependencies()).toEqual([target]);
  });

  test('gives every resource the deploy order node.addDependency gives (random graphs)', () => {
    // Resource i may depend on earlier resources directly, or on groups (constructs) of earlier ones.
    const specs = fc.array(
      fc.record({
        group: fc.nat({ max: 3 }),
        direct: fc.array(fc.nat({ max: 11 }), { maxLength: 3 }),
        deferred: fc.array(fc.oneof(fc.nat({ max: 11 }).map((n) => `R${n}`), fc.nat({ max: 3 }).map((n) => `G${n}`)), { maxLength: 3 }),
      }),
      { minLength: 1, maxLength: 12 },
    );
    const build = (items: Array<{ group: number; direct: number[]; deferred: string[] }>, minimal: boolean) => {
      const stack = new Stack(new App(), 'Stack');
      const groups = [0, 1, 2, 3].map((n) => new Construct(stack, `G${n}`));
      const resources: CfnResource[] = [];
      const deferred: CfnResource[] = [];
      items.forEach((item, index) => {
        const resource = handle(groups[item.group], `R${index}`);
        for (const target of item.direct) if (target < index) resource.addResourceDependency(resources[target]);
        // Only on earlier resources, or groups holding only earlier ones: an acyclic graph, as CloudFormation needs.
        const dependables = item.deferred.flatMap((name) => {
          if (name.startsWith('R')) return Number(name.slice(1)) < index ? [resources[Number(name.slice(1))]] : [];
          const group = groups[Number(name.slice(1))];
          return group.node.children.length > 0 && !items.slice(index).some((later) => `G${later.group}` === name) ? [group] : [];
        });
        if (minimal) deferDependencies(resource, dependables);
        else for (const dependable of dependables) resource.node.addDependency(dependable);
        resources.push(resource);
        deferred.push(resource);
      });
      if (minimal) addMinimalDependencies(stack, deferred);
      return resourcesOf(stack);
    };
    fc.assert(
      fc.property(specs, (items) => {
        const plain = build(items, false);
        const minimal = build(items, true);
        for (const id of Object.keys(plain)) {
          expect(deploysAfter(minimal, id)).toEqual(deploysAfter(plain, id));
          expect((minimal[id].DependsOn ?? []).length).toBeLessThanOrEqual((plain[id].DependsOn ?? []).length);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('dependencyTargets', () => {
  test('counts resource dependencies, deferred ones, and construct dependencies of the resource and its ancestors', () => {
    const stack = new Stack(new App(), 'Stack');
    const scope = new Construct(stack, 'Scope');
    const resource = handle(scope, 'Resource');
    const direct = handle(stack, 'Direct');
    const pending = handle(stack, 'Pending');
    const ofScope = handle(stack, 'OfScope');
    resource.addResourceDependency(direct);
    deferDependencies(resource, [pending]);
    scope.node.addDependency(ofScope);
    expect(dependencyTargets(resource).map((target) => target.node.id).sort()).toEqual(['Direct', 'OfScope', 'Pending']);
  });

  test('leaves out resources of other stacks', () => {
    const app = new App();
    const remote = handle(new Stack(app, 'Other'), 'Remote');
    const resource = handle(new Stack(app, 'Stack'), 'Resource');
    resource.node.addDependency(remote);
    expect(dependencyTargets(resource)).toEqual([]);
  });
});

describe('logicalIdOf', () => {
  test('is the logical ID the template uses: allocated, or overridden', () => {
    const stack = new Stack(new App(), 'Stack');
    const allocated = handle(new Construct(stack, 'Scope'), 'Handle');
    const overridden = handle(stack, 'Other');
    overridden.overrideLogicalId('ChosenId');
    expect(logicalIdOf(allocated)).toBe(idOf(allocated));
    expect(logicalIdOf(allocated)).toMatch(/^ScopeHandle[0-9A-F]{8}$/);
    expect(logicalIdOf(overridden)).toBe('ChosenId');
    expect(Object.keys(resourcesOf(stack)).sort()).toEqual(['ChosenId', logicalIdOf(allocated)].sort());
  });
});
