// What a subcommand gets from the CLI: where to print, and how to set the exit code.
import type { ExitCode } from './exitCodes.ts';

export interface CliContext {
  /** Writes to standard output (the report); tests capture it. */
  out(text: string): void;
  /** Writes to standard error (progress, warnings). */
  err(text: string): void;
  /** True when standard error is a terminal: progress bars only then. */
  readonly interactive: boolean;
  /** Sets the exit code of this run; the last call wins. */
  exit(code: ExitCode): void;
}
