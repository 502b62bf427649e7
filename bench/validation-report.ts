/**
 * Summarizes the validation report the CDK writes to cdk.out when its template validation or a
 * compliance pack (cdk-nag) finds errors, for one line of the benchmark table.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPORT_FILE = 'validation-report.json';
const MAX_RULES = 5;

interface ValidationReport {
  readonly pluginReports?: readonly {
    readonly pluginName?: string;
    readonly violations?: readonly {
      readonly ruleName?: string;
      readonly description?: string;
      readonly severity?: string;
      readonly violatingConstructs?: readonly unknown[];
    }[];
  }[];
}

/**
 * Error rules with the number of constructs each flags, e.g.
 * `F0007 ×1 (Template has 958 resources, maximum is 500), NIST.800.53.R5-IAMNoInlinePolicy ×5, …`.
 */
export function validationSummary(outdir: string): string {
  const file = path.join(outdir, REPORT_FILE);
  if (!fs.existsSync(file)) return `no ${REPORT_FILE} in ${outdir}`;
  const report = JSON.parse(fs.readFileSync(file, 'utf8')) as ValidationReport;
  const rules = new Map<string, { count: number; description: string }>();
  for (const plugin of report.pluginReports ?? []) {
    for (const violation of plugin.violations ?? []) {
      if (violation.severity !== undefined && violation.severity !== 'error' && violation.severity !== 'fatal') continue;
      const name = violation.ruleName ?? plugin.pluginName ?? 'unknown rule';
      const entry = rules.get(name) ?? { count: 0, description: violation.description ?? '' };
      entry.count += Math.max(1, violation.violatingConstructs?.length ?? 1);
      rules.set(name, entry);
    }
  }
  if (rules.size === 0) return `${REPORT_FILE} lists no errors`;
  // The CDK's own template rules (F/E/W codes) first: they say why CloudFormation would refuse it.
  const sorted = [...rules].sort(([a], [b]) => Number(a.includes('-')) - Number(b.includes('-')) || (a < b ? -1 : a > b ? 1 : 0));
  const shown = sorted.slice(0, MAX_RULES).map(([name, { count, description }]) => `${name} ×${count}${name.includes('-') ? '' : ` (${description})`}`);
  return `${shown.join(', ')}${sorted.length > MAX_RULES ? `, +${sorted.length - MAX_RULES} more rules` : ''}`;
}
