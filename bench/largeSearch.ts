// `npm run bench:large [-- INJECTIONS...]`: t2-replay-after-delete searched to its end with larger injection budgets
// than the threat suite's (default 3, 4 and 5), on one thread, by the default (one thread going on on two once it has run
// a while and a core was idle) and on two (the pipelined search), each in a fresh process (bench/firstSearchProcess.ts,
// no cap on states), one run each: its states, time, CPU time, and memory a state from the process's peak RSS beside the
// search's structures' own count; then, where the one-thread search takes 5 s to a minute, more rounds of one thread,
// the default and two, for the ratios of the default and of two threads over one. Printed and put in place of its
// section of reports/bench.md. The 5-injection searches take some 2, 1 and 1 minutes and 2.6 GB on this machine.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeFromLine, firstSearchArgv, firstSearchFrom } from './firstSearchChild.ts';
import type { FirstSearchSample } from './firstSearchProcess.ts';
import { machineInfo, machineLine } from './machineInfo.ts';
import { median } from './median.ts';
import { headlineEnd } from './renderHeadline.ts';

export const largeStart = '<!-- large-search: start (bench/largeSearch.ts) -->';
export const largeEnd = '<!-- large-search: end -->';
const scenario = 't2-replay-after-delete';

type Threads = 1 | 'auto' | 2;

/** Rounds of searches (one thread, the default, two from the start) per budget whose one-thread search takes from 5 s
 *  to a minute: the one-thread time varies from run to run by more than the goal of 1.6x leaves (16.7-20.1 s at 4
 *  injections on one day), so one round does not judge it, nor the default against two threads. Longer searches (5
 *  injections: minutes) run one round. */
const ratioRounds = 5;
const ratioGoal = 1.6;

/** Milliseconds of a budget's rounds: the table's own first, then the rounds run for the ratios. */
export interface RatioRounds {
  readonly injections: number;
  readonly rounds: readonly { readonly one: number; readonly auto: number; readonly two: number }[];
}

function search(injections: number, threads: Threads): FirstSearchSample {
  const [command, ...args] = firstSearchArgv(['tr', scenario, String(injections), String(threads)]);
  const child = spawnSync(command!, args, {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`bench: ${scenario} with ${injections} injections on ${threads} thread(s) failed: ${child.stderr.trim()}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as FirstSearchSample;
}

/** The threads column: on two threads from which level, for the default. */
function threadsCell(threads: Threads, sample: FirstSearchSample): string {
  if (threads !== 'auto') return String(threads);
  const two = sample.twoThreads;
  return two === undefined ? 'default: stayed on 1' : `default: 2 from level ${two.fromLevel} (${(two.fromMillis / 1000).toFixed(1)} s)`;
}

export function renderLarge(rows: readonly { injections: number; threads: Threads; sample: FirstSearchSample }[], ratios: readonly RatioRounds[], conditions: string): string[] {
  const n = (x: number): string => Math.round(x).toLocaleString('en-US');
  const range = (xs: readonly number[]): string => (Math.min(...xs) === Math.max(...xs) ? `${n(xs[0]!)} ms` : `${n(Math.min(...xs))}-${n(Math.max(...xs))} ms`);
  return [
    largeStart,
    '## Large searches: t2-replay-after-delete with more injections',
    '',
    `${conditions} Each search is the first of a fresh process, run once, to its end (no cap on states), with the properties \`check\` searches, on one thread (\`--workers 1\`), by the default (one thread that goes on on two at a level's end once it has run a second and a core was idle: \`explore\` without \`--workers\`, and \`check\` when it runs its scenarios on one thread) and on two from the start (the pipelined search of \`explore --workers 2\`), always the same states and steps; the goals are the engine issue's, on this machine's 2 cores.`,
    '',
    '| injections | threads | states | steps taken | search | CPU of the process | states/s | peak RSS a state (beyond the RSS before building) | structures a state (own count) | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(({ injections, threads, sample: s }) => {
      const rss = (s.peakRssBytes - s.rssBeforeBytes) / s.states;
      const goal = injections === 4 ? `under 15 s: ${s.millis < 15_000 ? 'met' : '**not met**'}` : injections === 5 ? `under 2 min: ${s.millis < 120_000 ? 'met' : '**not met**'}; <= 40 bytes of RSS a state: ${rss <= 40 ? 'met' : '**not met**'}` : '';
      return `| ${injections} | ${threadsCell(threads, s)} | ${n(s.states)} | ${n(s.transitions)} | ${n(s.millis)} ms | ${n(s.cpuMillis)} ms | ${n((s.states * 1000) / s.millis)} | ${rss.toFixed(1)} bytes | ${(s.structureBytes / s.states).toFixed(1)} bytes | ${goal} |`;
    }),
    '',
    `Two threads from the start (\`explore --workers 2\`) and the default (\`explore\` without \`--workers\`) over one thread (\`--workers 1\`), round by round: the table's round, and for a search of 5 s to a minute on one thread ${ratioRounds - 1} more, the three in turn, each search in a fresh process. The goal is the engine issue's, on a TR search of more than 5 s, judged at the median of the rounds' ratios.`,
    '',
    '| injections | rounds | one thread | the default | two threads | the default over one: median (range) | two over one: median (range) | goal |',
    '|---|---:|---:|---:|---:|---:|---:|---|',
    ...ratios.map(({ injections, rounds }) => {
      const ratio = (each: readonly number[]): string => `${median(each).toFixed(2)}x${each.length === 1 ? '' : ` (${Math.min(...each).toFixed(2)}-${Math.max(...each).toFixed(2)})`}`;
      const each = rounds.map((r) => r.one / r.two);
      const middle = median(each);
      const reached = each.filter((r) => r >= ratioGoal).length;
      const goal = median(rounds.map((r) => r.one)) > 5000 ? `>= ${ratioGoal}x: ${middle >= ratioGoal ? 'met' : '**not met**'} at the median (${reached} of ${rounds.length} rounds)` : '';
      return `| ${injections} | ${rounds.length} | ${range(rounds.map((r) => r.one))} | ${range(rounds.map((r) => r.auto))} | ${range(rounds.map((r) => r.two))} | ${ratio(rounds.map((r) => r.one / r.auto))} | ${ratio(each)} | ${goal} |`;
    }),
    '',
    `Verdicts at ${rows.at(-1)!.injections} injections: ${rows.at(-1)!.sample.verdicts.join('; ')}.`,
    largeEnd,
  ];
}

if (process.argv[1]?.endsWith('largeSearch.ts')) {
  const budgets = process.argv.slice(2).map(Number);
  if (budgets.some((b) => !Number.isInteger(b) || b < 0)) {
    process.stderr.write(`bench/largeSearch.ts: injection budgets are counts, got ${process.argv.slice(2).join(' ')}\n`);
    process.exit(2);
  }
  const machine = machineInfo();
  const from = firstSearchFrom();
  if (from === 'sources') process.stderr.write('bench: the bundle is missing or stale (node scripts/bundleCli.mjs builds it): the searches run from the sources through tsx\n');
  const list = budgets.length > 0 ? budgets : [3, 4, 5];
  const rows = list.flatMap((injections) =>
    ([1, 'auto', 2] as const).map((threads) => {
      process.stderr.write(`bench: ${scenario}, ${injections} injections, ${threads} thread(s)\n`);
      return { injections, threads, sample: search(injections, threads) };
    }),
  );
  const ratios: RatioRounds[] = list.map((injections) => {
    const millis = (threads: Threads): number => rows.find((r) => r.injections === injections && r.threads === threads)!.sample.millis;
    const first = { one: millis(1), auto: millis('auto'), two: millis(2) };
    const more = first.one > 5000 && first.one < 60_000 ? ratioRounds - 1 : 0;
    const rounds = [first];
    for (let round = 1; round <= more; round++) {
      process.stderr.write(`bench: ${scenario}, ${injections} injections, round ${round + 1} of ${ratioRounds}\n`);
      rounds.push({ one: search(injections, 1).millis, auto: search(injections, 'auto').millis, two: search(injections, 2).millis });
    }
    return { injections, rounds };
  });
  const loadAfter = Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  const conditions = `Measured by \`npm run bench:large\` on ${new Date().toISOString().slice(0, 10)}: ${machineLine(machine)} at the start, ${loadAfter} at the end. The searches ran from the CLI's ${codeFromLine(from)}.`;
  const section = renderLarge(rows, ratios, conditions).join('\n');
  const file = fileURLToPath(new URL('../reports/bench.md', import.meta.url));
  const report = readFileSync(file, 'utf8');
  const start = report.indexOf(largeStart);
  const end = report.indexOf(largeEnd);
  // In place of its section, or after the headline's.
  const after = report.indexOf(headlineEnd) + headlineEnd.length;
  const updated =
    start >= 0 && end > start
      ? report.slice(0, start) + section + report.slice(end + largeEnd.length)
      : `${report.slice(0, after)}\n\n${section}${report.slice(after)}`;
  writeFileSync(file, updated);
  process.stdout.write(`${section}\n`);
}
