/** What a CLI command may touch of the outside world, injectable so commands run in-process in tests. */

export interface CliIo {
  /** Writes to standard output (text includes its own newlines). */
  readonly stdout: (text: string) => void;
  /** Writes to standard error. */
  readonly stderr: (text: string) => void;
  /**
   * The clock, for checks that depend on the date (expired grants).
   * @default - the system clock
   */
  readonly now?: () => Date;
}

export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  };
}

/** Exit codes shared by every command. */
export const EXIT_CODES = {
  ok: 0,
  /** The input is invalid (problems were printed). */
  invalid: 1,
  /** `lakemesh drift` found live Lake Formation state that differs from the templates. */
  drift: 2,
  /** Wrong command line (sysexits EX_USAGE); commander printed why. */
  usage: 64,
  /** A bug in lakemesh (sysexits EX_SOFTWARE). */
  internal: 70,
} as const;
