import * as fs from 'node:fs';
import * as path from 'node:path';
import { editOneProduct, resynthAfterEdit } from '../../bench/edit-mesh';
import { buildMeshFiles, writeMeshFiles } from '../../bench/generate-mesh';
import { MESH_SIZES } from '../../bench/sizes';
import { loadMesh } from '../../lib/config/load-mesh';
import { temporaryDirectory } from '../support/mesh-app-fixture';

describe('editOneProduct', () => {
  test('edits the description of the first contract only, and the mesh still loads', () => {
    const dir = temporaryDirectory('lakemesh-bench-edit-');
    const mesh = writeMeshFiles(dir, buildMeshFiles(MESH_SIZES.S));
    const before = loadMesh(mesh.meshFile);
    const edited = editOneProduct(dir);
    expect(path.relative(dir, edited)).toBe(path.join('contracts', 'domain-0001', 'product_00001.odcs.yaml'));
    const after = loadMesh(mesh.meshFile);
    const purposes = (m: typeof before) => m.domains.flatMap((domain) => domain.products.map((product) => product.contract.description?.purpose));
    const changed = purposes(after).filter((purpose, index) => purpose !== purposes(before)[index]);
    expect(changed).toEqual(['Synthetic benchmark product 00001 of domain domain-0001. Edited for the re-synth benchmark.']);
  });

  test('says what is missing when there is no contract, or no description to edit', () => {
    const dir = temporaryDirectory('lakemesh-bench-edit-');
    expect(() => editOneProduct(dir)).toThrow(`no contract under ${dir} to edit`);
    fs.mkdirSync(path.join(dir, 'contracts'));
    const file = path.join(dir, 'contracts', 'a.odcs.yaml');
    fs.writeFileSync(file, 'kind: DataContract\n');
    expect(() => editOneProduct(dir)).toThrow(`no description purpose to edit in ${file}`);
  });
});

describe('resynthAfterEdit', () => {
  test('edits one product, runs the synth and removes its output', async () => {
    const dir = temporaryDirectory('lakemesh-bench-edit-');
    writeMeshFiles(dir, buildMeshFiles(MESH_SIZES.S));
    const outdir = temporaryDirectory('lakemesh-bench-out-');
    const figures = { ok: true, completed: true, wallSeconds: 1.5, processSeconds: 2 };
    const synth = jest.fn(async () => {
      // The synth sees the edited contract.
      expect(fs.readFileSync(path.join(dir, 'contracts', 'domain-0001', 'product_00001.odcs.yaml'), 'utf8')).toContain('Edited for the re-synth benchmark.');
      return { figures, outdir };
    });
    await expect(resynthAfterEdit(dir, synth)).resolves.toBe(figures);
    expect(synth).toHaveBeenCalledTimes(1);
    expect(fs.existsSync(outdir)).toBe(false);
  });

  test('a failed edit is the row\'s error, and nothing is synthesized', async () => {
    const dir = temporaryDirectory('lakemesh-bench-edit-');
    const synth = jest.fn();
    await expect(resynthAfterEdit(dir, synth)).resolves.toEqual({
      ok: false,
      completed: false,
      processSeconds: 0,
      error: `editing a product: no contract under ${dir} to edit`,
    });
    expect(synth).not.toHaveBeenCalled();
  });
});
