/**
 * `--format json`: the stable machine-readable audit (docs/audit-json.md). Keys are written in a
 * fixed order and every list is sorted, so two audits of the same templates are byte-identical.
 */
import { AuditFinding, AuditReport, AuditRow } from './model';

/** The row keys, in the order they are written. The first sixteen are the documented minimum. */
export const ROW_KEYS: readonly (keyof AuditRow)[] = [
  'product',
  'table',
  'principal',
  'permissions',
  'columns',
  'withheldColumns',
  'rowFilter',
  'contractId',
  'contractVersion',
  'role',
  'purpose',
  'requestedBy',
  'approvedBy',
  'expires',
  'stack',
  'logicalId',
  'kind',
  'consumer',
  'database',
  'databasePermissions',
  'permissionsWithGrantOption',
  'sources',
];

export const FINDING_KEYS: readonly (keyof AuditFinding)[] = ['severity', 'code', 'message', 'stack', 'logicalId'];

export function formatJson(report: Pick<AuditReport, 'rows' | 'findings'>): string {
  const document = {
    rows: report.rows.map((row) => pick(row, ROW_KEYS)),
    findings: report.findings.map((finding) => pick(finding, FINDING_KEYS)),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

function pick<T extends object>(value: T, keys: readonly (keyof T)[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const key of keys) {
    const entry = value[key];
    picked[String(key)] = entry === undefined ? null : entry;
  }
  return picked;
}
