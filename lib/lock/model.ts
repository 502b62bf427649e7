/**
 * The contract lock (`mesh.lock.json`, next to `mesh.yaml`): the contract versions and fingerprints
 * a reviewer approved for deployment, and the grants that exist. Synth compares each contract with
 * its locked copy and refuses a breaking change that comes without a new major version. See
 * docs/lock.md.
 */
import * as path from 'node:path';

/** The lock format this version of lakemesh reads and writes. */
export const LOCK_VERSION = 1;

/** `mesh.yaml` → `mesh.lock.json`, `prod.mesh.yaml` → `prod.mesh.lock.json`. */
export const LOCK_FILE_SUFFIX = '.lock.json';

export interface LockedProduct {
  /** The contract's `id`. */
  readonly contractId: string;
  /** The contract's `version` as written. */
  readonly version: string;
  /** `fingerprint` of the contract document (SHA-256 of its canonical JSON). */
  readonly fingerprint: string;
  /** The contract file, relative to the mesh file's directory, with `/` separators. */
  readonly file: string;
  /** The ODCS document as read, so that a later synth can compare without the old file. */
  readonly contract: Readonly<Record<string, unknown>>;
}

/** A grant that exists: on a deprecated product only these are kept. */
export interface LockedGrant {
  /** `<domain>.<product>` */
  readonly product: string;
  readonly consumer: string;
  readonly role: string;
}

export interface ContractLock {
  readonly lockVersion: typeof LOCK_VERSION;
  /** The mesh `name`. */
  readonly mesh: string;
  /** By `<domain>.<product>`. */
  readonly products: Readonly<Record<string, LockedProduct>>;
  /** Sorted by product, consumer, role. */
  readonly grants: readonly LockedGrant[];
}

/** A lock as read from disk. */
export interface LockFile {
  /** The lock file, as messages name it. */
  readonly file: string;
  readonly lock: ContractLock;
  /** The file's text (to locate problems in it). */
  readonly text: string;
}

/** The lock file that belongs to `meshFile`: same directory, extension replaced by `.lock.json`. */
export function lockFilePath(meshFile: string): string {
  const extension = path.extname(meshFile);
  const base = extension === '.yaml' || extension === '.yml' || extension === '.json' ? meshFile.slice(0, -extension.length) : meshFile;
  return `${base}${LOCK_FILE_SUFFIX}`;
}

/** Grants ordered by product, consumer, role (code-unit order, like every lakemesh listing). */
export function compareGrants(a: LockedGrant, b: LockedGrant): number {
  return compareText(a.product, b.product) || compareText(a.consumer, b.consumer) || compareText(a.role, b.role);
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
