// Laws every search engine must obey, as helpers that test files run against each engine and system:
// engines agree, same seed same trace, shrinking only shortens, replay reproduces, limits never prove.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Property } from '../../src/engine/Property.ts';
import type { System } from '../../src/engine/System.ts';
import type { SearchOutcome, Verdict } from '../../src/engine/Verdict.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { actionsOfChoices, runChoices } from '../../src/engine/random/runChoices.ts';
import { searchRandom } from '../../src/engine/random/searchRandom.ts';
import { shrinkLabels } from '../../src/engine/random/shrinkLabels.ts';
import { checkLabels } from '../../src/engine/replay/checkLabels.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import { parseTrace } from '../../src/engine/replay/traceSchema.ts';

export interface Engine {
  readonly name: 'exhaustive' | 'random';
  search<S, A>(system: System<S, A>, properties: readonly Property<S, A>[]): SearchOutcome;
}

export const exhaustiveEngine: Engine = { name: 'exhaustive', search: (system, properties) => searchExhaustive(system, properties) };
export const randomEngine = (seed: number, runs = 500, maxSteps = 30): Engine => ({
  name: 'random',
  search: (system, properties) => searchRandom(system, properties, { seed, runs, maxSteps }),
});

/** What a verdict says about the property, whichever engine gave it. */
function conclusion(verdict: Verdict): 'violated' | 'not-found' | 'inconclusive' {
  switch (verdict.kind) {
    case 'violated':
      return 'violated';
    case 'holds-exhaustively':
    case 'no-violation-found':
      return 'not-found';
    case 'inconclusive':
      return 'inconclusive';
  }
}

/** Law: on a small system the engines reach the same conclusion on every property, and the exhaustive
 *  counterexample is never longer than the random one (breadth-first gives shortest traces). */
export function engineVerdictsAgree<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], random: Engine): void {
  const exhaustive = exhaustiveEngine.search(system, properties);
  const randomOutcome = random.search(system, properties);
  for (const [i, { property, verdict }] of exhaustive.verdicts.entries()) {
    const other = randomOutcome.verdicts[i]!;
    expect(other.property).toBe(property);
    expect(verdict.kind === 'holds-exhaustively' || verdict.kind === 'violated', `${property}: ${verdict.kind}`).toBe(true);
    expect(conclusion(other.verdict), `${property}`).toBe(conclusion(verdict));
    if (verdict.kind === 'violated' && other.verdict.kind === 'violated') {
      expect(verdict.trace.actions.length).toBeLessThanOrEqual(other.verdict.trace.actions.length);
    }
  }
}

/** Law: the same seed gives byte-identical traces (and verdict kinds). */
export function sameSeedSameTraces<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], engine: Engine): void {
  const traces = (outcome: SearchOutcome): string =>
    JSON.stringify(outcome.verdicts.map((v) => [v.property, v.verdict.kind, v.verdict.kind === 'violated' ? v.verdict.trace : null]));
  const first = traces(engine.search(system, properties));
  expect(traces(engine.search(system, properties))).toBe(first);
  expect(first).toContain('"violated"');
}

/** Law: every counterexample survives a save to JSON and replays to the same violation, state for state. */
export function savedTracesReplay<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], engine: Engine): number {
  let replayed = 0;
  for (const { property, verdict } of engine.search(system, properties).verdicts) {
    if (verdict.kind !== 'violated') continue;
    const parsed = parseTrace(JSON.stringify(verdict.trace, null, 2));
    if (!parsed.ok) throw new Error(parsed.error);
    const report = replayTrace(system, properties.find((p) => p.id === property)!, parsed.trace);
    expect(report.result.kind, `${engine.name} ${property}`).toBe('reproduced');
    expect(report.savedMismatch).toBeUndefined();
    replayed++;
  }
  return replayed;
}

/** Law: a search cut short by a limit is inconclusive for every property it did not find violated; never holds. */
export function cutSearchIsInconclusive(outcome: SearchOutcome): void {
  for (const { property, verdict } of outcome.verdicts) {
    expect(['violated', 'inconclusive'], `${property}: ${verdict.kind}`).toContain(verdict.kind);
  }
  expect(outcome.verdicts.some((v) => v.verdict.kind === 'inconclusive')).toBe(true);
}

/** Law: shrinking never returns a longer trace, and what it returns still violates the same property, at
 *  its last step. Checked on the violating runs among `numRuns` random ones; returns how many it shrank. */
export function shrinkingOnlyShortens<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  options: { seed: number; numRuns: number; maxSteps: number },
): { violating: number; shortened: number } {
  const initial = system.initialStates()[0]!;
  const counters = { steps: 0, runs: 0, longest: 0 };
  let violating = 0;
  let shortened = 0;
  fc.assert(
    fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: options.maxSteps, size: 'max' }), (choices) => {
      const outcome = runChoices(system, properties, initial, choices, counters);
      const property = properties[outcome.violated];
      if (property === undefined) return;
      violating++;
      const labels = actionsOfChoices(system, initial, choices, outcome.steps).map((a) => system.actionLabel(a));
      const shrunk = shrinkLabels(system, property, initial, labels);
      expect(shrunk.length).toBeLessThanOrEqual(labels.length);
      expect(checkLabels(system, property, initial, shrunk)).toMatchObject({ kind: 'violated', steps: shrunk.length });
      if (shrunk.length < labels.length) shortened++;
    }),
    { seed: options.seed, numRuns: options.numRuns, plugins: [fc.unbiased()] },
  );
  return { violating, shortened };
}
