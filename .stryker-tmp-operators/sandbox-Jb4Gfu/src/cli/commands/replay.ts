// `trecheck replay FILE`: re-executes a saved counterexample on a freshly built system, re-checks the
// property, says where it diverges if it does not replay, and cross-checks live actors when the system has them.
import type { Command } from 'commander';
import { canonicalJson } from '../../engine/canonicalJson.ts';
import { replayTrace, type ReplayReport, type StateMismatch } from '../../engine/replay/replayTrace.ts';
import { parseTrace } from '../../engine/replay/traceSchema.ts';
import type { Trace } from '../../engine/Trace.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';
import { readInputFile } from '../readInputFile.ts';
import { buildSystem } from '../systems.ts';

function loadTrace(file: string): Trace {
  const parsed = parseTrace(readInputFile('trace', file));
  if (!parsed.ok) throw new InputError(`${file}: ${parsed.error}`);
  return parsed.trace;
}

export function replay(ctx: CliContext, file: string, json: boolean): void {
  const trace = loadTrace(file);
  const built = buildSystem(trace.system, trace.config);
  const version = built.system.modelVersion;
  if (version !== undefined && trace.model !== version) {
    throw new InputError(
      `${file}: recorded on model ${trace.model ?? '(unversioned: an older trecheck)'}, this is ${version}; a trace is not replayed on a model it ` +
        'was not found on: run the search again (trecheck check or explore) for a trace of this model',
    );
  }
  const all = [...built.properties, ...(built.liveness ?? [])];
  const property = all.find((p) => p.id === trace.property);
  if (property === undefined) {
    throw new InputError(`${file}: ${trace.system} has no property "${trace.property}". Known: ${all.map((p) => p.id).join(', ')}`);
  }
  const report = replayTrace(built.system, property, trace);
  const code = exitCodeOf(report);
  if (json) {
    ctx.out(`${JSON.stringify({ file, ...report, exitCode: code }, null, 2)}\n`);
  } else {
    printReport(ctx, file, trace, property.description, report);
  }
  ctx.exit(code);
}

/** Reproduced: 1 (violated). No longer violated: 0. Diverged or live actors disagree: 3 (nothing concluded). */
function exitCodeOf(report: ReplayReport): ExitCode {
  if (report.live !== 'absent' && report.live.mismatch !== undefined) return ExitCode.inconclusive;
  switch (report.result.kind) {
    case 'reproduced':
    case 'violated-earlier':
      return ExitCode.violated;
    case 'not-violated':
      return ExitCode.ok;
    case 'diverged':
    case 'no-initial-state':
      return ExitCode.inconclusive;
  }
}

const show = (v: unknown): string => (v === undefined ? 'nothing' : canonicalJson(v));
const because = (explanation: string | undefined): string => (explanation === undefined ? '' : `: ${explanation}`);
const mismatchLine = (m: StateMismatch): string => `state ${m.step}: expected ${show(m.expected)}, actual ${show(m.actual)}`;

function printReport(ctx: CliContext, file: string, trace: Trace, description: string, report: ReplayReport): void {
  const found = trace.method === 'random' ? `random search, seed ${trace.seed ?? '?'}, path ${trace.path ?? '?'}` : 'exhaustive search';
  ctx.out(`replaying ${file}: ${trace.system} ${JSON.stringify(trace.config)}\n`);
  ctx.out(`  property ${trace.property} (${description}), ${trace.actions.length} steps, found by ${found}\n`);
  const n = trace.actions.length;
  const r = report.result;
  switch (r.kind) {
    case 'reproduced':
      ctx.out(`  reproduced: ${trace.property} is violated after step ${r.steps} of ${n}, as saved${because(r.explanation)}\n`);
      break;
    case 'violated-earlier':
      ctx.out(`  violated earlier than saved: after step ${r.steps} of ${n}${because(r.explanation)}\n`);
      break;
    case 'not-violated':
      ctx.out(r.reason === undefined ? `  not reproduced: all ${n} steps ran and ${trace.property} held throughout\n` : `  not reproduced: all ${n} steps ran, but ${r.reason}\n`);
      break;
    case 'diverged':
      ctx.out(`  diverged at step ${r.step + 1}: "${r.label}" is not enabled there; enabled: ${r.enabled.join(' | ') || 'nothing'}\n`);
      break;
    case 'no-initial-state':
      ctx.out(`  diverged: initial state #${r.initial} does not exist (the system has ${r.available})\n`);
      break;
  }
  if (report.savedMismatch !== undefined) ctx.out(`  WARNING: a state differs from the saved trace: ${mismatchLine(report.savedMismatch)}\n`);
  if (report.live === 'absent') ctx.out('  live cross-check: none (the system has no live actors)\n');
  else if (report.live.mismatch === undefined) ctx.out('  live cross-check: live actors agree on every state\n');
  else ctx.out(`  live cross-check: MISMATCH at ${mismatchLine(report.live.mismatch)}\n`);
}

export function registerReplay(program: Command, ctx: CliContext): void {
  program
    .command('replay')
    .description('re-execute a saved counterexample trace and re-check its property')
    .argument('<file>', 'trace file written by trecheck explore')
    .option('--json', 'print the replay report as JSON')
    .action((file: string, flags: { json?: boolean }) => replay(ctx, file, flags.json === true));
}
