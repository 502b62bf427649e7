/**
 * The same mesh gives the same templates, byte for byte: synthesized twice, and synthesized from a
 * copy of mesh.yaml whose domains, products, producers, consumers, principals and grants come in
 * another order (with the keys of each entry reordered too). Logical IDs derive from what is
 * granted, not from the order it was written in, so reordering mesh.yaml never revokes live access.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, stringify } from 'yaml';
import { EXAMPLE_MESH_FILE, synthesizeMesh, temporaryDirectory, writeExampleVariant } from '../support/mesh-app-fixture';

/** Template file name → content, of every stack template in a cloud assembly directory. */
function templates(outdir: string): Map<string, string> {
  const files = fs.readdirSync(outdir).filter((file) => file.endsWith('.template.json')).sort();
  return new Map(files.map((file) => [file, fs.readFileSync(path.join(outdir, file), 'utf8')]));
}

/** Another order than the given one for two or more items: reversed, then rotated by one. */
function permuted<T>(items: readonly T[]): T[] {
  const reversed = [...items].reverse();
  return items.length < 3 ? reversed : [...reversed.slice(1), reversed[0]];
}

/** The same object with its keys in reverse order (YAML key order must not matter either). */
function keysReversed<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).reverse()) as T;
}

interface MeshDocument {
  domains: { products: string[]; producers?: string[] }[];
  consumers: { principals: string[] }[];
  grants: object[];
}

/** The example mesh.yaml with every list the mesh does not order by meaning shuffled. */
function shuffledExample(text: string): string {
  const document = parse(text) as MeshDocument;
  document.domains = permuted(document.domains).map((domain) =>
    keysReversed({ ...domain, products: permuted(domain.products), ...(domain.producers ? { producers: permuted(domain.producers) } : {}) }),
  );
  document.consumers = permuted(document.consumers).map((consumer) => keysReversed({ ...consumer, principals: permuted(consumer.principals) }));
  document.grants = permuted(document.grants).map((grant) => keysReversed(grant));
  return stringify(keysReversed(document));
}

describe('synthesis is deterministic', () => {
  let first: Map<string, string>;
  beforeAll(() => {
    const outdir = temporaryDirectory('lakemesh-determinism-');
    synthesizeMesh(EXAMPLE_MESH_FILE, { outdir });
    first = templates(outdir);
  });

  test('the example gives six templates', () => {
    expect(first.size).toBe(6);
  });

  test('synthesizing the example twice gives byte-identical templates', () => {
    const outdir = temporaryDirectory('lakemesh-determinism-');
    synthesizeMesh(EXAMPLE_MESH_FILE, { outdir });
    const second = templates(outdir);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, content] of first) expect({ file, same: second.get(file) === content }).toEqual({ file, same: true });
  });

  test('shuffling domains, products, producers, consumers, principals and grants in mesh.yaml changes no template', () => {
    const original = parse(fs.readFileSync(EXAMPLE_MESH_FILE, 'utf8')) as MeshDocument;
    const shuffledFile = writeExampleVariant(shuffledExample);
    const shuffled = parse(fs.readFileSync(shuffledFile, 'utf8')) as MeshDocument;
    // The shuffle really reorders what it claims to.
    expect(JSON.stringify(shuffled.domains.map((domain) => domain.products))).not.toBe(JSON.stringify(original.domains.map((domain) => domain.products)));
    expect(JSON.stringify(shuffled.grants)).not.toBe(JSON.stringify(original.grants));
    expect(JSON.stringify(shuffled.consumers.map((consumer) => consumer.principals))).not.toBe(
      JSON.stringify(original.consumers.map((consumer) => consumer.principals)),
    );

    const outdir = temporaryDirectory('lakemesh-determinism-');
    synthesizeMesh(shuffledFile, { outdir });
    const fromShuffled = templates(outdir);
    expect([...fromShuffled.keys()]).toEqual([...first.keys()]);
    for (const [file, content] of first) {
      // On a difference, show the first differing line rather than two whole templates.
      const other = fromShuffled.get(file) ?? '';
      const lines = content.split('\n');
      const otherLines = other.split('\n');
      const at = lines.findIndex((line, index) => line !== otherLines[index]);
      expect({ file, firstDifference: at === -1 && lines.length === otherLines.length ? null : { line: at + 1, example: lines[at], shuffled: otherLines[at] } }).toEqual({
        file,
        firstDifference: null,
      });
    }
  });
});
