import fc from 'fast-check';
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Template } from 'aws-cdk-lib/assertions';
import { removeImpliedDependencies } from '../../lib/stacks/implied-dependencies';
import { LimitCheckingSynthesizer } from '../../lib/stacks/limit-checking-synthesizer';
import { SHARD_LIMITS } from '../../lib/sharding/limits';

type Edges = Record<string, readonly string[]>;

/** A stack of wait-condition handles named after the keys of `edges`, with those `DependsOn` edges. */
function stackWith(edges: Edges, stack = new Stack(new App(), 'Stack')): { stack: Stack; byId: Map<string, CfnResource> } {
  const byId = new Map<string, CfnResource>();
  for (const id of Object.keys(edges)) byId.set(id, new CfnResource(stack, id, { type: 'AWS::CloudFormation::WaitConditionHandle' }));
  for (const [id, targets] of Object.entries(edges)) for (const target of targets) byId.get(id)!.addResourceDependency(byId.get(target)!);
  return { stack, byId };
}

function dependsOn(byId: ReadonlyMap<string, CfnResource>): Record<string, string[]> {
  return Object.fromEntries(
    [...byId].map(([id, resource]) => [
      id,
      resource
        .obtainDependencies()
        .map((target) => target.node.id)
        .sort(),
    ]),
  );
}

/** Every resource each resource waits for, directly or not. */
function closure(edges: Readonly<Record<string, readonly string[]>>): Record<string, string[]> {
  const reach = (id: string, seen = new Set<string>()): Set<string> => {
    for (const target of edges[id] ?? []) {
      if (!seen.has(target)) {
        seen.add(target);
        reach(target, seen);
      }
    }
    return seen;
  };
  return Object.fromEntries(Object.keys(edges).map((id) => [id, [...reach(id)].sort()]));
}

describe('removeImpliedDependencies', () => {
  test('drops an entry that another entry implies (A → B → C makes A → C redundant)', () => {
    const { stack, byId } = stackWith({ A: ['B', 'C'], B: ['C'], C: [] });
    expect(removeImpliedDependencies(stack)).toBe(1);
    expect(dependsOn(byId)).toEqual({ A: ['B'], B: ['C'], C: [] });
  });

  test('keeps entries that nothing else implies (a diamond keeps both of its sides)', () => {
    const { stack, byId } = stackWith({ A: ['B', 'C'], B: ['D'], C: ['D'], D: [] });
    expect(removeImpliedDependencies(stack)).toBe(0);
    expect(dependsOn(byId)).toEqual({ A: ['B', 'C'], B: ['D'], C: ['D'], D: [] });
  });

  test('sees implications through long chains', () => {
    const { stack, byId } = stackWith({ A: ['B', 'E'], B: ['C'], C: ['D'], D: ['E'], E: [] });
    expect(removeImpliedDependencies(stack)).toBe(1);
    expect(dependsOn(byId).A).toEqual(['B']);
  });

  test('leaves a stack whose entries form a cycle as it is', () => {
    const { stack, byId } = stackWith({ A: ['B', 'C'], B: ['C'], C: ['A'] });
    expect(removeImpliedDependencies(stack)).toBe(0);
    expect(dependsOn(byId)).toEqual({ A: ['B', 'C'], B: ['C'], C: ['A'] });
  });

  test('implies nothing through a resource that is left out of the template (an iam.Policy without statements)', () => {
    const { stack, byId } = stackWith({ A: ['C'], C: [] });
    const omitted = new iam.Policy(stack, 'Empty').node.defaultChild as CfnResource;
    omitted.addResourceDependency(byId.get('C')!);
    byId.get('A')!.addResourceDependency(omitted);
    expect(removeImpliedDependencies(stack)).toBe(0);
    const template = Template.fromStack(stack).toJSON() as { Resources: Record<string, { DependsOn?: string[] }> };
    expect(template.Resources.A.DependsOn).toEqual(['C']);
  });

  test('leaves dependencies on other stacks alone', () => {
    const app = new App();
    const other = stackWith({ X: [] }, new Stack(app, 'Other'));
    const { stack, byId } = stackWith({ A: ['B'], B: [] }, new Stack(app, 'Stack'));
    byId.get('A')!.addResourceDependency(other.byId.get('X')!);
    byId.get('B')!.addResourceDependency(other.byId.get('X')!);
    expect(removeImpliedDependencies(stack)).toBe(0);
    expect(stack.dependencies.map((dependency) => dependency.node.id)).toEqual(['Other']);
  });

  test('keeps what every resource waits for and leaves no entry that another implies (random graphs)', () => {
    const graphs = fc
      .array(fc.array(fc.nat({ max: 11 }), { maxLength: 6 }), { minLength: 1, maxLength: 12 })
      // Edges only from later to earlier resources: an acyclic graph, as CloudFormation needs.
      .map((targets) => Object.fromEntries(targets.map((list, index) => [`R${index}`, [...new Set(list.filter((t) => t < index).map((t) => `R${t}`))]])));
    fc.assert(
      fc.property(graphs, (edges: Edges) => {
        const { stack, byId } = stackWith(edges);
        removeImpliedDependencies(stack);
        const after = dependsOn(byId);
        expect(closure(after)).toEqual(closure(edges));
        for (const [id, targets] of Object.entries(after)) {
          for (const target of targets) {
            const others = targets.filter((other) => other !== target);
            expect(others.some((other) => closure(after)[other].includes(target))).toBe(false);
          }
          expect(targets.every((target) => edges[id].includes(target))).toBe(true);
        }
      }),
    );
  });

  test('runs in every mesh stack: the synthesized template lists no implied entry', () => {
    const app = new App();
    const stack = new Stack(app, 'Mesh', { synthesizer: new LimitCheckingSynthesizer(SHARD_LIMITS) });
    stackWith({ Grant: ['Table', 'Database'], Table: ['Database'], Database: [] }, stack);
    const template = app.synth().getStackByName(stack.stackName).template as { Resources: Record<string, { DependsOn?: string[] }> };
    expect(template.Resources.Grant.DependsOn).toEqual(['Table']);
    expect(template.Resources.Table.DependsOn).toEqual(['Database']);
  });
});
