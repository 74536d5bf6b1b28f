// The TR world's rate against the benchmark model's, measured in the same run (rounds alternating the two, each
// round's two searches one right after the other) so that the ratio, unlike either rate, depends less on the
// machine or its load: the figure `npm run bench:quick` guards.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { median } from './median.ts';

/** The largest threat scenario (most states), searched as `npm run check` searches it. */
export const ratioScenario = 't2-replay-after-delete';
/** The benchmark model's bound, as in the full bench. */
export const ratioMaxP = 6;

export interface MeasuredRatio {
  readonly scenario: string;
  readonly maxP: number;
  readonly rounds: number;
  /** Distinct states of one exhaustive one-thread search, and the median rate over the rounds. */
  readonly trStates: number;
  readonly trStatesPerSecond: number;
  readonly trRunsMillis: readonly number[];
  readonly benchmarkStates: number;
  readonly benchmarkStatesPerSecond: number;
  readonly benchmarkRunsMillis: readonly number[];
  /** The median over the rounds of each round's TR rate over its benchmark rate. */
  readonly ratio: number;
  /** The core both models ran on (`pinnableCore`); undefined: wherever the system put them. */
  readonly core: number | undefined;
}

/** `rounds` rounds, each measuring both models (in alternating order) so that load from other work falls on both
 *  alike; each rate is the median over the rounds, and the ratio the median of the rounds' ratios (this machine
 *  runs fast and slow for seconds at a time: a ratio of medians could pair a fast round of one model with a slow
 *  round of the other). Each model runs alone in its own child process (bench/rateProcess.ts), started once: a
 *  warm-up search (JIT; the benchmark's lifecycle table, the world's tables), then in each round the fastest of
 *  three searches of the same system with its properties (the scenario's and the sanity goal, as `check` gives
 *  them), the two models' searches of a round one right after the other. The first search of a fresh world, as
 *  one `check` pays it, is in measureThreats. */
export async function measureRatio(rounds: number): Promise<MeasuredRatio> {
  const core = pinnableCore();
  const [tr, benchmark] = await Promise.all([RateProcess.start('tr', core), RateProcess.start('benchmark', core)]);
  try {
    const trMillis: number[] = [];
    const benchmarkMillis: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const order = i % 2 === 0 ? [tr, benchmark] : [benchmark, tr];
      for (const child of order) {
        const fastest = Math.min(...(await child.search(3)));
        (child === tr ? trMillis : benchmarkMillis).push(fastest);
      }
    }
    return {
      scenario: ratioScenario,
      maxP: ratioMaxP,
      rounds,
      trStates: tr.states,
      trStatesPerSecond: (tr.states * 1000) / median(trMillis),
      trRunsMillis: trMillis,
      benchmarkStates: benchmark.states,
      benchmarkStatesPerSecond: (benchmark.states * 1000) / median(benchmarkMillis),
      benchmarkRunsMillis: benchmarkMillis,
      ratio: ratioOfRounds(tr.states, trMillis, benchmark.states, benchmarkMillis),
      core,
    };
  } finally {
    tr.close();
    benchmark.close();
  }
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** The core both rate processes run on (the last one), or undefined where `taskset` (Linux) is missing. */
function pinnableCore(): number | undefined {
  return spawnSync('taskset', ['-V']).status === 0 ? availableParallelism() - 1 : undefined;
}

/** One model's rate process (bench/rateProcess.ts): asked for searches one line at a time. */
class RateProcess {
  private constructor(
    private readonly which: 'tr' | 'benchmark',
    private readonly child: ChildProcessWithoutNullStreams,
    /** Distinct states of one search. */
    readonly states: number,
    private readonly lines: AsyncIterator<string>,
  ) {}

  /** Starts the process of model `which`, on `core` when there is one to run on. */
  static async start(which: 'tr' | 'benchmark', core: number | undefined): Promise<RateProcess> {
    const command = [process.execPath, '--import', 'tsx', 'bench/rateProcess.ts', which, ratioScenario, String(ratioMaxP)];
    // Both models on one core, where the machine lets us choose: this VM's cores are slowed by other work one at a
    // time, for seconds, and a round whose two searches ran on different cores compared unlike conditions.
    const pinned = core === undefined ? command : ['taskset', '-c', String(core), ...command];
    const child = spawn(pinned[0]!, pinned.slice(1), { cwd: root });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const first = await lines.next();
    // The bench cannot give a ratio without both rates; a failing child is a bug to see, not to paper over.
    if (first.done === true) throw new Error(`bench: the ${which} rate process failed: ${stderr.trim()}`);
    return new RateProcess(which, child, (JSON.parse(first.value) as { states: number }).states, lines);
  }

  /** Milliseconds of each of `count` searches. */
  async search(count: number): Promise<number[]> {
    this.child.stdin.write(`${count}\n`);
    const line = await this.lines.next();
    if (line.done === true) throw new Error(`bench: the ${this.which} rate process ended early`);
    return (JSON.parse(line.value) as { millis: number[] }).millis;
  }

  close(): void {
    this.child.stdin.end();
  }
}

/** The median over rounds of the TR world's rate over the benchmark model's, round `i` being `trMillis[i]` and
 *  `benchmarkMillis[i]`. */
export function ratioOfRounds(trStates: number, trMillis: readonly number[], benchmarkStates: number, benchmarkMillis: readonly number[]): number {
  return median(roundRatios(trStates, trMillis, benchmarkStates, benchmarkMillis));
}

/** Each round's TR world rate over its benchmark model rate. */
export function roundRatios(trStates: number, trMillis: readonly number[], benchmarkStates: number, benchmarkMillis: readonly number[]): number[] {
  return trMillis.map((millis, i) => trStates / millis / (benchmarkStates / benchmarkMillis[i]!));
}
