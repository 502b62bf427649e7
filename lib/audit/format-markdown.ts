/**
 * `--format md`: the access matrix as a GitHub-flavoured markdown table (for a pull request
 * comment or a wiki page), every documented field a column, then the findings as a list.
 */
import { AuditFinding, AuditReport, AuditRow } from './model';
import { summaryLine } from './format-table';

const COLUMNS: readonly [string, (row: AuditRow) => string][] = [
  ['Product', (row) => row.product ?? `(database ${row.database})`],
  ['Table', (row) => row.table ?? '(database)'],
  ['Principal', (row) => code(row.principal)],
  ['Permissions', (row) => row.permissions.join(', ')],
  ['Columns', (row) => row.columns.join(', ')],
  ['Withheld columns', (row) => row.withheldColumns.join(', ')],
  ['Row filter', (row) => (row.rowFilter === null ? '' : code(row.rowFilter))],
  ['Contract', (row) => row.contractId ?? ''],
  ['Version', (row) => row.contractVersion ?? ''],
  ['Role', (row) => row.role ?? ''],
  ['Purpose', (row) => row.purpose ?? ''],
  ['Requested by', (row) => row.requestedBy ?? ''],
  ['Approved by', (row) => row.approvedBy ?? ''],
  ['Expires', (row) => row.expires ?? ''],
  ['Kind', (row) => row.kind],
  ['Stack', (row) => row.stack],
  ['Logical id', (row) => code(row.logicalId)],
];

export function formatMarkdown(report: AuditReport): string {
  const lines = ['# lakemesh access matrix', ''];
  if (report.rows.length === 0) {
    lines.push('No Lake Formation grants found.');
  } else {
    lines.push(tableRow(COLUMNS.map(([title]) => title)));
    lines.push(tableRow(COLUMNS.map(() => '---')));
    for (const row of report.rows) lines.push(tableRow(COLUMNS.map(([, render]) => render(row))));
  }
  lines.push('', '## Findings', '');
  if (report.findings.length === 0) lines.push('None.');
  for (const finding of report.findings) lines.push(findingItem(finding));
  lines.push('', summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** Escapes what would break a table row: a pipe becomes `\|` (also inside code spans), a newline a space. */
export function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.map(escapeCell).join(' | ')} |`;
}

function findingItem(finding: AuditFinding): string {
  return `- **${finding.severity}** ${finding.code} \`${finding.stack}/${finding.logicalId}\`: ${finding.message.replace(/\r?\n/g, ' ')}`;
}

/** Inline code that survives backticks inside the text. */
function code(text: string): string {
  const fence = text.includes('`') ? '``' : '`';
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
