// One entry point for a mix of safety and liveness properties: the level explorer decides the safety ones at its
// full speed, and the explicit state graph (src/engine/liveness/) is built only when a liveness property is asked.
import { searchExhaustive } from './exhaustive/searchExhaustive.ts';
import type { ExhaustiveOptions } from './exhaustive/ExhaustiveOptions.ts';
import { searchLiveness } from './liveness/searchLiveness.ts';
import { isLiveness, type AnyProperty, type LivenessProperty } from './LivenessProperty.ts';
import type { Property } from './Property.ts';
import type { System } from './System.ts';
import type { ExplorationStats, SearchOutcome } from './Verdict.ts';

export interface PropertiesOutcome extends SearchOutcome {
  /** The state graph's search, when a liveness property was asked (the safety search's stats are `stats`, or these
   *  when no safety property was asked). */
  readonly liveness?: ExplorationStats;
}

/** Splits properties into those the level explorer checks and those decided on the state graph. */
export function splitProperties<S, A>(properties: readonly AnyProperty<S, A>[]): { safety: Property<S, A>[]; liveness: LivenessProperty<S, A>[] } {
  const safety: Property<S, A>[] = [];
  const liveness: LivenessProperty<S, A>[] = [];
  for (const p of properties) {
    if (isLiveness(p)) liveness.push(p);
    else safety.push(p);
  }
  return { safety, liveness };
}

/** Verdicts in the order of `properties`. `system` builds a fresh system for each search (a system may keep tables). */
export function searchProperties<S, A>(system: () => System<S, A>, properties: readonly AnyProperty<S, A>[], options?: ExhaustiveOptions): PropertiesOutcome {
  const { safety, liveness } = splitProperties(properties);
  const first = safety.length > 0 || liveness.length === 0 ? searchExhaustive(system(), safety, options) : undefined;
  const second = liveness.length > 0 ? searchLiveness(system(), liveness, options) : undefined;
  const all = [...(first?.verdicts ?? []), ...(second?.verdicts ?? [])];
  const verdicts = properties.map((p) => all.find((v) => v.property === p.id)!);
  return { verdicts, stats: (first ?? second)!.stats, ...(second === undefined ? {} : { liveness: second.stats }) };
}
