// What starting a helper thread costs a random search, per system, as measured in this process: a helper boots a
// thread, loads the sources under the TypeScript loader, rebuilds the system and runs its first chunk cold.
// That cost depends on the system's sources and on the machine's load, not on how fast the model steps.
import type { SystemSource } from '../SystemSource.ts';

/** Assumed until a helper of the system has run in this process. Measured on the project's 2-core machine, from
 *  starting a helper to its first chunk delivered, less one warm chunk: 0.8-1.1 s for the TR world and the benchmark
 *  model with the cores free, 1.2-2.3 s with other work on them. Set above that range: a start-up taken too
 *  low can make the search slower than one thread, one taken too high only forgoes a speed-up. */
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
