/** What the program hands each command when registering it. */
import { CliIo } from './io';

export interface CommandContext {
  readonly io: CliIo;
  /** Records the exit code of the command that ran (the program returns it). */
  readonly setExitCode: (code: number) => void;
}
