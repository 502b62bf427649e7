/**
 * The synth gate of the contract lock: every contract of the mesh is compared with its locked copy,
 * and a breaking change (`diffContracts`) that does not come with a new major version stops synth.
 * Contracts whose fingerprint equals the locked one are not diffed at all. A product found under
 * another name with the contract id of a product that left the mesh is compared with that one, so
 * that a rename is seen as the breaking change it is.
 */
import * as path from 'node:path';
import { contractProblems } from '../contract/load-contract';
import { fingerprint } from '../contract/fingerprint';
import { DataContract } from '../contract/model';
import { MeshConfig, ProductConfig } from '../config/model';
import { displayPath } from '../cli/package-root';
import { LakemeshError, Problem, SourceLocation } from '../errors';
import { diffContracts } from '../evolution/diff-contracts';
import { ContractDiff } from '../evolution/model';
import { nextBreakingVersion } from '../evolution/semver';
import { parseYamlSource, readYamlSource } from '../source/yaml-source';
import { LOCK_CODES } from './codes';
import { readContractLock, locateInLock } from './lock-file';
import { LockFile, lockFilePath, LockedProduct } from './model';

/** How many breaking changes a gate message lists before "and N more". */
export const LISTED_BREAKING_CHANGES = 3;

export interface LockedChange {
  /** `<domain>.<product>` in the mesh. */
  readonly product: string;
  /** The lock entry it was compared with: the same name, or the name it had before a rename. */
  readonly lockedAs: string;
  readonly diff: ContractDiff;
}

export interface LockComparison {
  /** Products whose contract differs from the locked one, by product name. */
  readonly changed: readonly LockedChange[];
  /** Products of the mesh that the lock does not record. */
  readonly added: readonly string[];
  /** Locked products that left the mesh (their data is retained). */
  readonly removed: readonly string[];
  /**
   * Why a contract cannot ship as it is: breaking without a major version (LM520), a locked copy
   * that fails its fingerprint (LM526) or no longer reads (LM527), a version that is not semantic
   * (LM500). `lakemesh lock --accept-breaking` records the contracts anyway.
   */
  readonly problems: readonly Problem[];
}

/**
 * Compares the mesh with its lock without throwing for what `problems` carries.
 * @throws LakemeshError (LM525) when the lock records another mesh
 */
export function compareWithLock(mesh: MeshConfig, lockFile: LockFile): LockComparison {
  const { lock } = lockFile;
  if (lock.mesh !== mesh.name) {
    throw new LakemeshError([
      {
        code: LOCK_CODES.otherMesh,
        path: 'mesh',
        message:
          `the contract lock records mesh ${JSON.stringify(lock.mesh)}, but ${displayPath(mesh.file)} is mesh ${JSON.stringify(mesh.name)}; ` +
          'renaming a mesh renames every stack and physical name, so if that is intended delete the lock and run `lakemesh lock`, else restore the mesh name',
        location: locateInLock(lockFile.file, lockFile.text, ['mesh']),
      },
    ]);
  }
  const products = mesh.domains.flatMap((domain) => domain.products);
  const inMesh = new Set(products.map((product) => product.qualifiedName));
  // Locked products that left the mesh, by contract id: a product under a new name may be one of them.
  const departedById = new Map(
    Object.entries(lock.products)
      .filter(([name]) => !inMesh.has(name))
      .map(([name, entry]) => [entry.contractId, name]),
  );
  const changed: LockedChange[] = [];
  const added: string[] = [];
  const problems: Problem[] = [];
  const renamedFrom = new Set<string>();

  for (const product of products) {
    const lockedAs = Object.hasOwn(lock.products, product.qualifiedName) ? product.qualifiedName : departedById.get(product.contract.id);
    if (lockedAs === undefined) {
      added.push(product.qualifiedName);
      continue;
    }
    if (lockedAs !== product.qualifiedName) renamedFrom.add(lockedAs);
    const entry = lock.products[lockedAs];
    if (entry.fingerprint === product.contract.fingerprint) continue;
    const compared = compareProduct(mesh, lockFile, product, lockedAs, entry);
    if ('problems' in compared) problems.push(...compared.problems);
    else changed.push(compared.change);
  }
  const removed = Object.keys(lock.products).filter((name) => !inMesh.has(name) && !renamedFrom.has(name));
  return { changed, added, removed, problems };
}

/**
 * The gate synth and `lakemesh validate` run: throws `LakemeshError` with every problem of
 * `compareWithLock`. Without a lock file there is nothing to check and nothing is thrown.
 * @param lockFile the lock; read from beside the mesh file when not given
 * @returns the comparison, or undefined when the mesh has no lock
 */
export function checkContractLock(mesh: MeshConfig, lockFile: LockFile | undefined = readContractLock(displayPath(lockFilePath(mesh.file)))): LockComparison | undefined {
  if (lockFile === undefined) return undefined;
  const comparison = compareWithLock(mesh, lockFile);
  if (comparison.problems.length > 0) throw new LakemeshError(comparison.problems);
  return comparison;
}

function compareProduct(
  mesh: MeshConfig,
  lockFile: LockFile,
  product: ProductConfig,
  lockedAs: string,
  entry: LockedProduct,
): { change: LockedChange } | { problems: Problem[] } {
  const locked = lockedContract(lockFile, lockedAs, entry);
  if ('problems' in locked) return locked;
  let diff: ContractDiff;
  try {
    diff = diffContracts(locked.contract, product.contract, { classifications: mesh.governance.tags.classification });
  } catch (error) {
    if (!(error instanceof LakemeshError)) throw error;
    // A locked version that is not semantic is located at the lock entry, not at the text parsed from it.
    const atEntry = locateInLock(lockFile.file, lockFile.text, ['products', lockedAs, 'version']);
    return { problems: error.problems.map((problem) => (problem.location?.file === locked.contract.file ? { ...problem, location: atEntry } : problem)) };
  }
  const change = { product: product.qualifiedName, lockedAs, diff };
  return diff.blocked ? { problems: [breakingProblem(mesh, lockFile, product, change)] } : { change };
}

/** The locked contract as a `DataContract`, parsed from the stored document by the same parser as a contract file. */
function lockedContract(lockFile: LockFile, name: string, entry: LockedProduct): { contract: DataContract } | { problems: Problem[] } {
  const at = (field: string) => locateInLock(lockFile.file, lockFile.text, ['products', name, field]);
  const relock = 'review the contract, then run `lakemesh lock --accept-breaking` to record it as it is now';
  if (fingerprint(entry.contract) !== entry.fingerprint) {
    return {
      problems: [
        {
          code: LOCK_CODES.fingerprintMismatch,
          path: `products.${name}.fingerprint`,
          message: `the locked contract of ${name} does not match its fingerprint, so the lock was edited by hand and cannot be trusted; restore the lock from version control, or ${relock}`,
          location: at('fingerprint'),
        },
      ],
    };
  }
  const label = `${lockFile.file} (${name} as locked)`;
  let problems: readonly Problem[];
  try {
    const check = contractProblems(parseYamlSource(label, Buffer.from(JSON.stringify(entry.contract, null, 2))));
    if (check.contract) return { contract: check.contract };
    problems = check.problems;
  } catch (error) {
    if (!(error instanceof LakemeshError)) throw error;
    problems = error.problems;
  }
  const first = problems[0];
  const reason = first ? `${first.path ? `${first.path}: ` : ''}${first.message} [${first.code}]` : 'unknown reason';
  return {
    problems: [
      {
        code: LOCK_CODES.lockedContractInvalid,
        path: `products.${name}.contract`,
        message: `the locked contract of ${name} is no longer a valid contract for this version of lakemesh (${reason}), so it cannot be compared; ${relock}`,
        location: at('contract'),
      },
    ],
  };
}

function breakingProblem(mesh: MeshConfig, lockFile: LockFile, product: ProductConfig, change: LockedChange): Problem {
  const { diff } = change;
  const breaking = diff.changes.filter((candidate) => candidate.severity === 'breaking');
  const listed = breaking.slice(0, LISTED_BREAKING_CHANGES).map((candidate) => `${candidate.path}: ${candidate.message}`);
  const more = breaking.length - listed.length;
  const changes = `${listed.join('; ')}${more > 0 ? `; and ${more} more (see \`lakemesh lock\`)` : ''}`;
  const versions = diff.oldVersion === diff.newVersion ? `version stayed ${diff.newVersion}` : `${diff.oldVersion} → ${diff.newVersion}`;
  const name = change.lockedAs === change.product ? change.product : `${change.product} (locked as ${change.lockedAs})`;
  const next = nextBreakingVersion(diff.oldVersion) ?? 'a new major version';
  return {
    code: LOCK_CODES.breakingWithoutMajor,
    path: 'version',
    message:
      `${name} changed in a breaking way since ${path.basename(lockFile.file)} without a new major version (${versions}): ${changes}; ` +
      `bump the version to ${next} or revert the breaking changes, then run \`lakemesh lock --config ${displayPath(mesh.file)}\``,
    location: versionLocation(product.contract),
  };
}

/** The contract file's `version` field (the line to edit), or the contract itself when the file cannot be read again. */
function versionLocation(contract: DataContract): SourceLocation {
  try {
    return readYamlSource(contract.file).locate(['version']);
  } catch {
    return contract.location;
  }
}
