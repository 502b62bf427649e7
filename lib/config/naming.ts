/**
 * Physical names lakemesh derives from mesh.yaml. The loader checks that they fit AWS limits and the
 * constructs use the same functions, so a name that validates is the name that deploys.
 */

/**
 * Mesh, domain and consumer names: lowercase letters, digits and single hyphens, starting with a
 * letter and not ending with a hyphen. Hyphens (not underscores) because the names end up in S3
 * bucket and CloudFormation stack names, which allow no underscores; Glue names get `_` instead.
 */
export const NAME_PATTERN = /^[a-z](?:[a-z0-9]|-(?=[a-z0-9]))*$/;

/** S3 bucket names are 3–63 characters. */
export const MAX_BUCKET_NAME_LENGTH = 63;
/** CloudFormation stack names are 1–128 characters. */
export const MAX_STACK_NAME_LENGTH = 128;
/** Glue database names are 1–255 characters. */
export const MAX_DATABASE_NAME_LENGTH = 255;

export function isName(value: string): boolean {
  return NAME_PATTERN.test(value);
}

/**
 * The data bucket of a domain: `<mesh>-<domain>-<account>-<region>`, e.g.
 * `retail-sales-222222222222-eu-west-1`. Account and region make it globally unique and stable.
 */
export function domainBucketName(
  mesh: { readonly name: string; readonly region: string },
  domain: { readonly name: string; readonly account: string },
): string {
  return `${mesh.name}-${domain.name}-${domain.account}-${mesh.region}`;
}

/**
 * The Glue database of a product: `<domain>_<product>` with the domain's hyphens turned into
 * underscores (Athena needs quoting for hyphens), e.g. `sales_orders`, `click_stream_sessions`.
 * The same name is used for the producer's local database, the central database and the consumer's
 * resource link.
 */
export function productDatabaseName(domain: string, productSlug: string): string {
  return `${domain.replace(/-/g, '_')}_${productSlug}`;
}

/** `<domain>.<product>`, the way grants name a product. */
export function qualifiedProductName(domain: string, productSlug: string): string {
  return `${domain}.${productSlug}`;
}
