/**
 * The shape of mesh.yaml (zod, strict: unknown keys are errors with a "did you mean" hint) and the
 * structural parse. Each entry of `domains`, `consumers` and `grants` is parsed on its own, so one
 * broken entry is reported without hiding the problems of the others.
 */
import { z } from 'zod';
import { ProblemCollector } from '../errors';
import { zodProblems } from '../source/zod-problems';
import { PathSegment, YamlSource } from '../source/yaml-source';

/** Account ids are strings; numbers are accepted here so the semantic check can say "quote it". */
const accountId = z.union([z.string(), z.number()]);

export const governanceSchema = z.strictObject({
  account: accountId,
  sharing: z.string().optional(),
  organization: z.boolean().optional(),
  crossAccountVersion: z.number().optional(),
  admins: z.array(z.string()).optional(),
  tags: z.record(z.string(), z.array(z.string())).optional(),
});

export const domainSchema = z.strictObject({
  name: z.string(),
  account: accountId,
  owner: z.string(),
  producers: z.array(z.string()).optional(),
  products: z.array(z.string()).optional(),
});

export const consumerSchema = z.strictObject({
  name: z.string(),
  account: accountId,
  principals: z.array(z.string()),
});

export const grantSchema = z.strictObject({
  product: z.string(),
  consumer: z.string(),
  role: z.string(),
  purpose: z.string(),
  requestedBy: z.string(),
  approvedBy: z.string(),
  expires: z.string().optional(),
});

/** The whole file; used for "did you mean" key lists and documentation of the format. */
export const meshFileSchema = z.strictObject({
  apiVersion: z.string(),
  kind: z.string(),
  name: z.string(),
  region: z.string(),
  governance: governanceSchema,
  domains: z.array(domainSchema),
  consumers: z.array(consumerSchema).optional(),
  grants: z.array(grantSchema).optional(),
});

export type GovernanceInput = z.output<typeof governanceSchema>;
export type DomainInput = z.output<typeof domainSchema>;
export type ConsumerInput = z.output<typeof consumerSchema>;
export type GrantInput = z.output<typeof grantSchema>;

/** An entry that parsed, with its index in the file (for locating later problems). */
export interface Indexed<T> {
  readonly index: number;
  readonly value: T;
}

/** mesh.yaml after the structural parse: whatever parsed, plus what could not be used. */
export interface MeshDocument {
  readonly apiVersion?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly region?: string;
  readonly governance?: GovernanceInput;
  readonly domains: readonly Indexed<DomainInput>[];
  readonly consumers: readonly Indexed<ConsumerInput>[];
  readonly grants: readonly Indexed<GrantInput>[];
  /** Domains/consumers whose entry had structural problems: references to them are not reported again. */
  readonly uncheckedDomains: UncheckedNames;
  readonly uncheckedConsumers: UncheckedNames;
}

/**
 * Names of entries that could not be fully checked (their problems are reported already), so that
 * references to them do not add "unknown domain" noise. When a whole list is unusable, every name is.
 */
export class UncheckedNames {
  private everything = false;
  private readonly names = new Set<string>();

  add(name: string): void {
    this.names.add(name);
  }

  addAll(): void {
    this.everything = true;
  }

  has(name: string): boolean {
    return this.everything || this.names.has(name);
  }
}

export function parseMeshDocument(source: YamlSource, problems: ProblemCollector): MeshDocument {
  const parser = new PartParser(source, problems);
  const raw = source.data as Record<string, unknown>;
  // Unknown top-level keys only: every field is then parsed on its own.
  const topLevelKeys = z.strictObject(Object.fromEntries(Object.keys(meshFileSchema.shape).map((key) => [key, z.unknown().optional()])));
  parser.parse(topLevelKeys, raw, []);

  const uncheckedDomains = new UncheckedNames();
  const uncheckedConsumers = new UncheckedNames();
  return {
    apiVersion: parser.parse(meshFileSchema.shape.apiVersion, raw.apiVersion, ['apiVersion']),
    kind: parser.parse(meshFileSchema.shape.kind, raw.kind, ['kind']),
    name: parser.parse(meshFileSchema.shape.name, raw.name, ['name']),
    region: parser.parse(meshFileSchema.shape.region, raw.region, ['region']),
    governance: parser.parse(governanceSchema, raw.governance, ['governance']),
    domains: parser.parseList(domainSchema, raw.domains, 'domains', true, uncheckedDomains),
    consumers: parser.parseList(consumerSchema, raw.consumers, 'consumers', false, uncheckedConsumers),
    grants: parser.parseList(grantSchema, raw.grants, 'grants', false, new UncheckedNames()),
    uncheckedDomains,
    uncheckedConsumers,
  };
}

class PartParser {
  constructor(
    private readonly source: YamlSource,
    private readonly problems: ProblemCollector,
  ) {}

  /**
   * Parses `value` (found at `path`) and reports problems with full paths. An object whose only
   * problems are unknown keys is still returned (without those keys), so one typo does not hide
   * every later check of that entry.
   */
  parse<S extends z.ZodType>(schema: S, value: unknown, path: readonly PathSegment[]): z.output<S> | undefined {
    return this.parseReporting(schema, value, path).value;
  }

  /** Like `parse`, and tells whether the value had no problem at all. */
  private parseReporting<S extends z.ZodType>(schema: S, value: unknown, path: readonly PathSegment[]): { value?: z.output<S>; clean: boolean } {
    const result = schema.safeParse(value);
    if (result.success) return { value: result.data, clean: true };
    const issues = result.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] }));
    this.problems.addAll(zodProblems(this.source, meshFileSchema, new z.ZodError(issues)));
    if (schema instanceof z.ZodObject && issues.every((issue) => issue.code === 'unrecognized_keys')) {
      const lenient = z.object(schema.shape).safeParse(value);
      if (lenient.success) return { value: lenient.data as z.output<S>, clean: false };
    }
    return { clean: false };
  }

  parseList<S extends z.ZodObject>(
    schema: S,
    value: unknown,
    key: string,
    required: boolean,
    unchecked: UncheckedNames,
  ): Indexed<z.output<S>>[] {
    if (value === undefined && !required) return [];
    const list = this.parse(z.array(z.unknown()), value, [key]);
    if (list === undefined) {
      unchecked.addAll();
      return [];
    }
    const parsed: Indexed<z.output<S>>[] = [];
    list.forEach((entry, index) => {
      const result = this.parseReporting(schema, entry, [key, index]);
      if (result.value !== undefined) parsed.push({ index, value: result.value });
      if (result.clean) return;
      const name = entry !== null && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
      // A broken entry without a readable name could be any of them: report no reference as unknown.
      if (typeof name === 'string') unchecked.add(name);
      else unchecked.addAll();
    });
    return parsed;
  }
}
