// The headline figures, each as a user meets it: the first search of the largest threat scenario and of the
// benchmark model in a fresh process (never a re-search of a built system), the CLI's wall time for each, and
// Spin 6.5's pan on the same benchmark model (bench/benchmark.pml, built here when spin and a C compiler are
// present). Rounds alternate the models; every process is pinned to one core when taskset exists.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, copyFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkThreads } from '../src/cli/check/checkThreads.ts';
import { planCheck } from '../src/cli/check/planCheck.ts';
import { searchExhaustive } from '../src/engine/exhaustive/searchExhaustive.ts';
import { worldSystem } from '../models/world/worldSystem.ts';
import { threatSuitePlan } from './measureThreats.ts';
import { firstSearchArgv, firstSearchFrom } from './firstSearchChild.ts';
import type { FirstSearchSample, XStateWork } from './firstSearchProcess.ts';
import { median } from './median.ts';
import { writeBenchConfig } from './measureStartup.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The largest built-in threat scenario: the threat suite's scenario whose search holds the most states, searched
 *  here (some 0.4M states over the suite, a few seconds) so that the headline follows the model as it changes. */
export function largestThreatScenario(): string {
  let largest = { name: '', states: -1 };
  for (const job of threatSuitePlan().jobs) {
    const states = searchExhaustive(worldSystem(job.config), []).stats.states;
    if (states > largest.states) largest = { name: job.config.name, states };
  }
  return largest.name;
}

/** The threat whose whole check the issue times as a user runs it (`check --threat t2`, its goal: under 1 s). */
export const headlineThreat = 't2';

export interface Timed {
  readonly command: string;
  /** Not pinned to one core: the process had every core, and its defaults (check's threads) decided from them. */
  readonly unpinned?: { readonly cores: number; readonly loads: readonly number[]; readonly threads: readonly number[] };
  readonly wallMillis: number;
  readonly runsMillis: readonly number[];
  readonly exitCode: number | null;
}

export interface FirstSearchFigures {
  readonly model: string;
  readonly states: number;
  readonly transitions: number;
  /** Medians over the rounds. */
  readonly millis: number;
  readonly cpuMillis: number;
  readonly statesPerSecond: number;
  /** Peak resident memory of the process beyond what it held before building the system, per state. */
  readonly rssBytesPerState: number;
  /** The search's structures (visited set, parents, world tables) from their own count, per state. */
  readonly structureBytesPerState: number;
  readonly verdicts: readonly string[];
  /** A TR world's first search: XState's part of it (steps the same every round; milliseconds the median). */
  readonly xstate?: XStateWork;
}

export type SpinFigures =
  | { readonly kind: 'skipped'; readonly why: string }
  | {
      readonly kind: 'measured';
      readonly version: string;
      readonly states: number;
      readonly transitions: number;
      /** pan's own elapsed time (search only), median. */
      readonly searchMillis: number;
      readonly statesPerSecond: number;
      /** pan's process, spawn to exit (the compiled verifier; generating and compiling it not included). */
      readonly wall: Timed;
      readonly compileMillis: number;
      /** pan's own "total actual memory usage" per state (hash table and DFS stack included). */
      readonly bytesPerState: number;
    };

export interface HeadlineFigures {
  readonly rounds: number;
  readonly pinned: string;
  /** Where the CLI's and the first searches' code came from. */
  readonly cliFrom: 'bundle' | 'sources';
  readonly tr: FirstSearchFigures;
  /** The same not pinned: the search on one thread, V8's compiler and garbage collector threads free to use the
   *  other cores, as a user's process runs. */
  readonly trUnpinned?: FirstSearchFigures;
  /** A diagnostic, judged against nothing: the same scenario as a new system, searched in a process that searched it
   *  once before (the code compiled, every table new), pinned. */
  readonly trWarm?: FirstSearchFigures;
  /** The same system searched a third time in its process (`tr-again`): every table built. A diagnostic. */
  readonly trAgain?: FirstSearchFigures;
  readonly benchmark: FirstSearchFigures;
  readonly cliVersion: Timed;
  readonly cliTr: Timed;
  /** The same, not pinned: the default's threads on this machine's cores. */
  readonly cliTrDefault?: Timed;
  readonly cliBenchmark: Timed;
  readonly spin: SpinFigures;
}

const hasCommand = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const pin = hasCommand('taskset') ? ['taskset', '-c', '1'] : [];

function run(argv: readonly string[], cwd = root, pinned = true): { millis: number; status: number | null; stdout: string; stderr: string } {
  const [command, ...args] = [...(pinned ? pin : []), ...argv];
  const began = performance.now();
  const child = spawnSync(command!, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 26 });
  const millis = performance.now() - began;
  if (child.error !== undefined) throw child.error;
  return { millis, status: child.status, stdout: child.stdout, stderr: child.stderr };
}

function firstSearch(args: readonly string[], pinned = true): FirstSearchSample {
  const child = run(firstSearchArgv(args), root, pinned);
  if (child.status !== 0) throw new Error(`bench: first search ${args.join(' ')} failed: ${child.stderr.trim()}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as FirstSearchSample;
}

function summarise(samples: readonly FirstSearchSample[]): FirstSearchFigures {
  const s = samples[0]!;
  const millis = median(samples.map((x) => x.millis));
  return {
    model: s.model,
    states: s.states,
    transitions: s.transitions,
    millis,
    cpuMillis: median(samples.map((x) => x.cpuMillis)),
    statesPerSecond: (s.states * 1000) / millis,
    rssBytesPerState: median(samples.map((x) => (x.peakRssBytes - x.rssBeforeBytes) / x.states)),
    structureBytesPerState: s.structureBytes / s.states,
    verdicts: s.verdicts,
    ...(s.xstate === undefined ? {} : { xstate: { ...s.xstate, millis: median(samples.map((x) => x.xstate!.millis)) } }),
  };
}

function timed(label: string, argv: readonly string[], rounds: number, cwd = root): Timed {
  const runs = Array.from({ length: rounds }, () => run(argv, cwd));
  return { command: label, wallMillis: median(runs.map((r) => r.millis)), runsMillis: runs.map((r) => r.millis), exitCode: runs.at(-1)!.status };
}

/** `check` unpinned, as a user runs it: its default decides the threads (checkThreads) from the cores and the load
 *  average, read here just before each run (the same inputs the process reads a moment later). */
function timedDefault(label: string, argv: readonly string[], jobs: number, rounds: number, bundled: boolean): Timed {
  const cores = availableParallelism();
  const loads: number[] = [];
  const threads: number[] = [];
  const runs = Array.from({ length: rounds }, () => {
    const load = loadavg()[0]!;
    loads.push(load);
    threads.push(checkThreads({ requested: undefined, jobs, cores, load, bundled, bail: false }));
    return run(argv, root, false);
  });
  return { command: label, wallMillis: median(runs.map((r) => r.millis)), runsMillis: runs.map((r) => r.millis), exitCode: runs.at(-1)!.status, unpinned: { cores, loads, threads } };
}

function measureSpin(maxP: number, rounds: number): SpinFigures {
  if (!hasCommand('spin')) return { kind: 'skipped', why: 'spin is not installed (apt-get install spin)' };
  const cc = ['cc', 'gcc', 'clang'].find(hasCommand);
  if (cc === undefined) return { kind: 'skipped', why: 'no C compiler (cc, gcc or clang) to build pan' };
  const dir = mkdtempSync(join(tmpdir(), 'trecheck-spin-'));
  copyFileSync(join(root, 'bench', 'benchmark.pml'), join(dir, 'benchmark.pml'));
  const version = spawnSync('spin', ['-V'], { encoding: 'utf8' }).stdout.trim();
  const began = performance.now();
  for (const argv of [['spin', '-a', `-DMAXP=${maxP}`, 'benchmark.pml'], [cc, '-O2', '-DSAFETY', '-DNOREDUCE', '-o', 'pan', 'pan.c']]) {
    const step = spawnSync(argv[0]!, argv.slice(1), { cwd: dir, encoding: 'utf8' });
    if (step.status !== 0) return { kind: 'skipped', why: `${argv.join(' ')} failed: ${(step.stderr || step.stdout).trim().split('\n')[0]}` };
  }
  const compileMillis = performance.now() - began;
  // -c0: go on past the invariants' violations to the whole space, as the engine does; -m: DFS depth (81 here).
  const runs = Array.from({ length: rounds }, () => run(['./pan', '-c0', '-m100000'], dir));
  const out = runs.at(-1)!.stdout;
  const number = (pattern: RegExp): number => Number(pattern.exec(out)?.[1] ?? Number.NaN);
  const states = number(/(\d+) states, stored/);
  const searchMillis = median(runs.map((r) => Number(/elapsed time ([\d.e+-]+) seconds/.exec(r.stdout)?.[1] ?? Number.NaN) * 1000));
  return {
    kind: 'measured',
    version,
    states,
    transitions: number(/(\d+) transitions/),
    searchMillis,
    statesPerSecond: (states * 1000) / searchMillis,
    wall: { command: './pan -c0 -m100000', wallMillis: median(runs.map((r) => r.millis)), runsMillis: runs.map((r) => r.millis), exitCode: runs.at(-1)!.status },
    compileMillis,
    bytesPerState: (number(/([\d.]+)\s+total actual memory usage/) * 2 ** 20) / states,
  };
}

export function measureHeadline(scenario: string, maxP: number, rounds: number): HeadlineFigures {
  const tr: FirstSearchSample[] = [];
  const trUnpinned: FirstSearchSample[] = [];
  const trWarm: FirstSearchSample[] = [];
  const trAgain: FirstSearchSample[] = [];
  const benchmark: FirstSearchSample[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternating which model goes first, so a drift in the machine's load falls on both alike.
    if (i % 2 === 0) tr.push(firstSearch(['tr', scenario]));
    benchmark.push(firstSearch(['benchmark', String(maxP)]));
    trUnpinned.push(firstSearch(['tr', scenario], false));
    trWarm.push(firstSearch(['tr-warm', scenario]));
    trAgain.push(firstSearch(['tr-again', scenario]));
    if (i % 2 === 1) tr.push(firstSearch(['tr', scenario]));
  }
  mkdirSync(join(root, 'reports', 'scratch'), { recursive: true });
  const bin = join('bin', 'trecheck.js');
  const cliFrom = firstSearchFrom();
  return {
    rounds,
    pinned: pin.length > 0 ? 'one core (taskset -c 1)' : 'not pinned (no taskset)',
    cliFrom,
    tr: summarise(tr),
    trUnpinned: summarise(trUnpinned),
    trWarm: summarise(trWarm),
    trAgain: summarise(trAgain),
    benchmark: summarise(benchmark),
    cliVersion: timed('npx trecheck --version', [process.execPath, bin, '--version'], rounds),
    cliTr: timed(`npx trecheck check --threat ${headlineThreat}`, [process.execPath, bin, 'check', '--threat', headlineThreat, '--out', 'reports/scratch/bench-check'], rounds),
    cliTrDefault: timedDefault(
      `npx trecheck check --threat ${headlineThreat}`,
      [process.execPath, bin, 'check', '--threat', headlineThreat, '--out', 'reports/scratch/bench-check'],
      planCheck({ threat: [headlineThreat] }).jobs.length,
      rounds,
      cliFrom === 'bundle',
    ),
    cliBenchmark: timed(
      `npx trecheck explore benchmark --config ${writeBenchConfig(maxP)}`,
      [process.execPath, bin, 'explore', 'benchmark', '--config', writeBenchConfig(maxP), '--out', 'reports/scratch/bench-traces'],
      rounds,
    ),
    spin: measureSpin(maxP, rounds),
  };
}
