// Tests of the liveness checks on the explicit state graph: recoverability (AG EF) with the trace to a state from
// which the goal is lost, recurrence under weak fairness with a lasso, and limits that never turn into "holds".
import { describe, expect, it } from 'vitest';
import { searchLiveness } from '../../../src/engine/liveness/searchLiveness.ts';
import type { Recoverable } from '../../../src/engine/LivenessProperty.ts';
import { propertyId } from '../../../src/engine/Property.ts';
import type { Verdict } from '../../../src/engine/Verdict.ts';
import { grid } from '../exhaustive/toySystems.ts';
import {
  reachesTwo, serviceEventually, serviceEventuallyFaultsStop, serviceRecoverable, serviceToy, toggleToy,
} from './livenessToys.ts';

const only = (outcome: { verdicts: readonly { verdict: Verdict }[] }, i = 0): Verdict => outcome.verdicts[i]!.verdict;

describe('recoverability (AG EF goal)', () => {
  it('holds on the complete graph when every state can still reach service', () => {
    const verdict = only(searchLiveness(serviceToy({ lossy: true, breakable: true, repairable: true }), [serviceRecoverable]));
    expect(verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    expect(verdict.kind === 'holds-exhaustively' && verdict.assumes).toMatch(/by any step/);
  });

  it('gives the shortest trace to a state from which service is lost for good', () => {
    const verdict = only(searchLiveness(serviceToy({ breakable: true }), [serviceRecoverable]));
    expect(verdict.kind).toBe('violated');
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions).toEqual(['BREAK']);
    expect(verdict.trace.states.at(-1)).toEqual({ state: 'broken' });
    expect(verdict.trace.loop).toBeUndefined();
  });

  it('counts only the recovery steps the property allows', () => {
    const noRepairByClient: Recoverable<number, string> = {
      ...(serviceRecoverable as Recoverable<number, string>),
      id: propertyId('toy.noRepair'),
      recovery: (_s, action) => action !== 'REPAIR',
      recoveryNote: 'steps other than REPAIR',
    };
    const verdict = only(searchLiveness(serviceToy({ breakable: true, repairable: true }), [noRepairByClient]));
    expect(verdict).toMatchObject({ kind: 'violated', assumes: expect.stringMatching(/steps other than REPAIR/) });
  });

  it('is inconclusive, not "holds", when a limit cuts the graph, and finds no false violation in it', () => {
    // The far corner of a grid is reachable from everywhere; a cut leaves states whose future is unknown.
    const far = { kind: 'recoverable', id: propertyId('toy.farCorner'), description: 'the far corner stays reachable', goal: (s: number) => s === 120 } as const;
    expect(only(searchLiveness(grid(10), [far], { maxStates: 30 }))).toMatchObject({ kind: 'inconclusive', limit: 'states' });
    expect(only(searchLiveness(grid(10), [far], { maxDepth: 5 }))).toMatchObject({ kind: 'inconclusive', limit: 'depth' });
    expect(only(searchLiveness(grid(10), [far]))).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('reports a violation a bounded search proves: every state the bad one reaches was expanded', () => {
    const system = serviceToy({ breakable: true, lossy: true });
    // Depth 1: the broken state is found but not expanded, so its future is unknown.
    expect(only(searchLiveness(system, [serviceRecoverable], { maxDepth: 1 }))).toMatchObject({ kind: 'inconclusive', limit: 'depth' });
    expect(only(searchLiveness(system, [serviceRecoverable], { maxDepth: 2 }))).toMatchObject({ kind: 'violated', trace: { actions: ['BREAK'] } });
  });
});

describe('recurrence under weak fairness (GF goal)', () => {
  it('holds when the only runs that never reach service are unfair', () => {
    expect(only(searchLiveness(serviceToy(), [serviceEventually]))).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    const verdict = only(searchLiveness(toggleToy(true), [reachesTwo]));
    expect(verdict).toMatchObject({ kind: 'holds-exhaustively', assumes: 'weak fairness of each of: exit' });
  });

  it('finds a weakly fair cycle that avoids the goal, as a lasso whose cycle returns to its entry', () => {
    // EXIT is disabled in state 1, so TOGGLE forever is weakly fair to it.
    const verdict = only(searchLiveness(toggleToy(false), [reachesTwo]));
    expect(verdict.kind).toBe('violated');
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.loop).toBe(0);
    expect(verdict.trace.actions).toEqual(['TOGGLE', 'TOGGLE']);
  });

  it('finds the lossy line: send and lose forever is fair, since the server is idle in between', () => {
    const verdict = only(searchLiveness(serviceToy({ lossy: true }), [serviceEventually]));
    expect(verdict).toMatchObject({ kind: 'violated', trace: { loop: 0, actions: ['SEND', 'LOSE'] } });
  });

  it('assumes faults finitely often when the property says so: the lossy line then holds', () => {
    const verdict = only(searchLiveness(serviceToy({ lossy: true }), [serviceEventuallyFaultsStop]));
    expect(verdict).toMatchObject({ kind: 'holds-exhaustively', assumes: expect.stringMatching(/faults \(LOSE, BREAK\) happen finitely often/) });
  });

  it('finds a state where the run stops for good (no fair step enabled) as a lasso with an empty cycle', () => {
    const verdict = only(searchLiveness(serviceToy({ breakable: true }), [serviceEventuallyFaultsStop]));
    expect(verdict).toMatchObject({ kind: 'violated', trace: { actions: ['BREAK'], loop: 1 } });
  });

  it('without fairness a run may stop anywhere, and the verdict says so', () => {
    const verdict = only(searchLiveness(serviceToy({ fair: false }), [serviceEventually]));
    expect(verdict).toMatchObject({ kind: 'violated', trace: { actions: [], loop: 0 }, assumes: expect.stringMatching(/no step is fair/) });
  });

  it('is inconclusive under a depth bound when nothing is found', () => {
    expect(only(searchLiveness(serviceToy(), [serviceEventually], { maxDepth: 1 }))).toMatchObject({ kind: 'inconclusive', limit: 'depth' });
  });

  it('checks several properties on one graph, each with its own goal and assumptions', () => {
    const outcome = searchLiveness(serviceToy({ lossy: true }), [serviceRecoverable, serviceEventually, serviceEventuallyFaultsStop]);
    expect(outcome.verdicts.map((v) => v.verdict.kind)).toEqual(['holds-exhaustively', 'violated', 'holds-exhaustively']);
    expect(outcome.stats).toMatchObject({ states: 3, transitions: 3 });
  });
});
