/**
 * The `lakemesh` command line. Each command lives in its own file and registers itself through
 * `COMMANDS`; this file owns what they share: output routing, exit codes and error handling
 * (a `LakemeshError` prints its problems and exits 1; anything else is an internal error, exit 70;
 * never a stack trace).
 */
import { Command, CommanderError } from 'commander';
import packageJson from '../../package.json';
import { LakemeshError } from '../errors';
import { CommandContext } from './command-context';
import { CliIo, EXIT_CODES, processIo } from './io';
import { printable, reportProblems } from './report-problems';
import { registerValidateCommand } from './validate-command';
import { registerAuditCommand } from './audit-command';
import { registerDiffCommand } from './diff-command';
import { registerDriftCommand } from './drift-command';
import { registerLockCommand } from './lock-command';

/** Commands in the order `--help` lists them. Add a command by adding its register function here. */
export const COMMANDS: readonly ((program: Command, context: CommandContext) => void)[] = [registerValidateCommand, registerAuditCommand, registerDiffCommand, registerLockCommand, registerDriftCommand];

export function buildProgram(context: CommandContext): Command {
  const program = new Command('lakemesh')
    .description('A data mesh on AWS Lake Formation as code, driven by ODCS data contracts and mesh.yaml.')
    .version(packageJson.version, '-V, --version', 'print the lakemesh version')
    .helpOption('-h, --help', 'show help for lakemesh or a command')
    .helpCommand('help [command]', 'show help for a command')
    .configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr })
    .showHelpAfterError('(run lakemesh --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program, context);
  return program;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the process exit code. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT_CODES.ok;
  const program = buildProgram({ io, setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function handleError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // commander already printed the message or the help text.
    return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.usage;
  }
  if (error instanceof LakemeshError) {
    reportProblems(error.problems, io);
    return EXIT_CODES.invalid;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`lakemesh: internal error: ${printable(message.split("\n")[0])} (this is a bug in lakemesh; please report it with the command you ran)\n`);
  return EXIT_CODES.internal;
}

