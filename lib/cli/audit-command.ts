/**
 * `lakemesh audit [--cdk-out DIR] [--format table|md|json|html] [--output FILE]`: the access matrix
 * and its findings, read back from the synthesized templates. Exit 1 when a finding is an error.
 */
import { Command, Option } from 'commander';
import { auditCloudAssembly, hasErrors, isoDay } from '../audit/audit';
import { AUDIT_FORMATS, AuditFormat, DEFAULT_AUDIT_FORMAT, formatReport } from '../audit/formats';
import { summaryLine } from '../audit/format-table';
import { writeFileAtomic } from '../audit/write-output';
import { CommandContext } from './command-context';
import { CliIo, EXIT_CODES } from './io';

/** Where `cdk synth` writes the cloud assembly unless told otherwise. */
export const DEFAULT_CDK_OUT = 'cdk.out';

export interface AuditCommandOptions {
  /** @default 'cdk.out' */
  readonly cdkOut?: string;
  /** @default 'table' */
  readonly format?: AuditFormat;
  /** @default - standard output */
  readonly output?: string;
}

export function registerAuditCommand(program: Command, context: CommandContext): void {
  program
    .command('audit')
    .summary('print who can read what, under which contract, from the synthesized templates')
    .description(
      'Read the synthesized templates in the cloud assembly (not mesh.yaml) and print the access matrix: one row per ' +
        '(product, table, principal) with permissions, columns granted and withheld, row filter, contract, role, purpose, ' +
        'requester, approver, expiry, stack and logical id; then the findings (expiring grants, restricted columns, grants ' +
        'without a contract, IAM_ALLOWED_PRINCIPALS, wildcard principals, grant options). Exits 1 when a finding is an error.',
    )
    .option('-d, --cdk-out <dir>', `the synthesized cloud assembly (default: ${DEFAULT_CDK_OUT})`)
    .addOption(new Option('-f, --format <format>', `output format (default: ${DEFAULT_AUDIT_FORMAT})`).choices([...AUDIT_FORMATS]))
    .option('-o, --output <file>', 'write the report to this file (atomically) instead of standard output')
    .action((options: AuditCommandOptions) => {
      context.setExitCode(audit(options, context.io));
    });
}

/** Runs the audit and writes the report; returns the exit code. Throws `LakemeshError` when the assembly cannot be read. */
export function audit(options: AuditCommandOptions, io: CliIo): number {
  const format = options.format ?? DEFAULT_AUDIT_FORMAT;
  const today = isoDay(io.now?.() ?? new Date());
  const report = auditCloudAssembly(options.cdkOut ?? DEFAULT_CDK_OUT, { today });
  const content = formatReport(report, format);
  if (options.output !== undefined) {
    writeFileAtomic(options.output, content);
    io.stderr(`wrote ${format} audit to ${options.output}: ${summaryLine(report)}\n`);
  } else {
    io.stdout(content);
    // table and md end with the summary already; keep json and html on stdout machine-readable.
    if (format === 'json' || format === 'html') io.stderr(`${summaryLine(report)}\n`);
  }
  return hasErrors(report) ? EXIT_CODES.invalid : EXIT_CODES.ok;
}
