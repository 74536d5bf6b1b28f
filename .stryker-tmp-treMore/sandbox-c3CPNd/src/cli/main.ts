// trecheck command line: one subcommand per job; input errors become one line and exit code 2.
import { Command, CommanderError } from 'commander';
import type { CliContext } from './CliContext.ts';
import { ExitCode } from './exitCodes.ts';
import { registerExplore } from './commands/explore.ts';
import { registerMerge } from './commands/merge.ts';
import { registerReplay } from './commands/replay.ts';
import { registerRisk } from './commands/risk.ts';
import { registerXref } from './commands/xref.ts';
import { registerDiff } from './commands/diff.ts';
import { registerCheck } from './commands/check.ts';
import { registerReport } from './commands/report.ts';
import { registerList } from './commands/list.ts';
import { registerAblate } from './commands/ablate.ts';
import { registerCompare } from './commands/compare.ts';
import { packageVersion } from '../report/packageVersion.ts';
import { InputError } from './InputError.ts';
import { isStoreLimit } from '../engine/StoreLimitError.ts';
import { pipeSafeWriter } from './pipeSafeWriter.ts';

type Register = (program: Command, ctx: CliContext) => void;

/** Subcommands, each in src/cli/commands/<name>.ts. */
const commands: readonly Register[] = [registerExplore, registerReplay, registerMerge, registerRisk, registerXref, registerDiff, registerCheck, registerReport, registerList, registerAblate, registerCompare];

export interface CliOutcome {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI on argv (without node and script) and returns the exit code; prints through `sink`. */
export async function runCli(
  argv: readonly string[],
  sink: { out(text: string): void; err(text: string): void; interactive: boolean },
): Promise<number> {
  let code: number = ExitCode.ok;
  const ctx: CliContext = { ...sink, exit: (c) => void (code = c) };
  const program = new Command('trecheck')
    .description('Model and property checker for TR 33.812 Alternative 1a (remote MCIM provisioning)')
    .configureOutput({ writeOut: sink.out, writeErr: sink.err, outputError: () => {} })
    .version(packageVersion(), '-V, --version', 'print the version of trecheck')
    .allowExcessArguments(false)
    .exitOverride();
  for (const register of commands) register(program, ctx);
  for (const sub of program.commands) {
    sub.exitOverride().configureOutput({ writeOut: sink.out, writeErr: sink.err, outputError: () => {} });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (['commander.helpDisplayed', 'commander.help', 'commander.version'].includes(error.code)) {
        return ExitCode.ok;
      }
      return badInput(error.message.replace(/^error: /, ''), argv, sink);
    }
    if (error instanceof InputError) return badInput(error.message, argv, sink);
    // A store that cannot grow outside a search (which ends such a one inconclusive itself): nothing concluded.
    if (isStoreLimit(error)) {
      sink.err(`trecheck: out of memory, nothing concluded: ${(error as Error).message}\n`);
      return ExitCode.inconclusive;
    }
    throw error;
  }
}

/** One line on stderr; a caller that asked for --json also gets the error as a JSON object on stdout. */
function badInput(message: string, argv: readonly string[], sink: { out(text: string): void; err(text: string): void }): number {
  sink.err(`trecheck: ${message}\n`);
  if (argv.includes('--json')) sink.out(`${JSON.stringify({ error: { exitCode: ExitCode.badInput, message } })}\n`);
  return ExitCode.badInput;
}

/** Runs the CLI in memory and captures what it prints: for transcript tests. */
export async function runCliCaptured(argv: readonly string[]): Promise<CliOutcome> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    interactive: false,
  });
  return { code, stdout, stderr };
}

const script = process.argv[1] ?? '';
if (/[\\/](main\.ts|trecheck(\.js)?)$/.test(script)) {
  process.exitCode = await runCli(process.argv.slice(2), {
    out: pipeSafeWriter(process.stdout),
    err: pipeSafeWriter(process.stderr),
    interactive: process.stderr.isTTY === true,
  });
}
