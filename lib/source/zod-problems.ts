/**
 * Turns zod issues into located lakemesh problems: unknown keys get a "did you mean" hint built
 * from the keys the schema knows at that place.
 */
import { z } from 'zod';
import { Problem } from '../errors';
import { didYouMean } from './did-you-mean';
import { describe, PathSegment, YamlSource } from './yaml-source';

/** Problem codes for structural (schema) errors, shared by every input file kind. */
export const SCHEMA_CODES = {
  unknownKey: 'LM010',
  wrongType: 'LM011',
  missing: 'LM012',
  invalidValue: 'LM013',
} as const;

export function zodProblems(source: YamlSource, schema: z.ZodType, error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p === 'string' || typeof p === 'number');
    const received = valueAt(source.data, path);
    const expected = expectedType(issue);
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        problems.push(
          source.problem(SCHEMA_CODES.unknownKey, [...path, key], `unknown key "${key}"${didYouMean(key, known)}`, { key: true }),
        );
      }
    } else if (expected !== undefined && received === undefined) {
      problems.push(source.problem(SCHEMA_CODES.missing, path, `is required (${expected})`));
    } else if (expected !== undefined) {
      problems.push(source.problem(SCHEMA_CODES.wrongType, path, `expected ${expected}, got ${describe(received)}`));
    } else {
      problems.push(source.problem(SCHEMA_CODES.invalidValue, path, `${lowerFirst(issue.message)}, got ${describe(received)}`));
    }
  }
  return problems;
}

/**
 * The type an issue asked for, in words (`a mapping`, `a string or a number`), when the issue is
 * only about the type: a plain type mismatch, or a union none of whose options took the type.
 */
function expectedType(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'invalid_type') return typeNoun(issue.expected);
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return undefined;
  const nouns: string[] = [];
  for (const option of issue.errors) {
    const [only] = option;
    if (option.length !== 1 || only.code !== 'invalid_type' || only.path.length > 0) return undefined;
    nouns.push(typeNoun(only.expected));
  }
  return [...new Set(nouns)].join(' or ');
}

function typeNoun(expected: string): string {
  switch (expected) {
    case 'object':
    case 'record':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'int':
      return 'a whole number';
    default:
      return `a ${expected}`;
  }
}

function lowerFirst(text: string): string {
  return text.replace(/^./, (c) => c.toLowerCase());
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let value = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  getter?: () => z.ZodType;
  valueType?: z.ZodType;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** The object keys the schema allows at `path` (through optionals, arrays, unions, pipes). */
export function knownKeys(schema: z.ZodType, path: readonly PathSegment[]): string[] {
  const keys = new Set<string>();
  collect(schema, path, keys, 0);
  return [...keys];
}

function collect(schema: z.ZodType | undefined, path: readonly PathSegment[], keys: Set<string>, depth: number): void {
  if (!schema || depth > 64) return;
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return collect(def.innerType, path, keys, depth + 1);
    case 'pipe':
      return collect(def.in, path, keys, depth + 1);
    case 'lazy':
      return collect(def.getter?.(), path, keys, depth + 1);
    case 'union':
      for (const option of def.options ?? []) collect(option, path, keys, depth + 1);
      return;
    case 'array':
      if (path.length > 0 && typeof path[0] === 'number') collect(def.element, path.slice(1), keys, depth + 1);
      return;
    case 'record':
      if (path.length > 0) collect(def.valueType, path.slice(1), keys, depth + 1);
      return;
    case 'object': {
      const shape = (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
      if (path.length === 0) {
        for (const key of Object.keys(shape)) keys.add(key);
        return;
      }
      return collect(shape[String(path[0])], path.slice(1), keys, depth + 1);
    }
    default:
      return;
  }
}
