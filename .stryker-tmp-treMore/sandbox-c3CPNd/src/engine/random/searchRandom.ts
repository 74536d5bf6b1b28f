// Random search with fast-check, in the current thread: many seeded runs of "take the k-th
// enabled action" choices, each violation shrunk to a short trace. Not a proof when nothing is found.
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import type { SearchOutcome } from '../Verdict.ts';
import { mergeRandomPartials } from './mergeRandomPartials.ts';
import type { RandomOptions } from './RandomOptions.ts';
import { runRandomPartial } from './runRandomPartial.ts';

/** Same seed and options give the same verdicts and byte-identical traces. */
export function searchRandom<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options?: RandomOptions,
): SearchOutcome {
  return mergeRandomPartials([runRandomPartial(system, properties, options)]);
}
