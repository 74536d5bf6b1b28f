// Random search on worker threads: the verdicts, traces and counts of searchRandom, faster.
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import type { SearchOutcome } from '../Verdict.ts';
import { mergeRandomPartials } from './mergeRandomPartials.ts';
import type { RandomOptions } from './RandomOptions.ts';
import { runRandomPartialParallel } from './runRandomPartialParallel.ts';

/** Needs `options.source` to rebuild the system in each worker; without it, runs in this thread. */
export async function searchRandomParallel<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options?: RandomOptions,
): Promise<SearchOutcome> {
  return mergeRandomPartials([await runRandomPartialParallel(system, properties, options)]);
}
