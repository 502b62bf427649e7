/**
 * `lakemesh diff OLD NEW [--format text|json]`: classify every change between two versions of a
 * data contract (breaking / warning / info). Exits 1 when a breaking change comes without a major
 * version bump, or when either file is not a valid contract; 0 otherwise.
 */
import { Command, Option } from 'commander';
import { contractFileProblems } from '../contract/load-contract';
import { DataContract } from '../contract/model';
import { LakemeshError, Problem, sortProblems } from '../errors';
import { diffContracts } from '../evolution/diff-contracts';
import { DIFF_FORMATS, DiffFormat, diffAsJson, diffAsText, productLabel } from '../evolution/render-diff';
import { CommandContext } from './command-context';
import { CliIo, EXIT_CODES } from './io';

export interface DiffCommandOptions {
  /** @default 'text' */
  readonly format?: DiffFormat;
}

export const DEFAULT_DIFF_FORMAT: DiffFormat = 'text';

/** Exit code when the new contract breaks the old one without a major version bump. */
export const BLOCKED_EXIT_CODE = 1;

export function registerDiffCommand(program: Command, context: CommandContext): void {
  program
    .command('diff')
    .summary('classify changes between two contract versions')
    .description(
      'Compare two versions of an ODCS data contract and classify every change: breaking (a table or column ' +
        'removed, a type changed, required or unique tightened, allowed values narrowed, partition keys changed, ' +
        'a role removed, …), warning (primary key, constraints, classification or role access changed, …) or info ' +
        '(additions, relaxations, documentation). Exits 1 when there is a breaking change and the major version ' +
        'did not go up, or when either file is not a valid contract; 0 otherwise.',
    )
    .argument('<old>', 'the contract as it was (ODCS YAML or JSON file)')
    .argument('<new>', 'the contract as it is now')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default(DEFAULT_DIFF_FORMAT))
    .action((oldFile: string, newFile: string, options: DiffCommandOptions) => {
      context.setExitCode(diff(oldFile, newFile, options, context.io));
    });
}

/** Loads both contracts (throws `LakemeshError` with the problems of both), prints the diff, returns the exit code. */
export function diff(oldFile: string, newFile: string, options: DiffCommandOptions, io: CliIo): number {
  const [old, next] = loadContracts([oldFile, newFile]);
  const result = diffContracts(old, next);
  const format = options.format ?? DEFAULT_DIFF_FORMAT;
  if (format === 'json') io.stdout(`${JSON.stringify(diffAsJson(result, { old: oldFile, new: newFile }), null, 2)}\n`);
  else io.stdout(diffAsText(result, productLabel(next)));
  return result.blocked ? BLOCKED_EXIT_CODE : EXIT_CODES.ok;
}

/**
 * Every problem of both files at once (the old file's first), so that fixing one file does not
 * reveal new errors in the other.
 */
function loadContracts(files: readonly string[]): DataContract[] {
  const problems: Problem[] = [];
  const contracts: DataContract[] = [];
  for (const file of files) {
    const check = contractFileProblems(file);
    problems.push(...sortProblems(check.problems));
    if (check.contract) contracts.push(check.contract);
  }
  if (problems.length > 0) throw new LakemeshError(problems);
  return contracts;
}
