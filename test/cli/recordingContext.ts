// A CLI context that records what goes to standard error, on a terminal or not, for the progress lines' tests.
import type { CliContext } from '../../src/cli/CliContext.ts';

export function recordingContext(interactive: boolean): CliContext & { written: string[] } {
  const written: string[] = [];
  return { written, interactive, out: () => {}, err: (t) => void written.push(t), exit: () => {} };
}
