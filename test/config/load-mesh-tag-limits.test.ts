/**
 * The governance account's LF-Tags `domain` and `product` hold one value per domain and per product
 * name; Lake Formation allows at most 1000 values per key, so a larger mesh is refused (LM238).
 * Meshes from the benchmark's generator (product names repeat across domains).
 */
import * as path from 'node:path';
import { buildMeshFiles, writeMeshFiles } from '../../bench/generate-mesh';
import { MESH_CODES } from '../../lib/config/codes';
import { loadMesh } from '../../lib/config/load-mesh';
import { LakemeshError, Problem } from '../../lib/errors';
import { temporaryDirectory } from '../support/mesh-app-fixture';

const TODAY = new Date('2026-11-30T12:00:00Z');

function load(domains: number, products: number): { problems: readonly Problem[]; file: string } {
  const { meshFile } = writeMeshFiles(temporaryDirectory('lakemesh-tag-limits-'), buildMeshFiles({ name: 'T', domains, products, grants: 1, consumers: 1 }));
  try {
    loadMesh(meshFile, { today: TODAY });
    return { problems: [], file: meshFile };
  } catch (error) {
    if (error instanceof LakemeshError) return { problems: error.problems, file: meshFile };
    throw error;
  }
}

describe('LF-Tag value limits of the mesh', () => {
  test('refuses more than 1000 distinct product names, pointing at domains in mesh.yaml', () => {
    const { problems, file } = load(1, 1001);
    expect(problems).toEqual([
      {
        code: MESH_CODES.tooManyTagValues,
        path: 'domains',
        message:
          'the mesh\'s products have 1001 distinct names, but the LF-Tag "product" of the governance account holds one value per product name and Lake Formation allows at most 1000 values per LF-Tag key; give products of different domains the same names where they mean the same thing (the tag pairs with "domain"), or split the mesh (lakemesh does not split the tag yet)',
        location: expect.objectContaining({ file: path.resolve(file) }),
      },
    ]);
  });

  test('accepts more than 1000 products when their names repeat across domains', () => {
    const { problems } = load(2, 1002);
    expect(problems).toEqual([]);
  });

  test('refuses more than 1000 domains', () => {
    const { problems } = load(1001, 1001);
    expect(problems.map((problem) => [problem.code, problem.path, problem.message])).toEqual([
      [
        MESH_CODES.tooManyTagValues,
        'domains',
        'the mesh has 1001 domains, but the LF-Tag "domain" of the governance account holds one value per domain and Lake Formation allows at most 1000 values per LF-Tag key; split the mesh into meshes of at most 1000 domains',
      ],
    ]);
  });
});
