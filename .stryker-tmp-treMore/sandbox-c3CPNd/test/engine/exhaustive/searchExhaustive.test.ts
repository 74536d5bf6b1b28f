// Tests of the one-thread exhaustive search: exact counts against a reference search, shortest traces that
// re-derive, fingerprints, and limits (depth, states, time) that never turn into a complete proof.
import { getHeapStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { propertyId } from '../../../src/engine/Property.ts';
import type { Verdict } from '../../../src/engine/Verdict.ts';
import { referenceSearch } from './referenceSearch.ts';
import { rederive } from './rederive.ts';
import { bigJugNeverHoldsFour, grid, jugs, jugsNeverOverflow, noEarlyReset, resetGoesHome } from './toySystems.ts';

const verdictOf = (outcome: { verdicts: readonly { property: string; verdict: Verdict }[] }, id: string): Verdict => {
  const found = outcome.verdicts.find((v) => v.property === id);
  if (found === undefined) throw new Error(`no verdict for ${id}`);
  return found.verdict;
};

describe('searchExhaustive on the Die Hard jugs', () => {
  const properties = [bigJugNeverHoldsFour, jugsNeverOverflow];

  it('explores exactly the states and transitions the reference search finds', () => {
    const system = jugs();
    const reference = referenceSearch(system, properties);
    const outcome = searchExhaustive(system, properties);
    expect(outcome.stats.states).toBe(reference.states);
    expect(outcome.stats.transitions).toBe(reference.transitions);
    expect(outcome.stats.depth).toBe(reference.depth);
  });

  it('finds the 4-gallon state with a shortest trace of 6 steps that re-derives by stepping', () => {
    const system = jugs();
    const verdict = verdictOf(searchExhaustive(system, properties), bigJugNeverHoldsFour.id);
    expect(verdict.kind).toBe('violated');
    if (verdict.kind !== 'violated') return;
    expect(verdict.trace.actions).toHaveLength(6);
    expect(referenceSearch(system, properties).shortest.get(bigJugNeverHoldsFour.id)).toBe(6);
    const last = rederive(system, verdict.trace);
    expect(last.big).toBe(4);
    expect(verdict.trace).toMatchObject({ system: 'jugs', property: bigJugNeverHoldsFour.id, method: 'exhaustive', initial: 0 });
  });

  it('keeps checking the other properties after one is violated, and says the search was complete', () => {
    const verdict = verdictOf(searchExhaustive(jugs(), properties), jugsNeverOverflow.id);
    expect(verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    if (verdict.kind === 'holds-exhaustively') expect(verdict.depthBound).toBe(verdict.stats.depth);
  });

  it('stores numeric keys exactly and string keys as 63-bit hashes with an omission bound', () => {
    const exact = searchExhaustive(jugs(), properties);
    const hashed = searchExhaustive(jugs({ stringKeys: true }), properties);
    expect(exact.fingerprints).toEqual({ exact: exact.stats.states, hashed: 0, omissionBound: 0 });
    expect(hashed.stats).toMatchObject({ states: exact.stats.states, transitions: exact.stats.transitions });
    expect(hashed.fingerprints.hashed).toBe(hashed.stats.states);
    const n = hashed.stats.states;
    expect(hashed.fingerprints.omissionBound).toBeCloseTo((n * (n - 1)) / 2 / 2 ** 63, 30);
    expect(hashed.fingerprints.omissionBound).toBeGreaterThan(0);
  });

  it('stops at the first violation when asked, leaving the rest inconclusive', () => {
    const outcome = searchExhaustive(jugs(), properties, { stopAtFirst: true });
    expect(verdictOf(outcome, bigJugNeverHoldsFour.id).kind).toBe('violated');
    expect(verdictOf(outcome, jugsNeverOverflow.id)).toMatchObject({ kind: 'inconclusive', limit: 'stop-at-first' });
  });
});

describe('limits never turn into a complete proof', () => {
  const n = 60;
  const properties = [resetGoesHome];

  it('a depth bound gives holds up to that bound only, over exactly the states within it', () => {
    const system = grid(n);
    const outcome = searchExhaustive(system, properties, { maxDepth: 5 });
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'holds-exhaustively', depthBound: 5, complete: false });
    const reference = referenceSearch(system, properties, 5);
    expect(outcome.stats).toMatchObject({ states: reference.states, transitions: reference.transitions, depth: 5 });
  });

  it('a depth bound beyond the deepest state gives a complete verdict', () => {
    const outcome = searchExhaustive(grid(3), properties, { maxDepth: 100 });
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'holds-exhaustively', complete: true, depthBound: 6 });
  });

  it('a states limit gives inconclusive, never holds', () => {
    const outcome = searchExhaustive(grid(n), properties, { maxStates: 500 });
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'inconclusive', limit: 'states' });
    expect(outcome.stats.states).toBe(500);
  });

  it('a states limit equal to the whole space still completes', () => {
    const states = (n + 1) * (n + 1);
    const outcome = searchExhaustive(grid(n), properties, { maxStates: states });
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    expect(outcome.stats.states).toBe(states);
  });

  it('a memory budget gives inconclusive with what was explored, never holds and never an abort', () => {
    const outcome = searchExhaustive(grid(n), properties, { memoryBudgetBytes: 1 });
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
    expect(outcome.stats.states).toBeGreaterThan(0);
    expect(outcome.stats.states).toBeLessThan((n + 1) * (n + 1));
  });

  it('the memory budget counts the typed arrays outside the heap (the stores of a search)', () => {
    // 64 MiB held outside V8's heap, a budget 32 MiB above the heap in use now: only the memory outside the heap
    // can pass it in a search of a few thousand states.
    const held = new Uint8Array(64 << 20).fill(1);
    const budget = getHeapStatistics().used_heap_size + (32 << 20);
    const outcome = searchExhaustive(grid(60), properties, { memoryBudgetBytes: budget });
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
    expect(held[held.length - 1]).toBe(1);
  });

  it('a time limit gives inconclusive, never holds', () => {
    const outcome = searchExhaustive(grid(n), properties, { timeLimitMs: 0 });
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'inconclusive', limit: 'time' });
    expect(outcome.stats.states).toBeLessThan((n + 1) * (n + 1));
  });

  it('rejects a negative bound with a message naming it', () => {
    expect(() => searchExhaustive(grid(2), properties, { maxDepth: -1 })).toThrow(/maxDepth/);
  });
});

describe('trace properties through their monitors', () => {
  const n = 12;
  const properties = [noEarlyReset(n), resetGoesHome];

  it('explores the product with the monitors exactly as the reference does', () => {
    const system = grid(n);
    const reference = referenceSearch(system, properties);
    const outcome = searchExhaustive(system, properties);
    expect(outcome.stats).toMatchObject({ states: reference.states, transitions: reference.transitions, depth: reference.depth });
    // The monitor tuples multiply the space: more states than the grid alone.
    expect(outcome.stats.states).toBeGreaterThan((n + 1) * (n + 1));
  });

  it('reports the shortest violating trace, ending with the violating step, and keeps proving the other', () => {
    const system = grid(n);
    const outcome = searchExhaustive(system, properties);
    const early = verdictOf(outcome, noEarlyReset(n).id);
    expect(early.kind).toBe('violated');
    if (early.kind !== 'violated') return;
    expect(early.trace.actions).toEqual(['X', 'RESET']);
    rederive(system, early.trace);
    expect(verdictOf(outcome, resetGoesHome.id)).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('hashes the monitor tuple when it is too large to pack, and still explores the same product', () => {
    const system = grid(6);
    // Ten monitors do not fit the 9 bits kept beside a packed key: fingerprints fall back to hashing.
    const many = Array.from({ length: 10 }, (_, i) => ({ ...resetGoesHome, id: propertyId(`toy.resetGoesHome${i}`) }));
    const properties = [noEarlyReset(6), ...many];
    const reference = referenceSearch(system, properties);
    const outcome = searchExhaustive(system, properties);
    expect(outcome.stats).toMatchObject({ states: reference.states, transitions: reference.transitions });
    expect(outcome.fingerprints.hashed).toBe(outcome.stats.states);
    expect(outcome.verdicts.filter((v) => v.verdict.kind === 'violated').map((v) => v.property)).toEqual([noEarlyReset(6).id]);
  });
});

describe('searchExhaustive on a system with compact keys', () => {
  const jugsAreNotHere = { kind: 'invariant' as const, id: propertyId('toy.notCorner'), description: 'never at (3, 4)', holds: (s: number) => s !== 3 * 21 + 4 };
  const compact = { ...grid(20), compactKeys: true };

  it('explores exactly what the same system explores without them, keeping a bitset of keys', () => {
    const plain = searchExhaustive(grid(20), []);
    const outcome = searchExhaustive(compact, []);
    expect(outcome.stats).toMatchObject({ states: plain.stats.states, transitions: plain.stats.transitions, depth: plain.stats.depth, hashed: 0 });
    // One bit per key (441 keys): far below the hash table's 4 bytes a slot.
    expect(outcome.memory.visitedBytes).toBeLessThan(plain.memory.visitedBytes / 8);
  });

  it('steps by key when the system can, building only the states it has not seen', () => {
    let built = 0;
    const system = grid(20);
    const byKey = {
      ...compact,
      forEachSuccessorKey: (s: number, visit: (action: 'X' | 'Y' | 'RESET', key: number) => void) => system.enabled(s).forEach((a) => visit(a, system.step(s, a))),
      stateOfKey: (key: number) => (built++, key),
    };
    const plain = searchExhaustive(system, [jugsAreNotHere]);
    const outcome = searchExhaustive(byKey, [jugsAreNotHere]);
    expect(outcome.stats).toMatchObject({ states: plain.stats.states, transitions: plain.stats.transitions, depth: plain.stats.depth });
    // One state built per state found (the initial one comes from initialStates), not one per transition.
    expect(built).toBe(plain.stats.states - 1);
    const [found, expected] = [verdictOf(outcome, 'toy.notCorner'), verdictOf(plain, 'toy.notCorner')];
    expect(found.kind === 'violated' && found.trace.actions).toEqual(expected.kind === 'violated' && expected.trace.actions);
  });

  it('keeps fingerprints when trace monitors are part of the state, and finds the same product', () => {
    const plain = searchExhaustive(grid(6), [noEarlyReset(6)]);
    const outcome = searchExhaustive({ ...grid(6), compactKeys: true }, [noEarlyReset(6)]);
    expect(outcome.stats.states).toBe(plain.stats.states);
    const [found, expected] = [verdictOf(outcome, 'toy.noEarlyReset'), verdictOf(plain, 'toy.noEarlyReset')];
    expect(found.kind === 'violated' && found.trace.actions).toEqual(expected.kind === 'violated' && expected.trace.actions);
  });

  it('refuses a key that is not a 31-bit integer rather than search unsoundly', () => {
    expect(() => searchExhaustive({ ...jugs({ stringKeys: true }), compactKeys: true }, [])).toThrow(/compactKeys is set but key 0\/0/);
    for (const bad of [2 ** 31, -1, 1.5, Number.NaN]) {
      expect(() => searchExhaustive({ ...jugs(), compactKeys: true, key: () => bad }, [])).toThrow(`compactKeys is set but key ${bad} is not`);
    }
  });
});
