import fc from 'fast-check';
import { Graph, ordered, peakInFlight } from './deploy-graph';
import { LakemeshError } from '../../lib/errors';
import {
  DEFAULT_MAX_CONCURRENCY,
  DeployNode,
  DeployPlan,
  longestChain,
  planDeployOrder,
} from '../../lib/plan/deploy-order';

function graphOf(plan: DeployPlan): Graph {
  const dependencies = new Map<string, string[]>();
  for (const edge of plan.edges) dependencies.set(edge.from, [...(dependencies.get(edge.from) ?? []), edge.to]);
  return { order: plan.order, dependencies };
}

const nodesArbitrary = fc
  .uniqueArray(
    fc.record({
      id: fc.stringMatching(/^[A-Z][a-z0-9]{0,5}$/),
      keys: fc.uniqueArray(fc.constantFrom('p1', 'p2', 'p3', 't1', 't2', 't3', 't4'), { maxLength: 2 }),
      stage: fc.constantFrom(0, 1),
    }),
    { selector: (node) => node.id, maxLength: 40 },
  );

describe('planDeployOrder', () => {
  test('defaults to 5 writes at once', () => {
    expect(DEFAULT_MAX_CONCURRENCY).toBe(5);
  });

  test('chains writes sharing a key and bounds the lanes (concrete case)', () => {
    const nodes: DeployNode[] = [
      { id: 'D', keys: ['p1'] },
      { id: 'A', keys: ['p1', 't1'] },
      { id: 'C', keys: ['p2', 't1'] },
      { id: 'B', keys: ['p2'] },
      { id: 'E', keys: ['p3'] },
    ];
    expect(planDeployOrder(nodes, 2)).toEqual({
      order: ['A', 'B', 'C', 'D', 'E'],
      edges: [
        { from: 'C', to: 'A' },
        { from: 'C', to: 'B' },
        { from: 'D', to: 'A' },
        { from: 'D', to: 'B' },
        { from: 'E', to: 'C' },
      ],
    });
  });

  test('puts lower stages first', () => {
    expect(planDeployOrder([{ id: 'A', keys: [], stage: 1 }, { id: 'Z', keys: [], stage: 0 }], 5).order).toEqual(['Z', 'A']);
  });

  test('fails on a maxConcurrency below 1 or not whole', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) {
      let error: unknown;
      try {
        planDeployOrder([], bad);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(LakemeshError);
      expect((error as LakemeshError).message).toBe(
        `maxConcurrency: maxConcurrency is ${bad}; it must be a whole number of at least 1 (default 5) [LM399]`,
      );
    }
  });

  test('property: writes sharing a key are ordered (one reaches the other)', () => {
    fc.assert(
      fc.property(nodesArbitrary, fc.integer({ min: 1, max: 6 }), (nodes, n) => {
        const plan = planDeployOrder(nodes, n);
        for (const a of nodes) {
          for (const b of nodes) {
            if (a.id === b.id || !a.keys.some((key) => b.keys.includes(key))) continue;
            expect(ordered(graphOf(plan), a.id, b.id)).toBe(true);
          }
        }
      }),
    );
  });

  test('property: never more than maxConcurrency in flight, whatever each write takes', () => {
    fc.assert(
      fc.property(
        nodesArbitrary,
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 40, maxLength: 40 }),
        (nodes, n, durations) => {
          const plan = planDeployOrder(nodes, n);
          const byId = new Map(plan.order.map((id, index) => [id, durations[index]]));
          expect(peakInFlight(graphOf(plan), (id) => byId.get(id) as number)).toBeLessThanOrEqual(n);
        },
      ),
    );
  });

  test('property: every edge points backwards, so there is no cycle', () => {
    fc.assert(
      fc.property(nodesArbitrary, fc.integer({ min: 1, max: 6 }), (nodes, n) => {
        const plan = planDeployOrder(nodes, n);
        const position = new Map(plan.order.map((id, index) => [id, index]));
        for (const edge of plan.edges) {
          expect(position.get(edge.to) as number).toBeLessThan(position.get(edge.from) as number);
        }
      }),
    );
  });

  test('property: the plan does not depend on input order', () => {
    fc.assert(
      fc.property(
        nodesArbitrary.chain((nodes) => fc.tuple(fc.constant(nodes), fc.shuffledSubarray(nodes, { minLength: nodes.length }))),
        fc.integer({ min: 1, max: 6 }),
        ([nodes, shuffled], n) => {
          expect(planDeployOrder(shuffled, n)).toEqual(planDeployOrder(nodes, n));
        },
      ),
    );
  });

  test('fails on duplicate ids', () => {
    expect(() => planDeployOrder([{ id: 'A', keys: [] }, { id: 'A', keys: [] }], 1)).toThrow(
      'deploy node "A" appears twice; ids must be unique',
    );
  });
});

describe('longestChain', () => {
  test('counts the writes on the longest dependency path', () => {
    const independent = planDeployOrder(
      Array.from({ length: 10 }, (_, i) => ({ id: `N${i}`, keys: [] })),
      5,
    );
    expect(longestChain(independent)).toBe(2);
    const onePrincipal = planDeployOrder(
      Array.from({ length: 10 }, (_, i) => ({ id: `N${i}`, keys: ['p'] })),
      5,
    );
    expect(longestChain(onePrincipal)).toBe(10);
    expect(longestChain({ order: [], edges: [] })).toBe(0);
  });
});
