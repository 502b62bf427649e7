/**
 * `lakemesh drift [--cdk-out DIR] [--role-name NAME] [--current-credentials] [--format text|json]`:
 * compare the live Lake Formation state of every account the synthesized templates name with what
 * they intend. Exit 0 without drift, 2 with drift, 1 when the assembly cannot be read or AWS
 * refuses (the message names the account and the role).
 */
import { Command, Option } from 'commander';
import { AccountClientsFactory, AssumeRoleLoader, DEFAULT_READER_ROLE_NAME, defaultClientsFactory } from '../drift/account-clients';
import { driftCloudAssembly } from '../drift/drift';
import { driftAsJson } from '../drift/format-json';
import { driftAsText } from '../drift/format-text';
import { hasDrift } from '../drift/model';
import { Clock, RetryPolicy } from '../drift/retry';
import { DEFAULT_CDK_OUT } from './audit-command';
import { CommandContext } from './command-context';
import { CliIo, EXIT_CODES } from './io';

export const DRIFT_FORMATS = ['text', 'json'] as const;
export type DriftFormat = (typeof DRIFT_FORMATS)[number];
export const DEFAULT_DRIFT_FORMAT: DriftFormat = 'text';

export interface DriftCommandOptions {
  /** @default 'cdk.out' */
  readonly cdkOut?: string;
  /** @default DEFAULT_READER_ROLE_NAME ('lakemesh-drift-reader') */
  readonly roleName?: string;
  /** @default false - assume the reader role in every account */
  readonly currentCredentials?: boolean;
  /** @default 'text' */
  readonly format?: DriftFormat;
}

/** What the command takes from the outside world besides its options; tests replace it. */
export interface DriftDependencies {
  /** @default - `defaultClientsFactory` from the options */
  readonly clients?: AccountClientsFactory;
  /** @default - `@aws-sdk/client-sts`, when installed */
  readonly assumeRoleLoader?: AssumeRoleLoader;
  /** @default SYSTEM_CLOCK */
  readonly clock?: Clock;
  /** @default DEFAULT_RETRY_POLICY */
  readonly retryPolicy?: RetryPolicy;
}

let overrides: DriftDependencies = {};

/** Replaces dependencies for commands run through `run()` (tests); returns a function that restores them. */
export function overrideDriftDependencies(replacement: DriftDependencies): () => void {
  const previous = overrides;
  overrides = replacement;
  return () => {
    overrides = previous;
  };
}

export function registerDriftCommand(program: Command, context: CommandContext, dependencies?: DriftDependencies): void {
  program
    .command('drift')
    .summary('compare live lake formation with the templates')
    .description(
      'Read the intended Lake Formation state from the synthesized templates (grants, data cells filters, LF-Tags and ' +
        'their assignments, data lake admins and default permissions) and compare it with the live state of every ' +
        'account they name, read through the role --role-name assumed in each account. Reports grants that are missing, ' +
        'extra (on resources the templates manage) or wider than intended, and anything granted to IAM_ALLOWED_PRINCIPALS. ' +
        'Exits 0 without drift, 2 with drift, 1 when the templates cannot be read or AWS refuses.',
    )
    .option('-d, --cdk-out <dir>', `the synthesized cloud assembly (default: ${DEFAULT_CDK_OUT})`)
    .option(
      '-r, --role-name <name>',
      `the read-only role to assume in each account (default: ${DEFAULT_READER_ROLE_NAME}); see docs/drift-json.md for its policy`,
    )
    .option('--current-credentials', 'read every account with the credentials the AWS SDK finds instead of assuming --role-name')
    .addOption(new Option('-f, --format <format>', `output format (default: ${DEFAULT_DRIFT_FORMAT})`).choices([...DRIFT_FORMATS]))
    .action(async (options: DriftCommandOptions) => {
      context.setExitCode(await drift(options, context.io, { ...overrides, ...dependencies }));
    });
}

/** Compares, prints the report and returns the exit code. Throws `LakemeshError` when it cannot. */
export async function drift(options: DriftCommandOptions, io: CliIo, dependencies: DriftDependencies = {}): Promise<number> {
  const clients =
    dependencies.clients ??
    defaultClientsFactory({ roleName: options.roleName, currentCredentials: options.currentCredentials, assumeRoleLoader: dependencies.assumeRoleLoader });
  const report = await driftCloudAssembly(options.cdkOut ?? DEFAULT_CDK_OUT, { clients, clock: dependencies.clock, retryPolicy: dependencies.retryPolicy });
  const text = driftAsText(report);
  if ((options.format ?? DEFAULT_DRIFT_FORMAT) === 'json') {
    io.stdout(`${JSON.stringify(driftAsJson(report), null, 2)}\n`);
    // Keep standard output machine-readable; the summary goes to standard error.
    io.stderr(`${text.trimEnd().split('\n').pop()}\n`);
  } else {
    io.stdout(text);
  }
  return hasDrift(report) ? EXIT_CODES.drift : EXIT_CODES.ok;
}
