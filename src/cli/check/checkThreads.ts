// How many threads `trecheck check` runs its scenarios on (docs/engine.md, "Scenarios side by side"): --workers N
// as asked (never more threads than scenarios); by default one thread unless a helper pays for itself.
import { availableParallelism, loadavg } from 'node:os';
import { runningBundle } from '../../engine/importModule.ts';

export interface CheckThreadsInput {
  /** --workers N, when given. */
  readonly requested: number | undefined;
  /** Scenarios to search. */
  readonly jobs: number;
  /** Cores this process may use (availableParallelism: a taskset or cgroup limit counts). */
  readonly cores: number;
  /** The 1-minute load average. */
  readonly load: number;
  /** This process runs from the CLI's bundle, so a helper loads the bundle, not the sources under tsx. */
  readonly bundled: boolean;
  /** --bail: stop at the first unexpected scenario. */
  readonly bail: boolean;
}

/** Default: fewer scenarios than this run on one thread. One thread already keeps about 1.4 of 2 cores busy (V8
 *  compiles and collects garbage on background threads), and a helper pays about 0.75 s of CPU for its own start
 *  (loading the bundle, compiling the search again, cold tables): measured on 2 cores, `check --threat t2` (6
 *  scenarios) ran 4% slower on two threads, the whole check (52 and Alternative 3a) 10% faster. */
export const minParallelJobs = 16;

/**
 * The default, in order: one thread under --bail (its fast path stops at the first unexpected scenario, and a helper
 * working ahead would mostly work for nothing), when helpers would compile the sources under tsx (about 1 s of CPU
 * each, more than most runs gain), on one core, or with fewer than `minParallelJobs` scenarios. Otherwise this
 * thread plus a helper for each further core the load leaves free: the load average does not count this process
 * yet, so the k-th helper counts while the load is below the cores less 1.5 (this thread's core and half a core of
 * slack) less k - 1; on 2 cores, a helper below a load of 0.5. Never more threads than scenarios.
 */
export function checkThreads(input: CheckThreadsInput): number {
  const { requested, jobs, cores, load } = input;
  if (requested !== undefined) return Math.max(1, Math.min(requested, jobs));
  if (input.bail || !input.bundled || cores < 2 || jobs < minParallelJobs) return 1;
  const helpers = Math.max(0, Math.min(cores - 1, Math.ceil(cores - 1.5 - load)));
  return Math.max(1, Math.min(1 + helpers, jobs));
}

/** checkThreads on this machine, now. */
export function checkThreadsHere(requested: number | undefined, jobs: number, bail: boolean): number {
  return checkThreads({ requested, jobs, cores: availableParallelism(), load: loadavg()[0]!, bundled: runningBundle() !== undefined, bail });
}
