/** The output formats of `lakemesh audit`, one formatter each. */
import { formatHtml } from './format-html';
import { formatJson } from './format-json';
import { formatMarkdown } from './format-markdown';
import { formatTable } from './format-table';
import { AuditReport } from './model';

export const AUDIT_FORMATS = ['table', 'md', 'json', 'html'] as const;

export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/** The format used when none is asked for. */
export const DEFAULT_AUDIT_FORMAT: AuditFormat = 'table';

const FORMATTERS: Readonly<Record<AuditFormat, (report: AuditReport) => string>> = {
  table: formatTable,
  md: formatMarkdown,
  json: formatJson,
  html: formatHtml,
};

export function formatReport(report: AuditReport, format: AuditFormat): string {
  return FORMATTERS[format](report);
}
