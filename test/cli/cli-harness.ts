/** Runs the CLI in-process with captured output and a fixed clock. */
import { CliIo } from '../../lib/cli/io';
import { run } from '../../lib/cli/program';
import { TODAY } from '../config/mesh-fixture';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export async function runCli(argv: readonly string[], io: Partial<CliIo> = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    now: () => TODAY,
    ...io,
  });
  return { code, stdout, stderr };
}
