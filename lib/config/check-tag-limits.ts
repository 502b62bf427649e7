/**
 * lakemesh tags every product database with the LF-Tags `domain` (the domain's name) and `product`
 * (the product's name), and the governance account holds both keys with a value for every domain and
 * every product name of the mesh. Lake Formation allows at most 1000 values per LF-Tag key, so a mesh
 * past that cannot deploy; this says so at `lakemesh validate` rather than as a template finding.
 */
import { CheckContext } from './check-context';
import { MESH_CODES } from './codes';
import { DomainConfig } from './model';

/** Lake Formation's limit of values per LF-Tag key. */
export const MAX_LF_TAG_VALUES = 1000;

export function checkTagLimits(domains: readonly DomainConfig[], ctx: CheckContext): void {
  if (domains.length > MAX_LF_TAG_VALUES) {
    ctx.report(
      MESH_CODES.tooManyTagValues,
      ['domains'],
      `the mesh has ${domains.length} domains, but the LF-Tag "domain" of the governance account holds one value per domain and Lake Formation allows at most ${MAX_LF_TAG_VALUES} values per LF-Tag key; split the mesh into meshes of at most ${MAX_LF_TAG_VALUES} domains`,
    );
  }
  const productNames = new Set(domains.flatMap((domain) => domain.products.map((product) => product.name)));
  if (productNames.size > MAX_LF_TAG_VALUES) {
    ctx.report(
      MESH_CODES.tooManyTagValues,
      ['domains'],
      `the mesh's products have ${productNames.size} distinct names, but the LF-Tag "product" of the governance account holds one value per product name and Lake Formation allows at most ${MAX_LF_TAG_VALUES} values per LF-Tag key; give products of different domains the same names where they mean the same thing (the tag pairs with "domain"), or split the mesh (lakemesh does not split the tag yet)`,
    );
  }
}
