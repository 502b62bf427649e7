/**
 * What differs between the lock on disk and the lock the mesh calls for now: products added,
 * removed or changed, grants added or removed. `lakemesh lock --check` fails on any of them;
 * `lakemesh lock` lists them as what it records.
 */
import { canonicalJson } from '../contract/fingerprint';
import { Problem } from '../errors';
import { LOCK_CODES } from './codes';
import { locateInLock } from './lock-file';
import { compareGrants, compareText, ContractLock, LockFile, LockedGrant, LockedProduct } from './model';

export type LockDifference =
  | { readonly kind: 'product-added'; readonly product: string; readonly now: LockedProduct }
  | { readonly kind: 'product-removed'; readonly product: string; readonly locked: LockedProduct }
  | { readonly kind: 'product-changed'; readonly product: string; readonly locked: LockedProduct; readonly now: LockedProduct }
  | { readonly kind: 'grant-added' | 'grant-removed'; readonly grant: LockedGrant };

/** Products by name, then grants; empty when `locked` records exactly what `now` does. */
export function lockDifferences(locked: ContractLock, now: ContractLock): LockDifference[] {
  const differences: LockDifference[] = [];
  const names = [...new Set([...Object.keys(locked.products), ...Object.keys(now.products)])].sort(compareText);
  for (const product of names) {
    const before = Object.hasOwn(locked.products, product) ? locked.products[product] : undefined;
    const after = Object.hasOwn(now.products, product) ? now.products[product] : undefined;
    if (before === undefined && after !== undefined) differences.push({ kind: 'product-added', product, now: after });
    else if (after === undefined && before !== undefined) differences.push({ kind: 'product-removed', product, locked: before });
    else if (before !== undefined && after !== undefined && canonicalJson(before) !== canonicalJson(after)) {
      differences.push({ kind: 'product-changed', product, locked: before, now: after });
    }
  }
  const key = (grant: LockedGrant) => `${grant.product}\u0000${grant.consumer}\u0000${grant.role}`;
  const lockedGrants = new Set(locked.grants.map(key));
  const nowGrants = new Set(now.grants.map(key));
  const grants: { readonly kind: 'grant-added' | 'grant-removed'; readonly grant: LockedGrant }[] = [
    ...now.grants.filter((grant) => !lockedGrants.has(key(grant))).map((grant) => ({ kind: 'grant-added' as const, grant })),
    ...locked.grants.filter((grant) => !nowGrants.has(key(grant))).map((grant) => ({ kind: 'grant-removed' as const, grant })),
  ];
  return [...differences, ...grants.sort((a, b) => compareGrants(a.grant, b.grant))];
}

/** One line, lower-case, saying what the lock records and what the mesh has now. */
export function describeDifference(difference: LockDifference): string {
  switch (difference.kind) {
    case 'product-added':
      return `${difference.product}: not in the lock (contract ${JSON.stringify(difference.now.contractId)} ${difference.now.version})`;
    case 'product-removed':
      return `${difference.product}: locked, but no longer in the mesh (its data is retained)`;
    case 'product-changed':
      return `${difference.product}: ${productChange(difference.locked, difference.now)}`;
    case 'grant-added':
      return `grant of ${grantLabel(difference.grant)}: not in the lock`;
    case 'grant-removed':
      return `grant of ${grantLabel(difference.grant)}: locked, but no longer in the mesh`;
  }
}

/** `lakemesh lock --check`: one located problem per difference. */
export function staleProblems(lockFile: LockFile, differences: readonly LockDifference[], meshFile: string): Problem[] {
  return differences.map((difference) => {
    const path = 'product' in difference ? `products.${difference.product}` : 'grants';
    const keys = 'product' in difference ? ['products', difference.product] : ['grants'];
    return {
      code: LOCK_CODES.stale,
      path,
      message: `the contract lock is out of date: ${describeDifference(difference)}; run \`lakemesh lock --config ${meshFile}\` and commit ${lockFileName(lockFile)}`,
      location: locateInLock(lockFile.file, lockFile.text, keys),
    };
  });
}

/** `sales.orders to marketing as analyst` */
export function grantLabel(grant: LockedGrant): string {
  return `${grant.product} to ${grant.consumer} as ${grant.role}`;
}

function productChange(locked: LockedProduct, now: LockedProduct): string {
  if (locked.contractId !== now.contractId) return `the lock records contract ${JSON.stringify(locked.contractId)}, the mesh has ${JSON.stringify(now.contractId)}`;
  if (locked.version !== now.version) return `the lock records version ${locked.version}, the contract is ${now.version}`;
  if (locked.fingerprint !== now.fingerprint) return `the contract changed since it was locked, still as version ${now.version}`;
  if (locked.file !== now.file) return `the lock records file ${locked.file}, the mesh reads ${now.file}`;
  return 'the locked contract document differs from the contract file (the lock was edited by hand)';
}

function lockFileName(lockFile: LockFile): string {
  return lockFile.file.split(/[\\/]/).pop() ?? lockFile.file;
}
