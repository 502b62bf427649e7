/** The synthetic mesh sizes of the benchmark (issue "Scale"): S, M and L. */

export interface MeshSize {
  readonly name: string;
  readonly domains: number;
  readonly products: number;
  readonly grants: number;
  /** Consumer accounts; each has 1–3 principals. */
  readonly consumers: number;
}

export const MESH_SIZES: Readonly<Record<string, MeshSize>> = {
  S: { name: 'S', domains: 5, products: 20, grants: 50, consumers: 3 },
  M: { name: 'M', domains: 50, products: 500, grants: 2_500, consumers: 20 },
  L: { name: 'L', domains: 200, products: 2_000, grants: 10_000, consumers: 50 },
};

export const DEFAULT_SIZES: readonly string[] = ['S', 'M', 'L'];

/** `S,M` → the size specs, in the order given; throws on an unknown name. */
export function parseSizes(list: string): MeshSize[] {
  return list
    .split(',')
    .map((name) => name.trim().toUpperCase())
    .filter((name) => name !== '')
    .map((name) => {
      const size = MESH_SIZES[name];
      if (size === undefined) {
        throw new Error(`unknown size ${JSON.stringify(name)} in --sizes ${JSON.stringify(list)}; use a comma-separated list of ${Object.keys(MESH_SIZES).join(', ')}`);
      }
      return size;
    });
}
