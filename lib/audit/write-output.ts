/**
 * Writes a report file atomically: the content goes to a temporary file beside the target, which
 * is then renamed over it. A reader (or a CI artifact upload) never sees a half-written report,
 * and a failed write leaves the previous report in place.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LakemeshError } from '../errors';
import { AUDIT_CODES } from './codes';

/** The file operations an atomic write needs (replaceable so tests can make one fail). */
export interface AtomicWriteOperations {
  readonly writeFileSync: (file: string, content: string, options: fs.WriteFileOptions) => void;
  readonly renameSync: (from: string, to: string) => void;
  readonly rmSync: (file: string, options: fs.RmOptions) => void;
}

const NODE_FILE_SYSTEM: AtomicWriteOperations = {
  writeFileSync: (file, content, options) => fs.writeFileSync(file, content, options),
  renameSync: (from, to) => fs.renameSync(from, to),
  rmSync: (file, options) => fs.rmSync(file, options),
};

/** Writes `content` to `file` through a temporary file; throws `LakemeshError` (LM604) when it cannot. */
export function writeFileAtomic(file: string, content: string, operations: AtomicWriteOperations = NODE_FILE_SYSTEM): void {
  const directory = path.dirname(path.resolve(file));
  const temporary = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    operations.writeFileSync(temporary, content, { encoding: 'utf8', flag: 'wx' });
    operations.renameSync(temporary, file);
  } catch (error) {
    operations.rmSync(temporary, { force: true });
    // Duck-typed: errors from node:fs need not be instances of this realm's Error (e.g. under jest).
    const reason = describe(error as Partial<NodeJS.ErrnoException> | undefined, directory);
    throw LakemeshError.of(AUDIT_CODES.unwritableOutput, `cannot write --output "${file}": ${reason}; choose a writable file path`, 'output');
  }
}

function describe(error: Partial<NodeJS.ErrnoException> | undefined, directory: string): string {
  switch (error?.code) {
    case 'ENOENT':
      return `directory "${directory}" does not exist`;
    case 'EISDIR':
      return 'it is a directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return typeof error?.message === 'string' ? error.message : String(error);
  }
}
