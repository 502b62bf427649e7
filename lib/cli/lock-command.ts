/**
 * `lakemesh lock [--config mesh.yaml] [--check | --accept-breaking]`: record the contract versions,
 * fingerprints and documents meant to be deployed, and the grants that exist, in `mesh.lock.json`
 * beside the mesh (see docs/lock.md). A reviewer runs it after approving a change, and commits the
 * file with it. It refuses to record a breaking contract change that comes without a new major
 * version (exit 1) unless `--accept-breaking` says the exception was reviewed; `--check` only
 * verifies that the lock is up to date (exit 1 when not), for CI. Beside the lock it writes the shard
 * state (`mesh.shards.json`, docs/sharding.md), which `--check` verifies too.
 */
import * as path from 'node:path';
import { Command, Option } from 'commander';
import { loadMesh } from '../config/load-mesh';
import { MeshConfig } from '../config/model';
import { LakemeshError } from '../errors';
import { changeLine, diffAsText } from '../evolution/render-diff';
import { buildContractLock } from '../lock/build-lock';
import { LOCK_CODES } from '../lock/codes';
import { describeDifference, grantLabel, LockDifference, lockDifferences, staleProblems } from '../lock/compare-locks';
import { compareWithLock, LockComparison, LockedChange } from '../lock/lock-gate';
import { readContractLock, serializeContractLock, writeLockFileAtomic } from '../lock/lock-file';
import { ContractLock, lockFilePath, LockFile } from '../lock/model';
import { CommandContext } from './command-context';
import { CliIo, EXIT_CODES } from './io';
import { DEFAULT_MESH_FILE, displayPath } from './package-root';
import { plural, reportProblems } from './report-problems';
import { describeState, recordShards, RecordedShards, shardStateProblems } from '../sharding/record-shards';

export interface LockCommandOptions {
  /** @default - the embedded example mesh, examples/retail/mesh.yaml */
  readonly config?: string;
  /** Verify the lock instead of writing it. @default false */
  readonly check?: boolean;
  /** Record breaking changes without a new major version (a reviewed exception). @default false */
  readonly acceptBreaking?: boolean;
}

export function registerLockCommand(program: Command, context: CommandContext): void {
  program
    .command('lock')
    .summary('record the contract versions meant to be deployed (mesh.lock.json)')
    .description(
      'Check the mesh like validate, then record every contract (id, version, fingerprint and the document itself) and ' +
        'every grant in a lock file beside the mesh file (mesh.yaml → mesh.lock.json); commit it with the change. ' +
        'Once a lock exists, synth and validate refuse a contract that changed in a breaking way since it was locked ' +
        'unless its version moved to a new major version, and grants the lock records stay on products deprecated later. ' +
        'lock prints what changed since the previous lock and refuses (exit 1, nothing written) to record a breaking ' +
        'change without a new major version, unless --accept-breaking. With --check it writes nothing and exits 1 when ' +
        'the lock is missing or out of date. Beside the lock it keeps mesh.shards.json, the stack (shard) each product\'s and ' +
        'grant\'s resources went to, so that they stay there as the mesh grows (see docs/sharding.md).',
    )
    .option('-c, --config <file>', 'the mesh file (default: the embedded example, examples/retail/mesh.yaml)')
    .addOption(new Option('--check', 'verify that the lock records the mesh as it is; exit 1 when not (for CI)').conflicts('acceptBreaking'))
    .option('--accept-breaking', 'record breaking changes that come without a new major version (a reviewed exception, visible in the lock diff)')
    .action((options: LockCommandOptions) => {
      context.setExitCode(lock(options, context.io));
    });
}

/** Runs the command; returns the exit code. Throws `LakemeshError` for an invalid mesh or lock. */
export function lock(options: LockCommandOptions, io: CliIo): number {
  const meshFile = options.config ?? displayPath(DEFAULT_MESH_FILE);
  const lockFile = lockFilePath(meshFile);
  const existing = readContractLock(lockFile);
  // The existing lock's grants are the ones deprecated products keep: lock cannot launder a new one.
  const mesh = loadMesh(meshFile, { today: io.now?.(), existingGrants: existing?.lock.grants });
  const comparison = existing === undefined ? undefined : compareWithLock(mesh, existing);
  if (options.check) return check(meshFile, lockFile, existing, comparison, mesh, io);

  if (comparison !== undefined && comparison.problems.length > 0) {
    if (!options.acceptBreaking) {
      reportProblems(comparison.problems, io);
      io.stderr(
        `nothing written to ${lockFile}; to record these changes anyway as a reviewed exception, run lakemesh lock --config ${meshFile} --accept-breaking\n`,
      );
      return EXIT_CODES.invalid;
    }
    for (const problem of comparison.problems) io.stderr(`accepted: ${problem.message} [${problem.code}]\n`);
  }
  const fresh = buildContractLock(mesh);
  const content = serializeContractLock(fresh);
  const summary = existing !== undefined && comparison !== undefined ? changeSummary(comparison, lockDifferences(existing.lock, fresh)) : '';
  if (summary !== '') io.stdout(summary);
  if (existing?.text === content) {
    io.stdout(`${lockFile} is up to date: ${counts(fresh)}\n`);
  } else {
    writeLockFileAtomic(lockFile, content);
    io.stdout(`wrote ${lockFile}: ${counts(fresh)}\n`);
  }
  reportShards(recordShards(mesh, meshFile), io);
  return EXIT_CODES.ok;
}

/** The shard state beside the lock (docs/sharding.md): written when it changed; moves are warned about. */
function reportShards(recorded: RecordedShards, io: CliIo): void {
  for (const move of recorded.moved) {
    io.stderr(`moved ${move}: its shard outgrew the stack limits; deploying deletes its resources from the old stack and creates them in the new one, which revokes and re-grants live access\n`);
  }
  if (recorded.written) io.stdout(`wrote ${recorded.file}: ${describeState(recorded.state)}\n`);
}

/** `--check`: the lock must exist, pass the gate, and record exactly what the mesh holds. */
function check(meshFile: string, lockFile: string, existing: LockFile | undefined, comparison: LockComparison | undefined, mesh: MeshConfig, io: CliIo): number {
  if (existing === undefined || comparison === undefined) {
    throw LakemeshError.of(
      LOCK_CODES.missing,
      `${lockFile}: there is no contract lock beside ${meshFile}; run \`lakemesh lock --config ${meshFile}\` and commit ${path.basename(lockFile)}`,
    );
  }
  if (comparison.problems.length > 0) throw new LakemeshError(comparison.problems);
  const fresh = buildContractLock(mesh);
  const stale = staleProblems(existing, lockDifferences(existing.lock, fresh), meshFile);
  if (stale.length > 0) throw new LakemeshError(stale);
  const shards = shardStateProblems(mesh, meshFile);
  if (shards.length > 0) throw new LakemeshError(shards);
  // The same content written differently (e.g. re-indented by an editor) is still up to date.
  if (serializeContractLock(existing.lock) !== existing.text) {
    io.stderr(`note: ${lockFile} is not formatted the way lakemesh writes it; lakemesh lock rewrites it\n`);
  }
  io.stdout(`${lockFile} is up to date: ${counts(fresh)}\n`);
  return EXIT_CODES.ok;
}

/** `2 products, 1 grant` */
function counts(lock: ContractLock): string {
  return `${plural(Object.keys(lock.products).length, 'product')}, ${plural(lock.grants.length, 'grant')}`;
}

/**
 * What this lock records that the previous one did not: per changed contract the verdict of its
 * diff and the changes (breaking and warnings; info is counted), then products and grants added
 * and removed.
 */
function changeSummary(comparison: LockComparison, differences: readonly LockDifference[]): string {
  const lines: string[] = [];
  const diffs = new Map<string, LockedChange>(comparison.changed.map((change) => [change.product, change]));
  for (const difference of differences) {
    const change = 'product' in difference ? diffs.get(difference.product) : undefined;
    if (change !== undefined) {
      lines.push(contractChangeLines(change));
      diffs.delete(change.product);
    } else if (difference.kind === 'grant-added') lines.push(`grant added: ${grantLabel(difference.grant)}`);
    else if (difference.kind === 'grant-removed') lines.push(`grant removed: ${grantLabel(difference.grant)}`);
    else lines.push(describeDifference(difference));
  }
  // A renamed product is compared with its old entry, which the name-by-name differences list as removed.
  for (const change of diffs.values()) lines.push(contractChangeLines(change));
  return lines.map((line) => `${line}\n`).join('');
}

function contractChangeLines(change: LockedChange): string {
  const name = change.lockedAs === change.product ? change.product : `${change.product} (was ${change.lockedAs})`;
  const verdict = diffAsText(change.diff, name).trimEnd().split('\n').pop() ?? name;
  const listed = change.diff.changes.filter((candidate) => candidate.severity !== 'info').map((candidate) => `  ${changeLine(candidate)}`);
  return change.diff.changes.length === 0
    ? `${name} ${change.diff.oldVersion} → ${change.diff.newVersion}: changed only where lakemesh does not compare contracts (e.g. custom properties)`
    : [verdict, ...listed].join('\n');
}
