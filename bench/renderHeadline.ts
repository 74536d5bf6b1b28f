// The headline figures as Markdown: each speed goal judged on what a user meets (the first search in a fresh
// process, the CLI's wall time), beside the benchmark model and Spin's pan on it; memory per state from the
// process's resident memory beside the structures' own count.
import { codeFromLine } from './firstSearchChild.ts';
import type { FirstSearchFigures, HeadlineFigures, Timed } from './measureHeadline.ts';

const n = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (x: number): string => `${n(x, x < 10 ? 1 : 0)} ms`;
const mark = (ok: boolean): string => (ok ? 'met' : '**not met**');
const runs = (t: Timed): string => t.runsMillis.map((m) => n(m)).join(', ');

/** Start and end of the section in reports/bench.md, so `npm run bench:headline` can replace it alone. */
export const headlineStart = '<!-- headline: start (bench/renderHeadline.ts) -->';
export const headlineEnd = '<!-- headline: end -->';

function searchRow(f: FirstSearchFigures, goal: string, how = ''): string {
  const perCpuSecond = (f.states * 1000) / f.cpuMillis;
  return `| ${f.model}, first search in a fresh process (${n(f.states)} states${how}; the process's CPU time building the system and searching: ${ms(f.cpuMillis)}, ${n(perCpuSecond)} states per CPU second${xstatePart(f)}) | ${ms(f.millis)}: ${n(f.statesPerSecond)} states/s | ${goal} |`;
}

/** What XState's own steps took of a TR world's first search, beside what the whole search has at 1M states/s: the
 *  part no table of the process can save it (docs/engine.md "XState's own steps, timed"). */
function xstatePart(f: FirstSearchFigures): string {
  if (f.xstate === undefined) return '';
  const x = f.xstate;
  return `; of it, XState's own steps: ${n(x.steps)} distinct role steps in ${ms(x.millis)}, where the whole search has ${ms(f.states / 1000)} at 1M states/s`;
}

/** Not a first search: a diagnostic beside the first one (`first`), judged against nothing. `what`: which search, and
 *  what it has that a first search has not (its code compiled, its tables built), so what the first pays shows. */
function diagnosticRow(what: string, f: FirstSearchFigures, first: FirstSearchFigures): string {
  return `| the same, not a first search: ${what}; a diagnostic, judged against nothing: the first search above took ${n(first.millis / f.millis, 1)}x as long) | ${ms(f.millis)}: ${n(f.statesPerSecond)} states/s | |`;
}

const rateGoal = (f: FirstSearchFigures): string => `>= 1,000,000 states/s: ${mark(f.statesPerSecond >= 1_000_000)}`;

function memoryRow(f: FirstSearchFigures): string {
  return `| memory per state, ${f.model}: peak RSS beyond the RSS before building the system / structures' own count (visited set, parents${f.model.startsWith('TR') ? ', world tables' : ''}) | ${n(f.rssBytesPerState, 1)} / ${n(f.structureBytesPerState, 1)} bytes | |`;
}

/** check unpinned: what its default chose in each round, from which load. */
function defaultRow(t: Timed): string {
  const u = t.unpinned!;
  const chosen = u.threads.map((k, i) => `${k} at load ${n(u.loads[i]!, 2)}`).join(', ');
  return `| \`${t.command}\`, wall, not pinned (${u.cores} cores; the default's threads, docs/engine.md "Scenarios side by side": ${chosen}; runs ${runs(t)} ms; exit ${t.exitCode}) | ${ms(t.wallMillis)} | < 1 s: ${mark(t.wallMillis < 1000)} |`;
}

export function renderHeadline(h: HeadlineFigures, conditions: string): string[] {
  const spin = h.spin;
  const spinRows =
    spin.kind === 'skipped'
      ? [`| Spin's pan on the benchmark model (bench/benchmark.pml) | skipped: ${spin.why} | |`]
      : [
          `| Spin's pan on the benchmark model (bench/benchmark.pml, ${spin.version.split('--')[0]!.trim()}, \`-DSAFETY -DNOREDUCE\`, \`-c0\`: ${n(spin.states)} states, ${n(spin.transitions)} transitions), pan's own elapsed time | ${ms(spin.searchMillis)}: ${n(spin.statesPerSecond)} states/s | |`,
          `| the same, pan's process from spawn to exit (generating and compiling it, ${ms(spin.compileMillis)}, not included; runs ${runs(spin.wall)} ms) | ${ms(spin.wall.wallMillis)} | |`,
          `| pan's memory per state (its "total actual memory usage": states, hash table, DFS stack) | ${n(spin.bytesPerState, 1)} bytes | |`,
        ];
  return [
    headlineStart,
    '## Headline: as a user meets it',
    '',
    `${conditions} Every search here is the first of its process (empty tables, cold JIT), never a re-search of a built`,
    `system; medians of ${h.rounds} rounds, the models alternating, each process ${h.pinned}. The CLI and the first searches ran from the CLI's ${codeFromLine(h.cliFrom)}; the CLI's wall times are from spawn to exit, \`node bin/trecheck.js\` (what \`npx trecheck\` runs, without npx's own start).`,
    '',
    '| figure | value | goal |',
    '|---|---|---|',
    searchRow(h.tr, rateGoal(h.tr)),
    ...(h.trUnpinned === undefined ? [] : [searchRow(h.trUnpinned, rateGoal(h.trUnpinned), "; not pinned: the search on one thread, V8's compiler and garbage collector free to use the other core, as a user's process runs")]),
    ...(h.trWarm === undefined ? [] : [diagnosticRow('a new system of it searched in a process that searched it once before (the code compiled, every table new', h.trWarm, h.tr)]),
    ...(h.trAgain === undefined ? [] : [diagnosticRow('the same system searched a third time in its process (every table built, the code compiled: the search alone, what a first search would take if it had nothing to build or compile', h.trAgain, h.tr)]),
    searchRow(h.benchmark, ''),
    ...spinRows,
    `| \`${h.cliTr.command}\`, wall, one core (one thread; runs ${runs(h.cliTr)} ms; exit ${h.cliTr.exitCode}) | ${ms(h.cliTr.wallMillis)} | < 1 s: ${mark(h.cliTr.wallMillis < 1000)} |`,
    ...(h.cliTrDefault === undefined ? [] : [defaultRow(h.cliTrDefault)]),
    `| \`${h.cliBenchmark.command}\`, wall (runs ${runs(h.cliBenchmark)} ms; exit ${h.cliBenchmark.exitCode}) | ${ms(h.cliBenchmark.wallMillis)} | |`,
    `| \`${h.cliVersion.command}\`, wall (runs ${runs(h.cliVersion)} ms) | ${ms(h.cliVersion.wallMillis)} | < 0.3 s: ${mark(h.cliVersion.wallMillis < 300)} |`,
    memoryRow(h.tr),
    memoryRow(h.benchmark),
    '',
    `Verdicts, ${h.tr.model}: ${h.tr.verdicts.join('; ')}. ${h.benchmark.model}: ${h.benchmark.verdicts.join('; ')}.`,
    headlineEnd,
  ];
}
