/**
 * `--format table` (the default): the access matrix for a terminal. Fewer columns than the JSON
 * (the audit trail's requester, approver and purpose are in md/json/html), long lists wrapped,
 * then the findings, then a one-line summary. No colours, so the output reads the same in a pipe.
 */
import Table from 'cli-table3';
import { AuditFinding, AuditReport, AuditRow, SEVERITIES, Severity } from './model';

const HEAD = ['Product', 'Table', 'Principal', 'Permissions', 'Columns', 'Row filter', 'Contract', 'Role', 'Expires'];
/** Widths of the wrapped columns; null sizes a column to its content. */
const COLUMN_WIDTHS = [null, null, null, 20, 36, 24, null, 16, 12];

export function formatTable(report: AuditReport): string {
  const parts: string[] = [];
  if (report.rows.length === 0) {
    parts.push(`no lake formation grants found in ${countOf(report.stacks.length, 'stack')}`);
  } else {
    const table = new Table({
      head: HEAD,
      colWidths: COLUMN_WIDTHS,
      wordWrap: true,
      style: { head: [], border: [] },
    });
    for (const row of report.rows) table.push(cells(row));
    parts.push(table.toString());
  }
  if (report.findings.length > 0) {
    parts.push(['Findings:', ...report.findings.map(findingLine)].join('\n'));
  }
  parts.push(summaryLine(report));
  return `${parts.join('\n\n')}\n`;
}

/** `error LMA05 Governance/GrantX: message` */
export function findingLine(finding: AuditFinding): string {
  return `${finding.severity} ${finding.code} ${finding.stack}/${finding.logicalId}: ${finding.message}`;
}

/** `6 rows from 2 stacks: 1 error, 2 warnings, 0 infos` */
export function summaryLine(report: Pick<AuditReport, 'rows' | 'findings' | 'stacks'>): string {
  const counts = SEVERITIES.map((severity) => countOf(countSeverity(report.findings, severity), severity));
  return `${countOf(report.rows.length, 'row')} from ${countOf(report.stacks.length, 'stack')}: ${counts.join(', ')}`;
}

function cells(row: AuditRow): string[] {
  const columns = row.columns.join(', ') + (row.withheldColumns.length > 0 ? ` (withheld: ${row.withheldColumns.join(', ')})` : '');
  const contract = row.contractId === null ? (row.kind === 'local' ? '(local grant)' : '(none)') : `${row.contractId} ${row.contractVersion ?? ''}`.trim();
  return [
    row.product ?? `(database ${row.database})`,
    row.table ?? '(database)',
    row.principal,
    row.permissions.join(', ') || (row.databasePermissions.length > 0 ? `database: ${row.databasePermissions.join(', ')}` : ''),
    columns,
    row.rowFilter ?? '',
    contract,
    row.role ?? '',
    row.expires ?? '',
  ];
}

function countSeverity(findings: readonly AuditFinding[], severity: Severity): number {
  return findings.filter((finding) => finding.severity === severity).length;
}

function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
