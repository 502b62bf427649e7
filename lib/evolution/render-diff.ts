/** How a `ContractDiff` is shown: text for people, JSON for pipelines. */
import { DataContract } from '../contract/model';
import { CHANGE_SEVERITIES, ContractChange, ContractDiff } from './model';
import { nextBreakingVersion } from './semver';

export const DIFF_FORMATS = ['text', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** The two files compared, as the user named them. */
export interface DiffFiles {
  readonly old: string;
  readonly new: string;
}

/**
 * The JSON document `lakemesh diff --format json` prints. Stable: fields are only ever added.
 *
 * ```json
 * {
 *   "old": { "file": "v1/orders.odcs.yaml", "version": "1.2.0" },
 *   "new": { "file": "orders.odcs.yaml", "version": "1.3.0" },
 *   "majorBumped": false,   // the new version may break compatibility (major up; minor up in 0.x)
 *   "breaking": true,       // at least one change is breaking
 *   "blocked": true,        // breaking && !majorBumped: lakemesh diff exits 1
 *   "changes": [            // breaking, then warning, then info; each by path, then code
 *     { "severity": "breaking", "code": "column-type-changed", "path": "orders.amount",
 *       "message": "type changed from decimal(10,2) to string" }
 *   ]
 * }
 * ```
 */
export interface DiffJson {
  readonly old: { readonly file: string; readonly version: string };
  readonly new: { readonly file: string; readonly version: string };
  readonly majorBumped: boolean;
  readonly breaking: boolean;
  readonly blocked: boolean;
  readonly changes: readonly ContractChange[];
}

export function diffAsJson(diff: ContractDiff, files: DiffFiles): DiffJson {
  return {
    old: { file: files.old, version: diff.oldVersion },
    new: { file: files.new, version: diff.newVersion },
    majorBumped: diff.majorBumped,
    breaking: diff.breaking,
    blocked: diff.blocked,
    changes: diff.changes.map(({ severity, code, path, message }) => ({ severity, code, path, message })),
  };
}

/** Width of the severity column: `BREAKING` plus two spaces. */
const LABEL_WIDTH = 10;

/**
 * One line per change, grouped by severity (a blank line between groups), then the verdict:
 *
 * ```text
 * BREAKING  orders.amount: type changed from decimal(10,2) to string
 *
 * INFO      orders.note: column added (string)
 *
 * sales.orders 1.2.0 → 1.3.0: 1 breaking, 0 warnings, 1 info — blocked: breaking changes need a new major version (2.0.0)
 * ```
 *
 * `product` names what was compared in the verdict line (see `productLabel`).
 */
export function diffAsText(diff: ContractDiff, product: string): string {
  const groups = CHANGE_SEVERITIES.map((severity) => diff.changes.filter((change) => change.severity === severity))
    .filter((group) => group.length > 0)
    .map((group) => group.map(changeLine).join('\n'));
  return [...groups, verdictLine(diff, product)].join('\n\n') + '\n';
}

export function changeLine(change: ContractChange): string {
  return `${change.severity.toUpperCase().padEnd(LABEL_WIDTH)}${change.path}: ${change.message}`;
}

/** `sales.orders` (domain and product name), or the product name alone when the contract has no domain. */
export function productLabel(contract: DataContract): string {
  return contract.domain ? `${contract.domain}.${contract.productSlug}` : contract.productSlug;
}

function verdictLine(diff: ContractDiff, product: string): string {
  const head = `${product} ${diff.oldVersion} → ${diff.newVersion}`;
  if (diff.changes.length === 0) return `${head}: no changes`;
  const count = (severity: string) => diff.changes.filter((change) => change.severity === severity).length;
  const warnings = count('warning');
  const counts = `${count('breaking')} breaking, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}, ${count('info')} info`;
  return `${head}: ${counts} — ${verdict(diff)}`;
}

function verdict(diff: ContractDiff): string {
  if (diff.blocked) {
    return `blocked: breaking changes need a new major version (${nextBreakingVersion(diff.oldVersion) ?? 'a higher major version'})`;
  }
  if (diff.breaking) return `allowed: breaking changes come with the new major version ${diff.newVersion}`;
  return 'compatible';
}
