// Tests of the benchmark model: the exact state counts required at MAXP=5 and 6, shortest violations of 8
// and 16 steps, and agreement with a naive reference search, the fast path and live XState actors.
import { describe, expect, it } from 'vitest';
import { createBenchmark } from '../../examples/benchmark/createBenchmark.ts';
import { InputError } from '../../src/cli/InputError.ts';
import { buildSystem } from '../../src/cli/systems.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { referenceSearch } from '../engine/exhaustive/referenceSearch.ts';
import { rederive } from '../engine/exhaustive/rederive.ts';

describe('the benchmark model of issue 3', () => {
  it('has exactly 251,617 reachable states at MAXP=5', () => {
    const { system, properties } = createBenchmark({ maxP: 5 });
    const outcome = searchExhaustive(system, properties);
    expect(outcome.stats.states).toBe(251_617);
    expect(outcome.fingerprints.hashed).toBe(0);
  });

  it('has exactly 1,648,572 reachable states at MAXP=6', () => {
    const { system, properties } = createBenchmark({ maxP: 6 });
    expect(searchExhaustive(system, properties).stats.states).toBe(1_648_572);
  });

  it('violates "not dup" in 8 steps and the deep invariant in 16, with traces that re-derive', () => {
    const { system, properties } = createBenchmark({ maxP: 5 });
    const outcome = searchExhaustive(system, properties);
    const [notDup, deep] = outcome.verdicts.map((v) => v.verdict);
    expect(notDup?.kind).toBe('violated');
    expect(deep?.kind).toBe('violated');
    if (notDup?.kind !== 'violated' || deep?.kind !== 'violated') return;
    expect(notDup.trace.actions).toHaveLength(8);
    expect(deep.trace.actions).toHaveLength(16);
    expect(properties[0]!.kind === 'invariant' && properties[0]!.holds(rederive(system, notDup.trace))).toBe(false);
    expect(properties[1]!.kind === 'invariant' && properties[1]!.holds(rederive(system, deep.trace))).toBe(false);
    expect(deep.trace.states.at(-1)).toMatchObject({ cred: 'Selected', dup: true });
    expect((deep.trace.states.at(-1) as { installed: number[] }).installed).toHaveLength(3);
  });

  it('agrees with a naive reference search on a small bound (counts and shortest violations)', () => {
    const { system, properties } = createBenchmark({ maxP: 3 });
    const reference = referenceSearch(system, properties);
    const outcome = searchExhaustive(system, properties);
    expect(outcome.stats).toMatchObject({ states: reference.states, transitions: reference.transitions, depth: reference.depth });
    for (const { property, verdict } of outcome.verdicts) {
      const expected = reference.shortest.get(property);
      expect(verdict.kind === 'violated' ? verdict.trace.actions.length : undefined).toBe(expected);
    }
  });

  it('gives the same successors on the fast path as through enabled and step', () => {
    const { system, properties } = createBenchmark({ maxP: 4 });
    const slow = { ...system, forEachSuccessor: undefined };
    const fast = searchExhaustive(system, properties);
    const plain = searchExhaustive(slow, properties);
    expect(plain.stats).toMatchObject({ states: fast.stats.states, transitions: fast.stats.transitions, depth: fast.stats.depth });
    expect(plain.verdicts).toEqual(fast.verdicts.map((v) => ({ ...v, verdict: { ...v.verdict, stats: plain.stats } })));
  });

  it('agrees with live XState actors and a plain-object reading of the spec on seeded random walks', () => {
    const { system } = createBenchmark({ maxP: 5 });
    let seed = 12345;
    const random = (n: number): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    for (let walk = 0; walk < 200; walk++) {
      let state = system.initialStates()[0]!;
      const actions: number[] = [];
      const views = [system.describeState(state)];
      for (let step = 0; step < 40; step++) {
        const enabled = system.enabled(state);
        if (enabled.length === 0) break;
        const action = enabled[random(enabled.length)]!;
        actions.push(action);
        state = system.step(state, action);
        views.push(system.describeState(state));
      }
      expect(system.liveReplay!(system.initialStates()[0]!, actions)).toEqual(views);
    }
  });

  it('starts with every field at its initial value and labels actions as the issue names them', () => {
    const { system } = createBenchmark({ maxP: 2 });
    const [s0] = system.initialStates();
    expect(system.describeState(s0!)).toEqual({
      cred: 'None', waiting: false, nonce: 0, served: 0, requested: [], prov: [], installed: [], dup: false,
    });
    expect(system.enabled(s0!).map(system.actionLabel)).toEqual(['START']);
    const s1 = system.step(s0!, system.enabled(s0!)[0]!);
    expect(system.enabled(s1).map(system.actionLabel)).toEqual(['START', 'SERVE(1)']);
  });

  it('rejects a MAXP that cannot be packed, and bad user configuration as one input error naming the field', () => {
    expect(() => createBenchmark({ maxP: 7 })).toThrow(/31/);
    expect(() => buildSystem('benchmark', { maxp: 5 })).toThrow(InputError);
    expect(() => buildSystem('benchmark', { maxP: 9 })).toThrow(/maxP/);
    expect(buildSystem('benchmark', undefined).system.config).toEqual({ maxP: 5 });
  });
});
