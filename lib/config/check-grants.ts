/**
 * Checks `grants` in mesh.yaml: every reference resolves (product, consumer, contract role), the
 * contract's status allows sharing, the audit fields are filled in and the grant has not expired.
 */
import { UNSHARED_STATUSES } from '../contract/model';
import { didYouMean } from '../source/did-you-mean';
import { describe, formatPath } from '../source/yaml-source';
import { isEmailAddress, isPrincipalArn } from './aws-identifiers';
import { CheckContext } from './check-context';
import { MESH_CODES } from './codes';
import { GrantInput, Indexed, UncheckedNames } from './mesh-schema';
import { ConsumerConfig, DomainConfig, GrantConfig, ProductConfig } from './model';
import { compare } from './names';

/** What grants are resolved against, plus the names whose entries were broken (not reported twice). */
export interface GrantTargets {
  readonly domains: readonly DomainConfig[];
  readonly consumers: readonly ConsumerConfig[];
  /** Domains whose entry or one of whose contracts failed: their products cannot be resolved. */
  readonly uncheckedDomains: UncheckedNames;
  readonly uncheckedConsumers: UncheckedNames;
}

/** A grant known to exist (the contract lock records it): it stays on a product that is deprecated since. */
export interface ExistingGrant {
  /** `<domain>.<product>` */
  readonly product: string;
  readonly consumer: string;
  readonly role: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * @param existing grants known to exist; undefined when nothing is known (no contract lock), so
 * that every grant on a deprecated product is refused
 */
export function checkGrants(
  entries: readonly Indexed<GrantInput>[],
  targets: GrantTargets,
  today: string,
  ctx: CheckContext,
  existing?: readonly ExistingGrant[],
): GrantConfig[] {
  const products = new Map<string, { product: ProductConfig; domain: DomainConfig }>();
  for (const domain of targets.domains) {
    for (const product of domain.products) products.set(product.qualifiedName, { product, domain });
  }
  const consumers = new Map(targets.consumers.map((consumer) => [consumer.name, consumer]));
  const seen = new Map<string, string>();
  const grants: GrantConfig[] = [];
  const grantKey = (grant: ExistingGrant) => `${grant.product}\u0000${grant.consumer}\u0000${grant.role}`;
  const existingKeys = existing === undefined ? undefined : new Set(existing.map(grantKey));

  for (const { index, value } of entries) {
    const at = ['grants', index];
    const isExisting = existingKeys?.has(grantKey(value)) ?? false;
    const target = resolveProduct(value.product, [...at, 'product'], products, targets, ctx);
    const consumer = resolveConsumer(value.consumer, [...at, 'consumer'], consumers, targets, ctx);
    if (target) {
      checkRole(value.role, target.product, [...at, 'role'], ctx);
      checkStatus(target.product, [...at, 'product'], ctx, existingKeys === undefined ? 'unknown' : isExisting);
      if (consumer && consumer.account === target.domain.account) {
        ctx.report(
          MESH_CODES.sameAccountConsumer,
          [...at, 'consumer'],
          `consumer "${consumer.name}" is in account ${consumer.account}, the account of domain "${target.domain.name}" that owns ${value.product}; grant principals of the producing account through the domain's producers instead`,
        );
      }
    }
    const purpose = ctx.text(value.purpose, [...at, 'purpose'], 'purpose');
    const requestedBy = checkContact(value.requestedBy, [...at, 'requestedBy'], 'requestedBy', ctx);
    const approvedBy = checkContact(value.approvedBy, [...at, 'approvedBy'], 'approvedBy', ctx);
    if (requestedBy && approvedBy && requestedBy.toLowerCase() === approvedBy.toLowerCase()) {
      ctx.report(
        MESH_CODES.selfApproval,
        [...at, 'approvedBy'],
        `approvedBy is the requester (${approvedBy}); a grant must be approved by someone other than the person who requested it, usually the product's owner`,
      );
    }
    if (value.expires !== undefined) checkExpiry(value.expires, today, [...at, 'expires'], ctx);

    const key = grantKey(value);
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.report(
        MESH_CODES.duplicateGrant,
        at,
        `grant of ${value.product} to ${value.consumer} as role ${value.role} repeats ${first}; remove one (to change the purpose or expiry, edit the existing grant)`,
      );
      continue;
    }
    seen.set(key, formatPath(at));
    grants.push({
      product: value.product,
      consumer: value.consumer,
      role: value.role,
      purpose,
      requestedBy: value.requestedBy.trim(),
      approvedBy: value.approvedBy.trim(),
      expires: value.expires,
      ...(isExisting ? { existing: true } : {}),
      location: ctx.source.locate(at),
    });
  }
  return grants.sort((a, b) => compare(a.product, b.product) || compare(a.consumer, b.consumer) || compare(a.role, b.role));
}

function resolveProduct(
  name: string,
  path: readonly (string | number)[],
  products: ReadonlyMap<string, { product: ProductConfig; domain: DomainConfig }>,
  targets: GrantTargets,
  ctx: CheckContext,
): { product: ProductConfig; domain: DomainConfig } | undefined {
  const found = products.get(name);
  if (found) return found;
  const [domain, product, ...rest] = name.split('.');
  if (product === undefined || rest.length > 0 || domain === '' || product === '') {
    const hint = didYouMean(name, products.keys()) || `; known products: ${[...products.keys()].join(', ') || 'none'}`;
    ctx.report(MESH_CODES.unknownProduct, path, `product must be written <domain>.<product>, got ${JSON.stringify(name)}${hint}`);
    return undefined;
  }
  if (targets.uncheckedDomains.has(domain)) return undefined; // its entry or a contract is broken and reported
  const known = [...products.keys()];
  const inDomain = known.filter((qualified) => qualified.startsWith(`${domain}.`));
  const hint = inDomain.length > 0 ? `; domain "${domain}" has ${inDomain.join(', ')}` : `; known products: ${known.join(', ') || 'none'}`;
  ctx.report(MESH_CODES.unknownProduct, path, `unknown product ${JSON.stringify(name)}${didYouMean(name, known) || hint}`);
  return undefined;
}

function resolveConsumer(
  name: string,
  path: readonly (string | number)[],
  consumers: ReadonlyMap<string, ConsumerConfig>,
  targets: GrantTargets,
  ctx: CheckContext,
): ConsumerConfig | undefined {
  const found = consumers.get(name);
  if (found || targets.uncheckedConsumers.has(name)) return found;
  const known = [...consumers.keys()];
  const hint = didYouMean(name, known) || `; declare it under consumers (known consumers: ${known.join(', ') || 'none'})`;
  ctx.report(MESH_CODES.unknownConsumer, path, `unknown consumer ${JSON.stringify(name)}${hint}`);
  return undefined;
}

function checkRole(name: string, product: ProductConfig, path: readonly (string | number)[], ctx: CheckContext): void {
  const roles = product.contract.roles;
  const role = roles.find((candidate) => candidate.name === name);
  if (role === undefined) {
    const names = roles.map((candidate) => candidate.name);
    const offered = names.length > 0 ? `it offers ${names.join(', ')}` : 'it defines no roles';
    const hint = didYouMean(name, names) || (names.length > 0 ? '; name one of those or add the role to the contract' : '; add the role under roles[] in the contract');
    ctx.report(MESH_CODES.unknownRole, path, `role ${JSON.stringify(name)} is not a role of the ${product.qualifiedName} contract (${offered})${hint}`);
    return;
  }
  if (role.access.toLowerCase() !== 'read') {
    ctx.report(
      MESH_CODES.notReadRole,
      path,
      `role "${name}" of ${product.qualifiedName} has access ${JSON.stringify(role.access)}; lakemesh grants consumers read access only, so name a role with "access: read"`,
    );
  }
}

/** `existing`: whether the contract lock records the grant, or `unknown` without a lock. */
function checkStatus(product: ProductConfig, path: readonly (string | number)[], ctx: CheckContext, existing: boolean | 'unknown'): void {
  const status = product.contract.status;
  if (UNSHARED_STATUSES.includes(status)) {
    ctx.report(
      MESH_CODES.unsharedProduct,
      path,
      `${product.qualifiedName} has contract status "${status}", and ${status} products are not shared with other accounts; set the contract's status to "active" or remove the grant`,
    );
  } else if (status === 'deprecated' && existing !== true) {
    const why =
      existing === 'unknown'
        ? ' (grants made before the deprecation stay when the contract lock records them: run `lakemesh lock` while the product is active)'
        : ', and the contract lock does not record this grant as existing';
    ctx.report(
      MESH_CODES.deprecatedProduct,
      path,
      `${product.qualifiedName} has contract status "deprecated"; deprecated products accept no new grants${why}; remove the grant or reactivate the contract`,
    );
  }
}

/** requestedBy / approvedBy: a person's email address or an IAM principal ARN. Returns the trimmed value when valid. */
function checkContact(value: string, path: readonly (string | number)[], field: string, ctx: CheckContext): string | undefined {
  const trimmed = ctx.text(value, path, field);
  if (trimmed === '') return undefined;
  if (isEmailAddress(trimmed) || isPrincipalArn(trimmed)) return trimmed;
  ctx.report(
    MESH_CODES.invalidContact,
    path,
    `${field} must be an email address or an IAM principal ARN, got ${describe(trimmed)}; the audit trail has to name a person who can be asked`,
  );
  return undefined;
}

function checkExpiry(value: string, today: string, path: readonly (string | number)[], ctx: CheckContext): void {
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    ctx.report(MESH_CODES.invalidExpiry, path, `expires must be a date written YYYY-MM-DD, got ${describe(value)}; e.g. expires: 2027-06-30`);
    return;
  }
  if (value < today) {
    ctx.report(
      MESH_CODES.expiredGrant,
      path,
      `grant expired on ${value} (today is ${today}); renew it with a later expires date and a fresh approval, or remove the grant`,
    );
  }
}
