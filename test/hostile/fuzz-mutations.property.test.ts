/**
 * Property: the retail example after random damage (a key deleted or renamed, a value of another
 * type, a list entry duplicated, a string edited) either still loads or fails with a clean
 * `LakemeshError`; never another error, never a message leaking JavaScript internals.
 */
import * as path from 'node:path';
import * as fc from 'fast-check';
import { loadMesh } from '../../lib/config/load-mesh';
import { loadContract } from '../../lib/contract/load-contract';
import { EXAMPLE_FILES, mutation, Mutation, writeMutatedExample } from './example-mutations';
import { ExampleCopy, failureDefects, TODAY, wordsFromInput } from './hostile-fixture';

const SEED = 20261115;

/** Words a message may repeat because a mutation put them there. */
function allowedWords(mutations: readonly Mutation[]): string[] {
  return wordsFromInput(mutations.map((m) => `${m.text} ${JSON.stringify(m.value)}`).join(' '));
}

describe('mutations of the retail example', () => {
  test('the whole mesh: valid or a clean LakemeshError', () => {
    const example = new ExampleCopy();
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        writeMutatedExample(example.dir, mutations);
        expect(failureDefects(() => loadMesh(example.path(), { today: TODAY }), allowedWords(mutations))).toEqual([]);
      }),
      { numRuns: 40, seed: SEED },
    );
  });

  test('one contract on its own: valid or a clean LakemeshError', () => {
    const example = new ExampleCopy();
    const contracts = EXAMPLE_FILES.filter((file) => file.startsWith('contracts/'));
    const contractMutation = mutation.filter((m) => m.file !== 'mesh.yaml');
    fc.assert(
      fc.property(fc.array(contractMutation, { minLength: 1, maxLength: 4 }), (mutations) => {
        writeMutatedExample(example.dir, mutations);
        for (const file of new Set(mutations.map((m) => m.file))) {
          expect(failureDefects(() => loadContract(path.join(example.dir, file)), allowedWords(mutations))).toEqual([]);
        }
      }),
      { numRuns: 80, seed: SEED },
    );
    expect(contracts.length).toBeGreaterThan(1);
  });
});
