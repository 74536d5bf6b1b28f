// Exhaustive search on several threads, with the verdicts, counts and trace lengths of the one-thread
// search. A system of records (the TR world) uses the pipelined search; numeric states with small keys (and no trace
// properties) the shared-memory search; other systems, when more than one thread is asked for, the hash-partitioned
// one. By default the search is adaptive: it starts on this thread and a second thread joins only if it is still
// running after a while and a core looks free, so small systems never pay for starting a thread.
// Partial-order reduction runs on one thread only (its cycle proviso reads the whole visited set): for a
// system with ample sets the default is that one-thread reduced search, since a reduction commonly removes
// more states than a second core could explore; explicit workers > 1 run unreduced, and the stats say so.
import { availableParallelism, loadavg } from 'node:os';
import { resolveExhaustiveOptions, type ExhaustiveConfig, type ExhaustiveOptions } from '../exhaustive/ExhaustiveOptions.ts';
import type { ExhaustiveOutcome } from '../exhaustive/ExhaustiveOutcome.ts';
import { searchExhaustive, symmetrySetting } from '../exhaustive/searchExhaustive.ts';
import type { Property } from '../Property.ts';
import type { ReductionStats } from '../ReductionStats.ts';
import type { SymmetryStats } from '../Symmetry.ts';
import type { System } from '../System.ts';
import type { SystemSource } from '../SystemSource.ts';
import { adaptiveTwoThreads } from '../pipeline/adaptiveTwoThreads.ts';
import { pipelineFits, searchPipelined } from '../pipeline/searchPipelined.ts';
import { searchExhaustivePartitioned } from './searchExhaustivePartitioned.ts';
import { searchSharedExhaustive, sharedHelpers } from './searchSharedExhaustive.ts';

/** Whether another thread would get a core: the 1-minute load average (this search included)
 *  leaves one free. On a busy machine a helper only slows the search it was meant to speed up. */
function coreLooksFree(): boolean {
  return loadavg()[0]! < availableParallelism() - 0.5;
}

/** Default: helpers are started once the search has run this long. A helper needs 0.25-0.4 s to load
 *  the sources under tsx, and meanwhile takes CPU from the search; shorter searches cannot gain
 *  from it (see docs/engine.md for the figures). */
export const adaptiveStartMs = 200;

export interface ParallelExhaustiveOptions extends ExhaustiveOptions {
  /** Threads. Default: adaptive (this thread, joined by a helper per further core if the search
   *  still runs after `adaptiveStartMs` and a core looks free, for systems the shared-memory search
   *  holds; otherwise one thread). N > 1: N threads, started with the search. 1 (or no `source`):
   *  this thread only. */
  readonly workers?: number;
  /** How each helper rebuilds the system (a module exporting buildSystem(name, config)). */
  readonly source?: SystemSource;
}

export async function searchExhaustiveParallel<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options: ParallelExhaustiveOptions = {},
): Promise<ExhaustiveOutcome> {
  const config = resolveExhaustiveOptions(options);
  const workers = options.workers;
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
    throw new RangeError(`parallel exhaustive search: workers must be an integer from 1 to 64, got ${workers}`);
  }
  const source = options.source;
  const threads = workers ?? availableParallelism();
  // Symmetry reduction, which the threaded searches do not do: by default it runs on one thread.
  const symmetry = symmetrySetting(system, properties, config.symmetry, false);
  // By default, a system of records searched by the pipeline goes on on two threads from the level where a search that
  // has run a while finds a second core free (asked then, not now: the load now is that of what ran before).
  if (workers === undefined && threads > 1 && pipelineFits(system, properties, config) && symmetry?.applied !== true) {
    return searchExhaustive(system, properties, { ...options, twoThreads: adaptiveTwoThreads() });
  }
  // By default, a machine without a free core runs exactly the one-thread search.
  if (threads <= 1 || source === undefined || (workers === undefined && !coreLooksFree())) return searchExhaustive(system, properties, options);
  if (workers === undefined && config.reduction.on && system.ample !== undefined) return searchExhaustive(system, properties, options);
  if (workers === undefined && symmetry?.applied === true) return searchExhaustive(system, properties, options);
  // A system of records asked for threads: the pipeline (two threads, the one-thread search's steps and reductions).
  if (workers !== undefined && symmetry?.applied !== true && pipelineFits(system, properties, config)) return searchPipelined(system, properties, config);
  // The threads do not check an assumption a system reduces on (System.assumed): they search the system without it.
  const searched = system.assumed?.without() ?? system;
  // The shared search checks every state it stores and answers undefined for a system it cannot hold.
  const team = sharedHelpers(source, properties, threads - 1);
  const shared = await searchSharedExhaustive(
    searched as unknown as System<number, A>,
    properties as unknown as readonly Property<number, A>[],
    config,
    workers === undefined ? { team, startAfterMs: adaptiveStartMs, startIf: coreLooksFree } : { team, startAfterMs: 0 },
  );
  if (shared !== undefined) return unreduced(shared, system, config, symmetry);
  if (workers === undefined) return searchExhaustive(system, properties, options);
  return unreduced(await searchExhaustivePartitioned(searched, properties, config, workers, source), system, config, symmetry);
}

/** A parallel search's outcome, saying for a system with ample sets, a symmetry or an assumed reduction that it was not
 *  reduced, and why. */
function unreduced(outcome: ExhaustiveOutcome, system: System<unknown, unknown>, config: ExhaustiveConfig, symmetry: SymmetryStats | undefined): ExhaustiveOutcome {
  if (system.ample === undefined && symmetry === undefined && system.assumed === undefined) return outcome;
  const reduction: ReductionStats | undefined =
    system.ample === undefined ? undefined : { applied: false, reason: config.reduction.on ? 'parallel' : config.reduction.reason };
  const symmetryOff: SymmetryStats | undefined = symmetry?.applied === true ? { applied: false, reason: 'parallel' } : symmetry;
  const assumption = system.assumed === undefined ? {} : { assumption: { name: system.assumed.name, outcome: 'not-made' as const } };
  const stats = { ...outcome.stats, ...(reduction === undefined ? {} : { reduction }), ...(symmetryOff === undefined ? {} : { symmetry: symmetryOff }), ...assumption };
  return { ...outcome, stats, verdicts: outcome.verdicts.map(({ property, verdict }) => ({ property, verdict: { ...verdict, stats } })) };
}
