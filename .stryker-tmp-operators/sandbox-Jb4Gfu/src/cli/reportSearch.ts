// Prints the verdicts of one search, re-checks and saves each counterexample as a JSON trace, and
// prints the exact command that replays it. The only place explore and merge print results.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Trace } from '../engine/Trace.ts';
import type { SearchOutcome } from '../engine/Verdict.ts';
import { replayTrace } from '../engine/replay/replayTrace.ts';
import type { CliContext } from './CliContext.ts';
import { formatVerdict } from '../report/formatVerdict.ts';
import type { BuiltSystem } from './systems.ts';

export interface SearchReport {
  readonly method: 'exhaustive' | 'random';
  /** What was searched and how much, without timings' noise beyond one figure. */
  readonly summary: string;
  readonly outcome: SearchOutcome;
  /** For random counterexamples: the command that re-runs the search part that found it. */
  readonly reproduce?: (trace: Trace) => string;
}

export function reportSearch(ctx: CliContext, built: BuiltSystem, report: SearchReport, outDir: string): void {
  ctx.out(`${report.method} search: ${report.summary}\n`);
  for (const { property, verdict } of report.outcome.verdicts) {
    ctx.out(`  ${property}: ${formatVerdict(verdict)}\n`);
    if (verdict.kind !== 'violated') continue;
    const trace = verdict.trace;
    trace.actions.forEach((label, i) => ctx.out(`    ${String(i + 1).padStart(3)}. ${label}\n`));
    const definition = built.properties.find((p) => p.id === property);
    if (definition !== undefined) {
      // Re-check before reporting: the saved trace must reproduce on a fresh execution.
      const replay = replayTrace(built.system, definition, trace);
      const explanation = replay.result.kind === 'reproduced' ? replay.result.explanation : undefined;
      ctx.out(`    ${definition.description}${explanation === undefined ? '' : `: ${explanation}`}\n`);
      if (replay.result.kind !== 'reproduced') ctx.out(`    WARNING: the trace does not replay (${replay.result.kind})\n`);
    }
    const file = saveTrace(outDir, trace);
    ctx.out(`    saved: ${file}\n    replay: trecheck replay ${file}\n`);
    if (report.reproduce !== undefined) ctx.out(`    reproduce: ${report.reproduce(trace)}\n`);
  }
}

export function saveTrace(outDir: string, trace: Trace): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `${trace.system}.${trace.property}.${trace.method}.json`);
  writeFileSync(file, `${JSON.stringify(trace, null, 2)}\n`);
  return file;
}
