/**
 * `loadMesh` with the contract lock beside it: the lock's grants count as existing (they stay on a
 * deprecated product), and the gate refuses a contract that changed in a breaking way without a
 * new major version. What the CDK app and `lakemesh validate` load a mesh with.
 */
import { loadMesh, LoadMeshOptions } from '../config/load-mesh';
import { MeshConfig } from '../config/model';
import { checkContractLock, LockComparison } from './lock-gate';
import { readContractLock } from './lock-file';
import { LockFile, lockFilePath } from './model';

export interface LockedMesh {
  readonly mesh: MeshConfig;
  /** The lock beside the mesh file; undefined when there is none (then nothing is gated). */
  readonly lock?: LockFile;
  /** What changed since the lock, compatibly; undefined without a lock. */
  readonly comparison?: LockComparison;
}

/**
 * Loads `file` and checks it against `<mesh>.lock.json` beside it, when that exists.
 * @throws LakemeshError with the lock's problems (a malformed lock), else with the mesh's, else with the gate's
 */
export function loadLockedMesh(file: string, options: Omit<LoadMeshOptions, 'existingGrants'> = {}): LockedMesh {
  const lock = readContractLock(lockFilePath(file));
  const mesh = loadMesh(file, { ...options, existingGrants: lock?.lock.grants });
  if (lock === undefined) return { mesh };
  return { mesh, lock, comparison: checkContractLock(mesh, lock) };
}
