// Tests of symmetry reduction in the one-thread exhaustive search, on identical processes around a lock: the
// verdicts and trace lengths of the full search on one state per orbit, counterexamples mapped back to real traces
// that replay on the system without the symmetry, the reduction off when a property names one process, and a wrong
// symmetry (or a wrong claim that a property is preserved) caught by the laws and by the mapping back.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { searchExhaustiveParallel } from '../../../src/engine/parallel/searchExhaustiveParallel.ts';
import type { Property } from '../../../src/engine/Property.ts';
import { checkLabels } from '../../../src/engine/replay/checkLabels.ts';
import type { SearchOutcome, Verdict } from '../../../src/engine/Verdict.ts';
import { checkSymmetryLaws } from '../symmetryLaws.ts';
import { referenceSearch } from './referenceSearch.ts';
import { rederive } from './rederive.ts';
import {
  firstNeverInside,
  lockProcesses,
  mutualExclusion,
  symmetricProperties,
  type LockAction,
  type LockConfig,
  type LockState,
} from './symmetryToySystems.ts';

const verdictOf = (outcome: SearchOutcome, id: string): Verdict => {
  const found = outcome.verdicts.find((v) => v.property === id);
  if (found === undefined) throw new Error(`no verdict for ${id}`);
  return found.verdict;
};

const kinds = (outcome: SearchOutcome): Record<string, string> => Object.fromEntries(outcome.verdicts.map((v) => [v.property, v.verdict.kind]));

/** Symmetry reduction is asked for (it is off by default). */
const on = { symmetry: true } as const;

const configs: readonly LockConfig[] = [{ processes: 2 }, { processes: 3 }, { processes: 4 }, { processes: 3, byKey: true }, { processes: 5, byKey: true }];

describe('symmetry reduction', () => {
  it.each(configs)('obeys the symmetry laws on the toy (%o)', (config) => {
    const check = checkSymmetryLaws(lockProcesses(config), symmetricProperties);
    expect(check.problems).toEqual([]);
    expect(check.orbits).toBeLessThan(check.states);
  });

  it.each(configs)('gives the verdicts and shortest trace lengths of the full search on one state per orbit (%o)', (config) => {
    const system = lockProcesses(config);
    const plain = lockProcesses({ ...config, symmetric: false });
    const full = searchExhaustive(system, symmetricProperties, { symmetry: false });
    const reduced = searchExhaustive(system, symmetricProperties, on);
    expect(kinds(reduced)).toEqual(kinds(full));
    expect(Object.values(kinds(full))).toContain('violated');
    expect(Object.values(kinds(full))).toContain('holds-exhaustively');
    expect(reduced.stats.symmetry).toEqual({ applied: true });
    expect(full.stats.symmetry).toEqual({ applied: false, reason: 'turned-off' });
    expect(searchExhaustive(system, symmetricProperties).stats.symmetry).toEqual({ applied: false, reason: 'turned-off' });
    // Off, the search is the search of the system without a symmetry, state for state.
    expect(full.stats.states).toBe(searchExhaustive(plain, symmetricProperties).stats.states);
    expect(reduced.stats.states).toBeLessThan(full.stats.states);
    // On, one state per orbit: as many as the reachable orbits (counted with invariants alone: a trace monitor's
    // state is part of the explored state).
    const invariants = symmetricProperties.filter((p) => p.kind === 'invariant');
    const laws = checkSymmetryLaws(system, invariants);
    expect(searchExhaustive(system, invariants, { symmetry: false }).stats.states).toBe(laws.states);
    expect(searchExhaustive(system, invariants, on).stats.states).toBe(laws.orbits);
    const shortest = referenceSearch(plain, symmetricProperties).shortest;
    for (const property of symmetricProperties) {
      const verdict = verdictOf(reduced, property.id);
      if (verdict.kind !== 'violated') {
        expect(shortest.has(property.id), property.id).toBe(false);
        continue;
      }
      expect(verdict.trace.actions, property.id).toHaveLength(shortest.get(property.id)!);
      // A real trace of the system without the symmetry: each step enabled, each state the one reached, violated at its end.
      rederive(plain, verdict.trace);
      const run = checkLabels(plain, property as Property<LockState, LockAction>, plain.initialStates()[0]!, verdict.trace.actions);
      expect(run).toMatchObject({ kind: 'violated', steps: verdict.trace.actions.length });
    }
  });

  it('maps a counterexample whose recorded path runs through representatives back to another interleaving', () => {
    // With 3 processes the first violation of mutual exclusion the reduced search records sorts its counters, so the
    // processes of the real trace are not those of the representatives: READ(0) leads to [0,0,1], stored as such.
    const reduced = searchExhaustive(lockProcesses({ processes: 3 }), [mutualExclusion], on);
    const verdict = verdictOf(reduced, mutualExclusion.id);
    if (verdict.kind !== 'violated') throw new Error('mutual exclusion must be violated');
    expect(verdict.trace.actions).toHaveLength(4);
    expect(verdict.trace.states[0]).toEqual({ pcs: [0, 0, 0], lock: 0 });
    // The real first step is READ(0), which reaches [1,0,0]; its representative [0,0,1] is what the search stored.
    expect(verdict.trace.actions[0]).toBe('READ(0)');
    expect(verdict.trace.states[1]).toEqual({ pcs: [1, 0, 0], lock: 0 });
  });

  it('is off, naming the property, when a property checked names one process', () => {
    const system = lockProcesses({ processes: 3 });
    const properties = [...symmetricProperties, firstNeverInside];
    const outcome = searchExhaustive(system, properties, on);
    expect(outcome.stats.symmetry).toEqual({ applied: false, reason: 'property', property: 'FirstNeverInside' });
    expect(outcome.stats.states).toBe(searchExhaustive(system, properties, { symmetry: false }).stats.states);
    const verdict = verdictOf(outcome, firstNeverInside.id);
    expect(verdict.kind === 'violated' ? verdict.trace.actions : []).toEqual(['READ(0)', 'SET(0)']);
  });

  it('runs on one thread in the default parallel search, when asked for', async () => {
    const system = lockProcesses({ processes: 3 });
    const outcome = await searchExhaustiveParallel(system, symmetricProperties, on);
    expect(outcome.workers).toBe(1);
    expect(outcome.stats.symmetry).toEqual({ applied: true });
  });

  it('catches a declared symmetry that is none of the system: the laws fail, and a counterexample does not map back', () => {
    // Only process 0 moves, so mutual exclusion holds; sorting still moves process 0's counter onto the others,
    // whose representatives then reach a state with all three inside.
    const wrong = lockProcesses({ processes: 3, onlyFirstMoves: true });
    expect(checkSymmetryLaws(wrong, symmetricProperties).problems).not.toEqual([]);
    expect(kinds(searchExhaustive(wrong, [mutualExclusion], { symmetry: false }))).toEqual({ MutualExclusion: 'holds-exhaustively' });
    expect(() => searchExhaustive(wrong, [mutualExclusion], on)).toThrow(/no counterpart from the real state/);
  });

  it('catches a property wrongly declared preserved: the laws fail, and its counterexample is longer than the shortest', () => {
    const wrong = lockProcesses({ processes: 3, preservesAll: true });
    expect(checkSymmetryLaws(wrong, [firstNeverInside]).problems.join()).toMatch(/FirstNeverInside is declared preserved/);
    const reduced = verdictOf(searchExhaustive(wrong, [firstNeverInside], on), firstNeverInside.id);
    const full = verdictOf(searchExhaustive(wrong, [firstNeverInside], { symmetry: false }), firstNeverInside.id);
    if (reduced.kind !== 'violated' || full.kind !== 'violated') throw new Error('both searches must find the violation');
    expect(full.trace.actions).toHaveLength(2);
    // The representatives sort process 0's counter first, so it is inside only once every process is.
    expect(reduced.trace.actions.length).toBeGreaterThan(2);
  });
});
