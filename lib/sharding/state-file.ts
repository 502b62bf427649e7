/**
 * Reads and writes the shard state file, `mesh.shards.json` beside `mesh.yaml` (the mesh file's
 * extension replaced by `.shards.json`). Machine-written JSON, read with `JSON.parse` under a size
 * cap; written deterministically (groups and units sorted, 2-space indent, final newline) so that it
 * diffs well, and atomically (temporary file, then rename). Synth only ever reads it.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { LakemeshError, Problem } from '../errors';
import { locateInLock } from '../lock/lock-file';
import { describe as describeValue, formatPath, PathSegment } from '../source/yaml-source';
import { SHARDING_CODES } from './codes';
import { compareKeys } from './model';
import { SHARD_STATE_VERSION, ShardState } from './state';

/** `mesh.yaml` → `mesh.shards.json`. */
export const SHARD_STATE_SUFFIX = '.shards.json';

/** Far above any mesh (a unit is one line of ~60 bytes); JSON.parse of much more would exhaust memory. */
export const MAX_SHARD_STATE_BYTES = 64 * 1024 * 1024;

const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(\s|$)/m;
const FIX = 'restore it from version control, or delete it and run `lakemesh lock` (units then keep the places a first run gives them, which may move resources that were deployed elsewhere)';

const shard = z.number().int().min(1);
const schema = z.strictObject({
  shardsVersion: z.literal(SHARD_STATE_VERSION),
  mesh: z.string().min(1),
  groups: z.record(z.string().min(1), z.strictObject({ shards: shard, units: z.record(z.string().min(1), shard) })),
});

/** The shard state file that belongs to `meshFile`. */
export function shardStateFilePath(meshFile: string): string {
  const extension = path.extname(meshFile);
  const base = ['.yaml', '.yml', '.json'].includes(extension) ? meshFile.slice(0, -extension.length) : meshFile;
  return `${base}${SHARD_STATE_SUFFIX}`;
}

/** The state at `file`, or undefined when there is none. Throws `LakemeshError` (LM543–LM547) when it exists but cannot be used. */
export function readShardState(file: string, meshName?: string): ShardState | undefined {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw unreadable(file, 'it is not a regular file');
    if (stat.size > MAX_SHARD_STATE_BYTES) throw unreadable(file, `it is ${stat.size} bytes, more than the ${MAX_SHARD_STATE_BYTES} bytes lakemesh reads`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof LakemeshError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(file, (error as Error).message);
  }
  return parseShardState(file, text, meshName);
}

/** Parses the text of a shard state file; `file` names it in messages, `meshName` must match when given. */
export function parseShardState(file: string, text: string, meshName?: string): ShardState {
  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    throw located(SHARDING_CODES.syntax, '', `the shard state has git merge conflict markers; keep one side (e.g. \`git checkout --theirs ${path.basename(file)}\`), then run \`lakemesh lock\` to pin the units the other side added`, file, text, conflict.index);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message.replace(/,? "[\s\S]*" is not valid JSON$/, '').replace(/^./, (c) => c.toLowerCase());
    throw located(SHARDING_CODES.syntax, '', `the shard state is not valid JSON (${reason}); ${FIX}`, file, text, 0);
  }
  const version = isMapping(data) ? data.shardsVersion : undefined;
  if (version !== undefined && version !== SHARD_STATE_VERSION) {
    throw new LakemeshError([{ code: SHARDING_CODES.unsupportedVersion, path: 'shardsVersion', message: `shardsVersion ${JSON.stringify(version)} is not one this version of lakemesh reads (it reads ${SHARD_STATE_VERSION}); use the lakemesh version that wrote it, or upgrade lakemesh`, location: locateInLock(file, text, ['shardsVersion']) }]);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new LakemeshError(parsed.error.issues.map((issue) => shapeProblem(file, text, data, issue)));
  const state = parsed.data as ShardState;
  if (meshName !== undefined && state.mesh !== meshName) {
    throw new LakemeshError([{ code: SHARDING_CODES.otherMesh, path: 'mesh', message: `the shard state is for mesh "${state.mesh}", but the mesh file names "${meshName}"; a renamed mesh renames every stack, so delete the state and run \`lakemesh lock\``, location: locateInLock(file, text, ['mesh']) }]);
  }
  const problems: Problem[] = [];
  for (const [group, recorded] of Object.entries(state.groups)) {
    for (const [unit, number] of Object.entries(recorded.units)) {
      if (number <= recorded.shards) continue;
      problems.push({ code: SHARDING_CODES.shape, path: `groups.${group}.units.${unit}`, message: `shard ${number} is beyond the ${recorded.shards} shard(s) the group records; ${FIX}`, location: locateInLock(file, text, ['groups', group, 'units', unit]) });
    }
  }
  if (problems.length > 0) throw new LakemeshError(problems);
  return state;
}

/** The state as text: fixed field order, groups and units sorted, 2-space indent, final newline. */
export function serializeShardState(state: ShardState): string {
  const groups = Object.keys(state.groups)
    .sort(compareKeys)
    .map((key) => {
      const { shards, units } = state.groups[key];
      return [key, { shards, units: Object.fromEntries(Object.keys(units).sort(compareKeys).map((unit) => [unit, units[unit]])) }];
    });
  return `${JSON.stringify({ shardsVersion: state.shardsVersion, mesh: state.mesh, groups: Object.fromEntries(groups) }, null, 2)}\n`;
}

/** Writes `state` to `file` through a temporary file in the same directory and a rename. */
export function writeShardState(file: string, state: ShardState): void {
  const directory = path.dirname(path.resolve(file));
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, serializeShardState(state), { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' || code === 'ENOTEMPTY' ? 'a directory is in its place' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
    throw LakemeshError.of(SHARDING_CODES.unwritable, `${file}: cannot write the shard state (${reason}); make the directory of the mesh file writable, or move what is in the way`);
  }
}

function shapeProblem(file: string, text: string, data: unknown, issue: z.core.$ZodIssue): Problem {
  const segments = issue.path.filter((segment): segment is PathSegment => typeof segment === 'string' || typeof segment === 'number');
  const received = valueAt(data, segments);
  let message: string;
  if (issue.code === 'unrecognized_keys') message = `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')} in the shard state; ${FIX}`;
  else if (received === undefined) message = `is required in the shard state; ${FIX}`;
  else message = `expected ${expectation(segments)}, got ${describeValue(received)}; ${FIX}`;
  const at = received === undefined ? segments.slice(0, -1) : segments;
  return { code: SHARDING_CODES.shape, path: formatPath(segments), message, location: locateInLock(file, text, at) };
}

function expectation(segments: readonly PathSegment[]): string {
  const field = segments[segments.length - 1];
  if (field === 'shardsVersion') return `the number ${SHARD_STATE_VERSION}`;
  if (field === 'mesh') return 'the mesh name';
  if (field === 'shards' || segments[segments.length - 2] === 'units') return 'a shard number (a whole number from 1)';
  return 'a mapping';
}

function valueAt(data: unknown, segments: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function unreadable(file: string, reason: string): LakemeshError {
  return LakemeshError.of(SHARDING_CODES.unreadable, `${file}: cannot read the shard state (${reason}); ${FIX}`);
}

function located(code: string, pathText: string, message: string, file: string, text: string, offset: number): LakemeshError {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
  return new LakemeshError([{ code, path: pathText, message, location: { file, line: before.length, column: before[before.length - 1].length + 1 } }]);
}
