/** Checks `governance` in mesh.yaml: account, sharing model, Lake Formation settings, LF-Tag ontology. */
import { didYouMean } from '../source/did-you-mean';
import { CheckContext } from './check-context';
import { MESH_CODES } from './codes';
import { GovernanceInput } from './mesh-schema';
import { GovernanceConfig, SharingModel } from './model';

export const SHARING_MODELS: readonly SharingModel[] = ['central-catalog', 'producer-direct'];
export const DEFAULT_SHARING: SharingModel = 'central-catalog';
export const DEFAULT_CROSS_ACCOUNT_VERSION = 4;
export const DEFAULT_ORGANIZATION = false;
/** Used when the mesh declares no `classification` tag key; the last value is the most sensitive. */
export const DEFAULT_CLASSIFICATIONS: readonly string[] = ['public', 'internal', 'confidential', 'restricted'];
/** LF-Tag keys lakemesh attaches itself (to databases and tables); a mesh may not declare them. */
export const RESERVED_TAG_KEYS: readonly string[] = ['domain', 'product'];
export const CLASSIFICATION_TAG_KEY = 'classification';

/** Lake Formation limits on LF-Tags (API reference, LFTag). */
const MAX_TAG_KEY_LENGTH = 128;
const MAX_TAG_VALUE_LENGTH = 256;
const MAX_TAG_VALUES = 1000;
const TAG_KEY_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@%]+$/u;
const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:*/=+\-@%]+$/u;

export function checkGovernance(input: GovernanceInput, region: string | undefined, ctx: CheckContext): GovernanceConfig | undefined {
  const account = ctx.account(input.account, ['governance', 'account']);
  const sharing = checkSharing(input.sharing, ctx);
  const crossAccountVersion = checkCrossAccountVersion(input.crossAccountVersion, ctx);
  const admins = ctx.principals(input.admins ?? [], ['governance', 'admins'], { account, description: 'the governance account', region }, ['role']);
  const tags = checkTags(input.tags ?? {}, ctx);
  if (account === undefined || sharing === undefined || crossAccountVersion === undefined) return undefined;
  const classifications = tags[CLASSIFICATION_TAG_KEY];
  return {
    account,
    sharing,
    organization: input.organization ?? DEFAULT_ORGANIZATION,
    crossAccountVersion,
    admins,
    tags,
    restrictedClassification: classifications[classifications.length - 1] ?? DEFAULT_CLASSIFICATIONS[DEFAULT_CLASSIFICATIONS.length - 1],
  };
}

function checkSharing(value: string | undefined, ctx: CheckContext): SharingModel | undefined {
  if (value === undefined) return DEFAULT_SHARING;
  if ((SHARING_MODELS as readonly string[]).includes(value)) return value as SharingModel;
  ctx.report(
    MESH_CODES.invalidSharing,
    ['governance', 'sharing'],
    `unknown sharing model ${JSON.stringify(value)}, expected ${SHARING_MODELS.join(' or ')}${didYouMean(value, SHARING_MODELS)}`,
  );
  return undefined;
}

function checkCrossAccountVersion(value: number | undefined, ctx: CheckContext): 4 | 5 | undefined {
  if (value === undefined) return DEFAULT_CROSS_ACCOUNT_VERSION;
  if (value === 4 || value === 5) return value;
  ctx.report(
    MESH_CODES.invalidCrossAccountVersion,
    ['governance', 'crossAccountVersion'],
    `cross-account version must be 4 or 5, got ${value}; lakemesh needs version 4 or later for cross-account sharing with AWS RAM`,
  );
  return undefined;
}

/** Checks the LF-Tag ontology and adds the default `classification` key when it is not declared. */
function checkTags(input: Readonly<Record<string, readonly string[]>>, ctx: CheckContext): Record<string, readonly string[]> {
  const tags: Record<string, readonly string[]> = {};
  for (const [key, values] of Object.entries(input)) {
    const path = ['governance', 'tags', key];
    if (RESERVED_TAG_KEYS.includes(key.toLowerCase())) {
      ctx.report(
        MESH_CODES.reservedTagKey,
        path,
        `tag key "${key}" is reserved: lakemesh tags every database and table with "domain" and "product" itself; rename the key`,
        { key: true },
      );
      continue;
    }
    if (key.length > MAX_TAG_KEY_LENGTH || !TAG_KEY_PATTERN.test(key)) {
      ctx.report(
        MESH_CODES.invalidTagKey,
        path,
        `tag key "${key}" is not a valid LF-Tag key: use 1–${MAX_TAG_KEY_LENGTH} letters, digits, spaces or _ . : / = + - @ % (got ${key.length} characters)`,
        { key: true },
      );
      continue;
    }
    if (checkTagValues(key, values, path, ctx)) tags[key] = values;
  }
  if (!(CLASSIFICATION_TAG_KEY in input)) tags[CLASSIFICATION_TAG_KEY] = DEFAULT_CLASSIFICATIONS;
  if (!(CLASSIFICATION_TAG_KEY in tags)) tags[CLASSIFICATION_TAG_KEY] = []; // declared but invalid: reported already
  return tags;
}

function checkTagValues(key: string, values: readonly string[], path: readonly string[], ctx: CheckContext): boolean {
  let ok = true;
  if (values.length === 0) {
    ctx.report(MESH_CODES.invalidTagValue, path, `tag key "${key}" has no values; list at least one value`);
    return false;
  }
  if (values.length > MAX_TAG_VALUES) {
    ctx.report(MESH_CODES.invalidTagValue, path, `tag key "${key}" has ${values.length} values, more than the ${MAX_TAG_VALUES} Lake Formation allows; split the key`);
    ok = false;
  }
  const seen = new Map<string, string>();
  values.forEach((value, index) => {
    if (value.length > MAX_TAG_VALUE_LENGTH || !TAG_VALUE_PATTERN.test(value)) {
      ctx.report(
        MESH_CODES.invalidTagValue,
        [...path, index],
        `tag value ${JSON.stringify(value)} is not a valid LF-Tag value: use 1–${MAX_TAG_VALUE_LENGTH} letters, digits, spaces or _ . : * / = + - @ % (got ${value.length} characters)`,
      );
      ok = false;
      return;
    }
    const previous = seen.get(value.toLowerCase());
    if (previous !== undefined) {
      ctx.report(
        MESH_CODES.invalidTagValue,
        [...path, index],
        `tag value ${JSON.stringify(value)} repeats ${JSON.stringify(previous)} (values may not differ only in case); remove one`,
      );
      ok = false;
      return;
    }
    seen.set(value.toLowerCase(), value);
  });
  return ok;
}
