import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeFileAtomic } from '../../lib/audit/write-output';
import { LakemeshError } from '../../lib/errors';

function freshDirectory(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lakemesh-output-'));
}

function problemOf(run: () => unknown): { code: string; message: string; path: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof LakemeshError) return error.problems[0];
    throw error;
  }
  throw new Error('expected a LakemeshError');
}

describe('writeFileAtomic', () => {
  test('writes the content and leaves no temporary file', () => {
    const directory = freshDirectory();
    const file = path.join(directory, 'audit.json');
    writeFileAtomic(file, '{"rows": []}\n');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"rows": []}\n');
    expect(fs.readdirSync(directory)).toEqual(['audit.json']);
  });

  test('replaces an existing report', () => {
    const directory = freshDirectory();
    const file = path.join(directory, 'audit.html');
    fs.writeFileSync(file, 'old');
    writeFileAtomic(file, 'new');
    expect(fs.readFileSync(file, 'utf8')).toBe('new');
  });

  test('keeps the previous report and removes the temporary file when the rename fails', () => {
    const directory = freshDirectory();
    const file = path.join(directory, 'audit.html');
    fs.writeFileSync(file, 'previous report');
    const failingRename = {
      writeFileSync: fs.writeFileSync,
      rmSync: fs.rmSync,
      renameSync: () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    expect(problemOf(() => writeFileAtomic(file, 'half', failingRename))).toEqual({
      code: 'LM604',
      path: 'output',
      message: `cannot write --output "${file}": EXDEV: cross-device link not permitted; choose a writable file path`,
    });
    expect(fs.readFileSync(file, 'utf8')).toBe('previous report');
    expect(fs.readdirSync(directory)).toEqual(['audit.html']);
  });

  test('fails when the directory does not exist', () => {
    const file = path.join(freshDirectory(), 'missing', 'audit.json');
    expect(problemOf(() => writeFileAtomic(file, '{}'))).toEqual({
      code: 'LM604',
      path: 'output',
      message: `cannot write --output "${file}": directory "${path.dirname(file)}" does not exist; choose a writable file path`,
    });
  });

  test('fails when the target is a directory, leaving nothing behind', () => {
    const directory = freshDirectory();
    const target = path.join(directory, 'report');
    fs.mkdirSync(target);
    const problem = problemOf(() => writeFileAtomic(target, '{}'));
    expect(problem.code).toBe('LM604');
    expect(problem.message).toMatch(new RegExp(`^cannot write --output "${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}": `));
    expect(fs.readdirSync(directory)).toEqual(['report']);
  });
});
