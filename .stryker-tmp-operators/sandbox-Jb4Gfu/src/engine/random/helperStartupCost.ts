// What starting a helper thread costs a random search, per system, as measured in this process: a helper boots a
// thread, loads the sources under the TypeScript loader, rebuilds the system and runs its first chunk cold.
// That cost depends on the system's sources and on the machine's load, not on how fast the model steps.
import type { SystemSource } from '../SystemSource.ts';

/** Assumed until a helper of the system has run in this process. Measured on the project's 2-core machine from
 *  starting a helper to its first chunk delivered (medians): 0.7 s for the TR world and 1.4 s for the benchmark model
 *  (its first chunk, run cold, takes 0.6 s) with the load average at 2-3; 2.9 s and 4.8 s with it at 7. The default
 *  starts helpers only for a core the load leaves free; this is set above what was measured then, since a start-up
 *  taken too low can make the search slower than one thread, and one taken too high only forgoes a speed-up. */
export const unmeasuredHelperStartupMs = 2500;

/** A helper's start-up as one search saw it: the whole of it (its first chunk came back), or a lower bound. */
export interface HelperStartupSample {
  readonly millis: number;
  /** False when the search ended before the helper delivered a chunk: it took at least `millis`. */
  readonly complete: boolean;
}

const costs = new Map<string, number>();

const keyOf = (source: SystemSource): string => `${source.module}\n${source.name}\n${JSON.stringify(source.config)}`;

/** The start-up cost to assume for a helper of `source` (ms): the last one measured, raised by later lower bounds. */
export function helperStartupCost(source: SystemSource): number {
  return costs.get(keyOf(source)) ?? unmeasuredHelperStartupMs;
}

export function rememberHelperStartup(source: SystemSource, sample: HelperStartupSample): void {
  const key = keyOf(source);
  const millis = Math.max(0, sample.millis);
  costs.set(key, sample.complete ? millis : Math.max(costs.get(key) ?? unmeasuredHelperStartupMs, millis));
}
