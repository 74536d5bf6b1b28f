// Steps left out by the action that reached a state (System.leavesOut): on a toy system of processes stepping by
// key, with and without cycles and under a depth bound, the search finds every state at its depth, with the same
// verdicts and trace lengths as taking every step; a rule without the order of actions loses states.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import type { System } from '../../../src/engine/System.ts';
import { notZeroAtStartWithXSix, processes, processProperties, xInRange, xNeverFive, type ProcessAction, type Processes } from './porToySystems.ts';
import { searchSummary as summary } from './searchSummary.ts';

const length = 4;
const modulus = 7;

/** The processes of porToySystems (no ample sets), stepping by key: LOCAL steps commute with every step of another
 *  process, two WRITEs do not (x depends on their order), and each process has one next step, which no other
 *  process changes; so a step of process i that a state reached by a step of process j > i has enabled was
 *  enabled before it too. */
function keyed(config: { readonly loop?: boolean; readonly leavesOut?: (via: ProcessAction, action: ProcessAction) => boolean } = {}): System<Processes, ProcessAction> {
  const base = processes({ loop: config.loop ?? false, ample: false });
  const n = base.initialStates()[0]!.pcs.length;
  const leavesOut = config.leavesOut ?? ((via, action) => action.process < via.process && !(action.kind === 'WRITE' && via.kind === 'WRITE'));
  const stateOfKey = (key: number): Processes => {
    const pcs: number[] = [];
    let rest = Math.floor(key / modulus);
    for (let i = n - 1; i >= 0; i--) {
      pcs[i] = rest % (length + 1);
      rest = Math.floor(rest / (length + 1));
    }
    return { pcs, x: key % modulus };
  };
  return {
    ...base,
    compactKeys: true,
    stateOfKey,
    leavesOut,
    forEachSuccessorKey: (state, visit, via) => {
      for (const action of base.enabled(state)) visit(action, via !== undefined && leavesOut(via, action) ? -1 : (base.key(base.step(state, action)) as number));
    },
  };
}

/** Invariants, one violated: a trace property watches every step, and then none is left out (last test). */
const invariants = [xNeverFive, xInRange, notZeroAtStartWithXSix];

describe('steps left out by the action that reached a state', () => {
  it.each([false, true])('find every state at its depth, with the same verdicts and trace lengths (loop: %s)', (loop) => {
    const on = searchExhaustive(keyed({ loop }), invariants);
    const off = searchExhaustive(keyed({ loop }), invariants, { reduction: false });
    expect(summary(on)).toEqual(summary(off));
    expect(on.stats.leftOut).toBeGreaterThan(0);
    expect(on.stats.transitions + on.stats.leftOut!).toBe(off.stats.transitions);
    expect(off.stats.leftOut).toBeUndefined();
  });

  it('find every state of a depth-bounded search', () => {
    const on = searchExhaustive(keyed(), invariants, { maxDepth: 7 });
    const off = searchExhaustive(keyed(), invariants, { maxDepth: 7, reduction: false });
    expect(summary(on)).toEqual(summary(off));
    expect(on.stats.leftOut).toBeGreaterThan(0);
  });

  it('take every step when a trace property watches them', () => {
    const outcome = searchExhaustive(keyed(), processProperties);
    expect(outcome.stats.leftOut).toBeUndefined();
    expect(summary(outcome)).toEqual(summary(searchExhaustive(keyed(), processProperties, { reduction: false })));
  });

  it('lose states when the rule leaves out steps in both orders', () => {
    const unordered = searchExhaustive(keyed({ leavesOut: (via, action) => action.process !== via.process && action.kind === 'LOCAL' && via.kind === 'LOCAL' }), []);
    expect(unordered.stats.states).toBeLessThan(searchExhaustive(keyed(), []).stats.states);
  });

  it('refuse key -1 from a system that leaves out nothing', () => {
    const system = keyed();
    const { leavesOut: _, ...without } = system;
    expect(() => searchExhaustive({ ...without, forEachSuccessorKey: (s, visit) => system.forEachSuccessorKey!(s, (a) => visit(a, -1)) }, [])).toThrow(/key -1 is not/);
  });
});
