/**
 * The access matrix and the findings of the HTML report. The table carries every documented field;
 * the page script sorts it when a header is clicked and filters it by the text box.
 */
import { escapeHtml, fragmentId } from './html-escape';
import { AuditFinding, AuditRow } from './model';

/** Columns whose text wraps; the others stay on one line. */
const WRAPPED: ReadonlySet<string> = new Set(['Principal', 'Permissions', 'Columns', 'Withheld', 'Row filter', 'Role', 'Purpose', 'Requested by', 'Approved by', 'Logical id']);

const COLUMNS: readonly [string, (row: AuditRow) => string][] = [
  ['Product', (row) => row.product ?? `(database ${row.database})`],
  ['Table', (row) => row.table ?? '(database)'],
  ['Principal', (row) => row.principal],
  ['Kind', (row) => row.kind],
  ['Permissions', (row) => row.permissions.join(', ')],
  ['Columns', (row) => row.columns.join(', ')],
  ['Withheld', (row) => row.withheldColumns.join(', ')],
  ['Row filter', (row) => row.rowFilter ?? ''],
  ['Contract', (row) => row.contractId ?? ''],
  ['Version', (row) => row.contractVersion ?? ''],
  ['Role', (row) => row.role ?? ''],
  ['Purpose', (row) => row.purpose ?? ''],
  ['Requested by', (row) => row.requestedBy ?? ''],
  ['Approved by', (row) => row.approvedBy ?? ''],
  ['Expires', (row) => row.expires ?? ''],
  ['Stack', (row) => row.stack],
  ['Logical id', (row) => row.logicalId],
];

export function renderMatrix(rows: readonly AuditRow[]): string {
  if (rows.length === 0) return '<p class="empty">No Lake Formation grants in the templates.</p>';
  const head = COLUMNS.map(
    ([title], index) => `<th scope="col" data-column="${index}" aria-sort="none"><button type="button">${escapeHtml(title)}</button></th>`,
  ).join('');
  const body = rows.map((row) => `<tr class="kind-${row.kind}">${COLUMNS.map(([, render], index) => cell(row, render(row), index)).join('')}</tr>`);
  return [
    '<div class="matrix-tools">',
    '<label>Filter <input id="matrix-filter" type="search" placeholder="product, principal, role, column…" autocomplete="off"></label>',
    `<span id="matrix-count" aria-live="polite">${rows.length} of ${rows.length} rows</span>`,
    '</div>',
    '<div class="matrix-scroll">',
    `<table id="matrix" class="matrix"><thead><tr>${head}</tr></thead>`,
    `<tbody>\n${body.join('\n')}\n</tbody></table>`,
    '</div>',
  ].join('\n');
}

export function renderFindings(findings: readonly AuditFinding[]): string {
  if (findings.length === 0) return '<p class="empty">No findings.</p>';
  const items = findings.map(
    (finding) =>
      `<li class="finding severity-${finding.severity}"><span class="badge">${escapeHtml(finding.severity)}</span> ` +
      `<code>${escapeHtml(finding.code)}</code> <code>${escapeHtml(`${finding.stack}/${finding.logicalId}`)}</code> ` +
      `${escapeHtml(finding.message)}</li>`,
  );
  return `<ul class="findings">\n${items.join('\n')}\n</ul>`;
}

function cell(row: AuditRow, text: string, index: number): string {
  const open = WRAPPED.has(COLUMNS[index][0]) ? '<td class="wrap">' : '<td>';
  if (index === 0 && row.product !== null) {
    return `${open}<a href="#${escapeHtml(fragmentId('product', row.product))}">${escapeHtml(text)}</a></td>`;
  }
  return `${open}${escapeHtml(text)}</td>`;
}
