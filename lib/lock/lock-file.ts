/**
 * Reads and writes the contract lock file. The lock is machine-written JSON that can hold
 * thousands of contracts, so it is read with `JSON.parse` (fast, no aliases, no YAML surprises)
 * under its own size cap, rather than with the YAML reader meant for hand-written inputs; problems
 * are still located at the line of the entry they concern. Written deterministically (fixed field
 * order, contract keys sorted, 2-space indent, trailing newline) so that it diffs well in git, and
 * atomically (temporary file, then rename) so that an interrupted write never leaves half a lock.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../contract/fingerprint';
import { LakemeshError, Problem, SourceLocation } from '../errors';
import { dataShape } from '../source/nesting';
import { describe, formatPath, MAX_NESTING_DEPTH, PathSegment } from '../source/yaml-source';
import { LOCK_CODES } from './codes';
import { compareGrants, compareText, ContractLock, LOCK_VERSION, LockFile, LockedProduct } from './model';

/** A lock this large is not a lock; JSON.parse of far more would exhaust memory. */
export const MAX_LOCK_BYTES = 128 * 1024 * 1024;

/** A contract nests at most `MAX_NESTING_DEPTH` levels; the lock adds three (root, products, entry). */
export const MAX_LOCK_DEPTH = MAX_NESTING_DEPTH + 3;

const FINGERPRINT = /^[0-9a-f]{64}$/;
const CONFLICT_MARKER = /^(<{7}|={7}|>{7})(\s|$)/m;

const isMapping = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const lockedProductSchema = z.strictObject({
  contractId: z.string().min(1),
  version: z.string().min(1),
  fingerprint: z.string().regex(FINGERPRINT),
  file: z.string().min(1),
  // z.custom keeps the document itself (no copy), so its fingerprint is exactly what was stored.
  contract: z.custom<Readonly<Record<string, unknown>>>(isMapping),
});

const lockedGrantSchema = z.strictObject({ product: z.string().min(1), consumer: z.string().min(1), role: z.string().min(1) });

const lockSchema = z.strictObject({
  lockVersion: z.literal(LOCK_VERSION),
  mesh: z.string().min(1),
  products: z.record(z.string(), lockedProductSchema),
  grants: z.array(lockedGrantSchema),
});

/** What each field must hold, for messages (zod's own wording names types, not intent). */
const EXPECTED: Readonly<Record<string, string>> = {
  fingerprint: 'a SHA-256 fingerprint (64 lower-case hex digits)',
  contract: 'a mapping (the locked ODCS document)',
  lockVersion: `the number ${LOCK_VERSION}`,
};

/** The lock at `file`, or undefined when there is none. Throws `LakemeshError` when it exists but cannot be used. */
export function readContractLock(file: string): LockFile | undefined {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw unreadable(file, 'it is not a regular file');
    if (stat.size > MAX_LOCK_BYTES) throw unreadable(file, `it is ${stat.size} bytes, more than the ${MAX_LOCK_BYTES} bytes lakemesh reads`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof LakemeshError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(file, (error as Error).message);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable(file, 'it is not UTF-8 text');
  }
  return parseContractLock(file, text);
}

/** Parses the text of a lock file (exposed for tests); `file` names it in messages. */
export function parseContractLock(file: string, text: string): LockFile {
  const conflict = CONFLICT_MARKER.exec(text);
  if (conflict) {
    throw new LakemeshError([
      {
        code: LOCK_CODES.syntax,
        path: '',
        message:
          `the contract lock has git merge conflict markers; keep one side of the conflict (e.g. \`git checkout --theirs ${path.basename(file)}\`), ` +
          'then run `lakemesh lock` to compare the merged contracts with it and record them',
        location: positionAt(file, text, conflict.index),
      },
    ]);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const { reason, offset } = jsonSyntaxError((error as Error).message, text);
    throw new LakemeshError([
      {
        code: LOCK_CODES.syntax,
        path: '',
        message: `the contract lock is not valid JSON (${reason}); lakemesh writes it, so restore it from version control, or delete it and run \`lakemesh lock\` to record the contracts again`,
        location: positionAt(file, text, offset),
      },
    ]);
  }
  // Later steps (fingerprints, the contract parser) recurse over the documents: refuse what would overflow them.
  // (JSON has no aliases, so the data cannot contain itself.)
  const shape = dataShape(data);
  if (shape.kind === 'depth' && shape.depth > MAX_LOCK_DEPTH) {
    throw new LakemeshError([
      {
        code: LOCK_CODES.shape,
        path: '',
        message: `the contract lock nests deeper than ${MAX_LOCK_DEPTH} levels, deeper than any contract lakemesh reads; restore it from version control, or delete it and run \`lakemesh lock\``,
        location: { file, line: 1, column: 1 },
      },
    ]);
  }
  if (isMapping(data) && data.lockVersion !== undefined && data.lockVersion !== LOCK_VERSION) {
    throw new LakemeshError([
      {
        code: LOCK_CODES.unsupportedVersion,
        path: 'lockVersion',
        message: `lockVersion ${JSON.stringify(data.lockVersion)} is not one this version of lakemesh reads (it reads ${LOCK_VERSION}); use the lakemesh version that wrote the lock, or upgrade lakemesh`,
        location: locateInLock(file, text, ['lockVersion']),
      },
    ]);
  }
  const parsed = lockSchema.safeParse(data);
  if (!parsed.success) throw new LakemeshError(parsed.error.issues.map((issue) => shapeProblem(file, text, data, issue)));
  return { file, text, lock: parsed.data as ContractLock };
}

/** The lock as text: fixed field order, products by name, contract keys sorted, grants sorted; 2-space indent and a final newline. */
export function serializeContractLock(lock: ContractLock): string {
  const products = Object.keys(lock.products)
    .sort(compareText)
    .map((name): [string, LockedProduct] => {
      const { contractId, version, fingerprint, file, contract } = lock.products[name];
      return [name, { contractId, version, fingerprint, file, contract: JSON.parse(canonicalJson(contract)) }];
    });
  const ordered = {
    lockVersion: lock.lockVersion,
    mesh: lock.mesh,
    products: Object.fromEntries(products),
    grants: [...lock.grants].sort(compareGrants).map(({ product, consumer, role }) => ({ product, consumer, role })),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** Writes `content` to `file` through a temporary file in the same directory and a rename. */
export function writeLockFileAtomic(file: string, content: string): void {
  const directory = path.dirname(path.resolve(file));
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    const [reason, fix] =
      code === 'EISDIR' || code === 'ENOTEMPTY'
        ? ['a directory is in its place', 'move the directory away']
        : [code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message, 'make the directory of the mesh file writable'];
    throw LakemeshError.of(LOCK_CODES.unwritable, `${file}: cannot write the contract lock (${reason}); ${fix}`);
  }
}

/**
 * Where `path` sits in a lock file: the line of the last key along it that can be found. Exact
 * for the files lakemesh writes; a best effort (at worst line 1) for hand-edited ones.
 */
export function locateInLock(file: string, text: string, keys: readonly PathSegment[]): SourceLocation {
  let offset = 0;
  for (const key of keys) {
    if (typeof key !== 'string') break;
    const pattern = new RegExp(`${escapeRegExp(JSON.stringify(key))}\\s*:`, 'g');
    pattern.lastIndex = offset;
    const match = pattern.exec(text);
    if (!match) break;
    offset = match.index;
  }
  return positionAt(file, text, offset);
}

function shapeProblem(file: string, text: string, data: unknown, issue: z.core.$ZodIssue): Problem {
  const segments = issue.path.filter((segment): segment is PathSegment => typeof segment === 'string' || typeof segment === 'number');
  const field = segments.filter((segment) => typeof segment === 'string').pop() ?? '';
  const received = valueAt(data, segments);
  const fix = 'lakemesh writes the lock, so restore it from version control, or delete it and run `lakemesh lock`';
  let message: string;
  if (issue.code === 'unrecognized_keys') {
    message = `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => JSON.stringify(key)).join(', ')} in the contract lock; ${fix}`;
  } else if (received === undefined) {
    message = `is required in the contract lock; ${fix}`;
  } else {
    const expected = EXPECTED[field] ?? (issue.code === 'invalid_type' ? `a ${issue.expected === 'object' ? 'mapping' : issue.expected === 'array' ? 'list' : issue.expected}` : 'a non-empty text');
    message = `expected ${expected}, got ${describe(received)}; ${fix}`;
  }
  // A missing key cannot be found: point at the entry that lacks it (else a key further down would match).
  const located = received === undefined ? segments.slice(0, -1) : segments;
  return { code: LOCK_CODES.shape, path: formatPath(segments), message, location: locateInLock(file, text, located) };
}

/** V8's JSON.parse message without the echo of the input, and the offset it names (else the end, or the start). */
function jsonSyntaxError(message: string, text: string): { reason: string; offset: number } {
  const token = /^Unexpected token '([\s\S]*?)', "[\s\S]*" is not valid JSON$/.exec(message);
  if (token) return { reason: `unexpected character ${JSON.stringify(token[1])}`, offset: 0 };
  const position = /\s*(?:in JSON )?at position (\d+)[\s\S]*$/.exec(message);
  const reason = (position ? message.slice(0, position.index) : message).replace(/^./, (c) => c.toLowerCase());
  return { reason, offset: position ? Number(position[1]) : text.length };
}

function valueAt(data: unknown, segments: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

function unreadable(file: string, reason: string): LakemeshError {
  return LakemeshError.of(LOCK_CODES.unreadable, `${file}: cannot read the contract lock (${reason}); restore it from version control, or delete it and run \`lakemesh lock\``);
}

function positionAt(file: string, text: string, offset: number): SourceLocation {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length))).split('\n');
  return { file, line: before.length, column: before[before.length - 1].length + 1 };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
