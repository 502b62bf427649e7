/**
 * Template validation reports kept between synths. aws-cdk-lib's validation of a template depends
 * only on its bytes, the stack's construct path, account and region, and the versions of
 * aws-cdk-lib and its validator (the template's path only appears in the report, where the cache
 * puts the current one): a template that matches a cached entry in all of them gets the cached
 * report, so a re-synth after a one-product change validates only the templates that changed (on a
 * large mesh, minutes of the review loop), whatever the output folder.
 *
 * The cache is one JSON file, by default `node_modules/.cache/lakemesh/template-validation.json`
 * in the directory `cdk synth` runs in, holding the entries of the last synth only (it never
 * grows past one app). `LAKEMESH_VALIDATION_CACHE=off` turns it off, `LAKEMESH_VALIDATION_CACHE=FILE`
 * puts it elsewhere. A cache that cannot be read or written is ignored: it costs time, never a synth.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PolicyValidationPluginReport } from 'aws-cdk-lib';
import type { StackTemplate } from './validation-worker';

export const VALIDATION_CACHE_ENV = 'LAKEMESH_VALIDATION_CACHE';
const DEFAULT_CACHE_FILE = path.join('node_modules', '.cache', 'lakemesh', 'template-validation.json');

interface CacheFile {
  /** The validating code: entries of another version are dropped. */
  readonly version: string;
  readonly entries: Record<string, PolicyValidationPluginReport>;
}

export class ValidationCache {
  /**
   * The cache `cdk synth` uses in `directory`: `LAKEMESH_VALIDATION_CACHE` when set (`off` for
   * none), else the default file when `directory` has a `node_modules` folder, else none.
   */
  static fromEnvironment(version: string, directory = process.cwd(), env = process.env): ValidationCache | undefined {
    const setting = env[VALIDATION_CACHE_ENV]?.trim();
    if (setting === 'off') return undefined;
    if (setting) return new ValidationCache(path.resolve(directory, setting), version);
    if (!fs.existsSync(path.join(directory, 'node_modules'))) return undefined;
    return new ValidationCache(path.join(directory, DEFAULT_CACHE_FILE), version);
  }

  private readonly previous: Readonly<Record<string, PolicyValidationPluginReport>>;
  private readonly current = new Map<string, PolicyValidationPluginReport>();

  constructor(
    readonly file: string,
    private readonly version: string,
  ) {
    this.previous = readEntries(file, version);
  }

  /** The hash `template` is cached under: its bytes and everything else its report depends on. */
  hashOf(template: StackTemplate): string {
    const context = JSON.stringify([this.version, template.stackConstructPath, template.accountId ?? null, template.region ?? null]);
    return createHash('sha256').update(context).update('\0').update(fs.readFileSync(template.templatePath)).digest('hex');
  }

  /**
   * The report of `template` (hashed to `hash`) cached by an earlier synth or this one, naming
   * `template`'s path; kept for the next synth.
   */
  get(hash: string, template: StackTemplate): PolicyValidationPluginReport | undefined {
    const stored = this.current.get(hash) ?? (Object.hasOwn(this.previous, hash) ? this.previous[hash] : undefined);
    // A hand-edited or damaged entry is a miss, not a broken report.
    if (!isReport(stored)) return undefined;
    this.current.set(hash, stored);
    return withTemplatePath(stored, TEMPLATE_PLACEHOLDER, template.templatePath);
  }

  /** Caches `template`'s report under `hash`. */
  set(hash: string, template: StackTemplate, report: PolicyValidationPluginReport): void {
    this.current.set(hash, withTemplatePath(report, template.templatePath, TEMPLATE_PLACEHOLDER));
  }

  /** Writes the entries of this synth (read or set), replacing the file whole. Never throws. */
  save(): void {
    const content: CacheFile = { version: this.version, entries: Object.fromEntries([...this.current].sort(([a], [b]) => (a < b ? -1 : 1))) };
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(temporary, JSON.stringify(content));
      // A reader never sees half a file: rename replaces it at once.
      fs.renameSync(temporary, this.file);
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing more to do: the next synth validates again.
      }
    }
  }
}

/** Stands for the template's path in a stored report. */
const TEMPLATE_PLACEHOLDER = '<template>';

/** A copy of `report` whose violations name `to` where they named `from`. */
function withTemplatePath(report: PolicyValidationPluginReport, from: string, to: string): PolicyValidationPluginReport {
  return {
    ...report,
    violations: report.violations.map((violation) => ({
      ...violation,
      violatingResources: violation.violatingResources.map((resource) => (resource.templatePath === from ? { ...resource, templatePath: to } : resource)),
    })),
  };
}

function isReport(value: unknown): value is PolicyValidationPluginReport {
  const report = value as Partial<PolicyValidationPluginReport> | undefined;
  return typeof report?.success === 'boolean' && Array.isArray(report.violations);
}

function readEntries(file: string, version: string): Record<string, PolicyValidationPluginReport> {
  try {
    const content = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<CacheFile>;
    if (content.version !== version || typeof content.entries !== 'object' || content.entries === null) return {};
    return content.entries;
  } catch {
    return {};
  }
}
