/**
 * Reads a YAML or JSON input file defensively and keeps the parsed document, so that every later
 * problem can point at `file:line:column`. Guards: regular files only, size cap, UTF-8 only, no
 * duplicate keys, alias expansion capped (a "billion laughs" file fails fast instead of eating
 * memory), nesting depth capped and no alias inside itself (later steps recurse over the data).
 */
import * as fs from 'node:fs';
import { Document, isCollection, isMap, isPair, isScalar, isSeq, LineCounter, Node, parseDocument } from 'yaml';
import { LakemeshError, Problem, SourceLocation } from '../errors';
import { dataShape, firstNodeDeeperThan } from './nesting';

/** Inputs are hand-written configuration; anything larger is a mistake or an attack. */
export const MAX_SOURCE_BYTES = 5 * 1024 * 1024;
/** yaml's own default is 100; contracts legitimately reuse a few anchors, nothing needs more. */
export const MAX_ALIAS_COUNT = 100;
/** Contracts nest a dozen levels; far deeper input would only exhaust the call stack of later steps. */
export const MAX_NESTING_DEPTH = 64;

export type PathSegment = string | number;

export class YamlSource {
  constructor(
    /** The file name as the user gave it (used verbatim in messages). */
    public readonly file: string,
    public readonly data: unknown,
    private readonly document: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * The position of the node at `path`, or of its closest existing ancestor. With `key: true`
   * the position of the map key rather than its value (for "unknown key" problems).
   */
  locate(path: readonly PathSegment[], options: { key?: boolean } = {}): SourceLocation {
    let node: unknown = this.document.contents;
    let offset = rangeStart(node) ?? 0;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        const keyOffset = rangeStart(pair.key);
        if (last && options.key && keyOffset !== undefined) {
          offset = keyOffset;
          break;
        }
        node = pair.value;
        offset = rangeStart(node) ?? keyOffset ?? offset;
      } else if (isSeq(node) && typeof segment === 'number') {
        node = node.items[segment];
        if (node === undefined) break;
        offset = rangeStart(node) ?? offset;
      } else {
        break;
      }
    }
    const { line, col } = this.lines.linePos(offset);
    return { file: this.file, line, column: col };
  }

  /** A problem located at `path`. */
  problem(code: string, path: readonly PathSegment[], message: string, options: { key?: boolean } = {}): Problem {
    return { code, path: formatPath(path), message, location: this.locate(path, options) };
  }
}

/** `grants[2].role` */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out ? `.${segment}` : segment;
  }
  return out;
}

export const SOURCE_CODES = {
  unreadable: 'LM001',
  tooLarge: 'LM002',
  notUtf8: 'LM003',
  syntax: 'LM004',
  empty: 'LM005',
  notAMapping: 'LM006',
  /** Collections nested deeper than `MAX_NESTING_DEPTH`. */
  tooDeep: 'LM007',
  /** An alias inside the collection its anchor names: the data would be infinite. */
  circularAlias: 'LM008',
} as const;

/** Reads and parses `file`; throws `LakemeshError` with a located problem on any failure. */
export function readYamlSource(file: string): YamlSource {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) {
      throw LakemeshError.of(SOURCE_CODES.unreadable, `${file}: is a directory, expected a YAML or JSON file`);
    }
    // Devices and pipes can be endless (/dev/zero) or block forever (a FIFO nobody writes to).
    if (!stat.isFile()) {
      throw LakemeshError.of(SOURCE_CODES.unreadable, `${file}: not a regular file (a device, pipe or socket); expected a YAML or JSON file`);
    }
    if (stat.size > MAX_SOURCE_BYTES) {
      throw LakemeshError.of(
        SOURCE_CODES.tooLarge,
        `${file}: file is ${stat.size} bytes, more than the ${MAX_SOURCE_BYTES} bytes lakemesh reads; split it or check that it is the right file`,
      );
    }
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof LakemeshError) throw error;
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw LakemeshError.of(SOURCE_CODES.unreadable, `${file}: cannot read the file (${reason})`);
  }
  return parseYamlSource(file, bytes);
}

/** Parses bytes already in memory (exposed for tests and for callers that read files themselves). */
export function parseYamlSource(file: string, bytes: Uint8Array): YamlSource {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw LakemeshError.of(SOURCE_CODES.notUtf8, `${file}: file is not valid UTF-8 text; save it as UTF-8 (binary files cannot be read)`);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    throw LakemeshError.of(SOURCE_CODES.notUtf8, `${file}: file contains NUL bytes; it looks binary, expected YAML or JSON text`);
  }

  const lines = new LineCounter();
  // stringKeys: `1:` and `"1":` are the same JS key, so only as strings can duplicates be caught;
  // a list or mapping used as a key would otherwise be stringified silently.
  const document = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, stringKeys: true });
  // Before syntax errors: nesting deep enough to overflow the parser's stack surfaces there too.
  const tooDeep = firstNodeDeeperThan(document.contents, MAX_NESTING_DEPTH);
  if (tooDeep !== undefined) throw tooDeepError(file, lines.linePos(rangeStart(tooDeep) ?? 0));
  const syntaxErrors = document.errors.map((error): Problem => {
    const { line, col } = lines.linePos(error.pos[0]);
    if (error.code === 'RESOURCE_EXHAUSTION') return tooDeepError(file, { line, col }).problems[0];
    const reason = error.code === 'NON_STRING_KEY' ? 'keys must be plain text, not lists, mappings or empty' : firstLine(error.message);
    return {
      code: SOURCE_CODES.syntax,
      path: '',
      message: `invalid YAML: ${reason}`,
      location: { file, line, column: col },
    };
  });
  if (syntaxErrors.length > 0) throw new LakemeshError(syntaxErrors);

  if (document.contents === null || (isScalar(document.contents) && document.contents.value === null)) {
    throw new LakemeshError([
      { code: SOURCE_CODES.empty, path: '', message: 'file is empty; expected a YAML mapping', location: { file, line: 1, column: 1 } },
    ]);
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const message = firstLine((error as Error).message);
    const hint = /excessive alias count/i.test(message) ? ' (aliases expand to more than lakemesh accepts; write the values out)' : '';
    throw new LakemeshError([
      {
        code: SOURCE_CODES.syntax,
        path: '',
        message: `invalid YAML: ${message}${hint}`,
        location: { file, line: 1, column: 1 },
      },
    ]);
  }
  const shape = dataShape(data);
  if (shape.kind === 'circular') {
    throw new LakemeshError([
      {
        code: SOURCE_CODES.circularAlias,
        path: '',
        message: 'an alias refers to the collection that holds it, which would make the data infinite; write the values out instead of the alias',
        location: { file, line: 1, column: 1 },
      },
    ]);
  }
  if (shape.depth > MAX_NESTING_DEPTH) throw tooDeepError(file, { line: 1, col: 1 });
  if (!isCollection(document.contents) || !isMap(document.contents)) {
    const where = rangeStart(document.contents) ?? 0;
    const { line, col } = lines.linePos(where);
    throw new LakemeshError([
      { code: SOURCE_CODES.notAMapping, path: '', message: `expected a mapping at the top of the file, got ${describe(data)}`, location: { file, line, column: col } },
    ]);
  }
  return new YamlSource(file, data, document, lines);
}

function tooDeepError(file: string, position: { line: number; col: number }): LakemeshError {
  return new LakemeshError([
    {
      code: SOURCE_CODES.tooDeep,
      path: '',
      message: `the YAML nests deeper than ${MAX_NESTING_DEPTH} levels; lakemesh inputs need far fewer, check that this is the right file`,
      location: { file, line: position.line, column: position.col },
    },
  ]);
}

function rangeStart(node: unknown): number | undefined {
  return node && typeof node === 'object' && 'range' in node ? ((node as Node).range?.[0] ?? undefined) : undefined;
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim().replace(/\.$/, '').replace(/^./, (c) => c.toLowerCase());
}

/** A short, lower-case description of a value's type for messages: `a string ("x")`, `a list`. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `a string (${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)})`;
  // Explicit YAML tags (`!!timestamp`, `!!binary`) give objects that are not mappings.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid date' : `a date (${value.toISOString()})`;
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value} (${String(value)})`;
}
