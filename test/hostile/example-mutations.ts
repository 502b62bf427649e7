/**
 * Random but plausible damage to the retail example, for property tests: delete a key, change a
 * value's type, duplicate a list entry, rename a key, edit a string. Each mutation is a value
 * fast-check can shrink and print.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { EXAMPLE_DIR } from './hostile-fixture';

export type Path = (string | number)[];

export interface Mutation {
  readonly file: string;
  readonly path: Path;
  readonly operation: 'delete' | 'replace' | 'duplicate' | 'rename' | 'edit';
  readonly value: unknown;
  readonly text: string;
}

/** Every file of the example, relative to its directory. */
export const EXAMPLE_FILES: readonly string[] = [
  'mesh.yaml',
  ...fs.readdirSync(path.join(EXAMPLE_DIR, 'contracts')).filter((file) => file.endsWith('.yaml')).map((file) => `contracts/${file}`),
];

const ORIGINALS = new Map(EXAMPLE_FILES.map((file) => [file, fs.readFileSync(path.join(EXAMPLE_DIR, file), 'utf8')]));

/** Paths of every node in a file (map keys and list indexes), depth first. */
const PATHS = new Map(EXAMPLE_FILES.map((file) => [file, pathsOf(parseDocument(ORIGINALS.get(file) as string).toJS(), [])]));

function pathsOf(value: unknown, at: Path): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...at, index], ...pathsOf(item, [...at, index])]);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [[...at, key], ...pathsOf(item, [...at, key])]);
  }
  return [];
}

const replacement = fc.oneof(
  fc.constantFrom(42, -1, 0, 1.5, true, false, null, '', ' ', 'x', [], {}, ['a'], { a: 1 }, '2020-01-01', 'retired', 'Draft', "'; DROP TABLE x; --", '</script>', '\u0007', 'a\nb'),
  fc.string({ unit: 'binary', maxLength: 16 }),
  fc.integer(),
);

const TEXT_EDITS = ['_x', 'X', '.', '..', '/', ' ', '\t', '"', "'", '\\', '*', '-', '\u0000', '\u00e9', '\ud83d\udce6', '\u202e', '$', '{', '%'];

export const mutation: fc.Arbitrary<Mutation> = fc
  .tuple(
    fc.constantFrom(...EXAMPLE_FILES),
    fc.nat(),
    fc.constantFrom<Mutation['operation']>('delete', 'replace', 'duplicate', 'rename', 'edit'),
    replacement,
    fc.constantFrom(...TEXT_EDITS),
  )
  .map(([file, index, operation, value, text]) => {
    const paths = PATHS.get(file) as Path[];
    return { file, path: paths[index % paths.length], operation, value, text };
  });

/** The file's text after `mutations` (those for other files are ignored). */
export function mutatedText(file: string, mutations: readonly Mutation[]): string {
  const document = parseDocument(ORIGINALS.get(file) as string);
  for (const { path: at, operation, value, text } of mutations.filter((m) => m.file === file)) {
    if (!document.hasIn(at)) continue;
    const parentPath = at.slice(0, -1);
    const parent = parentPath.length === 0 ? document.contents : document.getIn(parentPath, true);
    const last = at[at.length - 1];
    switch (operation) {
      case 'delete':
        document.deleteIn(at);
        break;
      case 'replace':
        document.setIn(at, value);
        break;
      case 'duplicate':
        if (isSeq(parent) && typeof last === 'number') parent.items.splice(last, 0, document.createNode(document.getIn(at)));
        else document.setIn(at, [document.getIn(at), document.getIn(at)]);
        break;
      case 'rename':
        if (isMap(parent)) {
          const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === last);
          if (pair && isScalar(pair.key)) pair.key.value = `${String(last)}${text}`;
        }
        break;
      case 'edit': {
        const node = document.getIn(at, true);
        if (isScalar(node)) node.value = `${String(node.value)}${text}`;
        break;
      }
    }
  }
  return document.toString();
}

const dirty = new Map<string, Set<string>>();

/**
 * Writes the example with `mutations` applied into `dir` (which must hold a copy of the example).
 * Only files changed by this or the previous call are written.
 */
export function writeMutatedExample(dir: string, mutations: readonly Mutation[]): void {
  const before = dirty.get(dir) ?? new Set<string>();
  const now = new Set(mutations.map((m) => m.file));
  for (const file of new Set([...before, ...now])) {
    fs.writeFileSync(path.join(dir, file), now.has(file) ? mutatedText(file, mutations) : (ORIGINALS.get(file) as string));
  }
  dirty.set(dir, now);
}
