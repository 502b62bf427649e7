/**
 * Problem codes of the contract lock (LM520–LM539). Codes are API: tests and users match on them,
 * so a code is never reused for a different problem. A contract version that is not a semantic
 * version is the evolution code LM500.
 */
export const LOCK_CODES = {
  /** A contract changed in a breaking way since the lock, and its version did not move to a new major version. */
  breakingWithoutMajor: 'LM520',
  /** The lock file cannot be read: not a regular file, too large, not UTF-8, permission denied. */
  unreadable: 'LM521',
  /** The lock file is not valid JSON (git merge conflict markers included). */
  syntax: 'LM522',
  /** The lock file is JSON but not a contract lock: a field is missing, has the wrong type or is unknown. */
  shape: 'LM523',
  /** `lockVersion` is not one this version of lakemesh reads. */
  unsupportedVersion: 'LM524',
  /** The lock records another mesh than the mesh file next to it. */
  otherMesh: 'LM525',
  /** A locked contract does not match the fingerprint recorded with it (the lock was edited by hand). */
  fingerprintMismatch: 'LM526',
  /** A locked contract no longer reads as a valid contract, so it cannot be compared. */
  lockedContractInvalid: 'LM527',
  /** `lakemesh lock --check`: the lock does not record what the mesh holds now. */
  stale: 'LM528',
  /** `lakemesh lock --check`: there is no lock file. */
  missing: 'LM529',
  /** A contract file changed between loading the mesh and writing the lock. */
  changedWhileLocking: 'LM530',
  /** The lock file cannot be written. */
  unwritable: 'LM531',
} as const;

export type LockCode = (typeof LOCK_CODES)[keyof typeof LOCK_CODES];
