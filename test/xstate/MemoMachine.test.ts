import { describe, expect, it } from 'vitest';
import { assign, emit, setup, transition } from 'xstate';
import { mcimLifecycleEventTypes, mcimLifecycleMachine } from '../../models/mcimLifecycle.ts';
import { MemoMachine, notEnabled } from '../../src/xstate/MemoMachine.ts';

/** A machine with context and an emitted event, to check interning by value + context. */
const counter = setup({
  types: { events: {} as { type: 'INC' } | { type: 'ADD'; by: number } | { type: 'RESET' } },
}).createMachine({
  id: 'counter',
  context: { n: 0 },
  initial: 'counting',
  states: {
    counting: {
      on: {
        INC: { guard: ({ context }) => context.n < 3, actions: assign({ n: ({ context }) => context.n + 1 }) },
        ADD: { guard: ({ context, event }) => context.n + event.by <= 3, actions: assign({ n: ({ context, event }) => context.n + event.by }) },
        RESET: { target: 'counting', actions: [assign({ n: 0 }), emit({ type: 'WAS_RESET' })] },
      },
    },
  },
});

describe('MemoMachine', () => {
  it('agrees with XState transition on every (local state, event) of the MCIM lifecycle', () => {
    const memo = new MemoMachine(mcimLifecycleMachine);
    const states = memo.exploreAll(mcimLifecycleEventTypes);
    expect(states).toBe(6);
    for (let id = 0; id < states; id++) {
      for (const type of mcimLifecycleEventTypes) {
        const from = memo.snapshot(id);
        const [to] = transition(mcimLifecycleMachine, from, { type });
        const next = memo.next(id, type);
        if (to === from) expect(next).toBe(notEnabled);
        else expect(memo.snapshot(next).value).toEqual(to.value);
      }
    }
    expect(memo.snapshot(memo.initial()).value).toBe('Installed');
  });

  it('asks XState once per distinct (local state, event), then answers from its table', () => {
    const memo = new MemoMachine(mcimLifecycleMachine);
    const s0 = memo.initial();
    const activated = memo.next(s0, 'ACTIVATE');
    expect(memo.xstateSteps).toBe(1);
    for (let i = 0; i < 100; i++) expect(memo.next(s0, 'ACTIVATE')).toBe(activated);
    expect(memo.next(s0, 'SELECT')).toBe(notEnabled);
    expect(memo.next(s0, 'SELECT')).toBe(notEnabled);
    expect(memo.xstateSteps).toBe(2);
  });

  it('numbers local states the same way after exploreAll, whatever was stepped before', () => {
    const a = new MemoMachine(mcimLifecycleMachine);
    a.exploreAll(mcimLifecycleEventTypes);
    const b = new MemoMachine(mcimLifecycleMachine);
    b.exploreAll(mcimLifecycleEventTypes);
    const c = new MemoMachine(mcimLifecycleMachine);
    c.next(c.next(c.initial(), 'DELETE'), 'ACTIVATE');
    c.exploreAll(mcimLifecycleEventTypes);
    for (let id = 0; id < a.size; id++) expect(b.snapshot(id).value).toBe(a.snapshot(id).value);
    // c saw Deleted first, so its numbering differs: exploreAll fixes ids only for fresh tables.
    expect(c.snapshot(1).value).toBe('Deleted');
  });

  it('interns by value and context, keys events with parameters, and records emitted events', () => {
    const memo = new MemoMachine(counter);
    const s0 = memo.initial();
    const one = memo.next(s0, 'INC');
    const two = memo.next(one, 'INC');
    expect(memo.next(s0, { type: 'ADD', by: 2 })).toBe(two);
    expect(memo.next(two, { type: 'ADD', by: 2 })).toBe(notEnabled);
    expect(memo.snapshot(two).context).toEqual({ n: 2 });
    expect(memo.next(two, 'RESET')).toBe(s0);
    expect(memo.emitted(two, 'RESET')).toEqual([{ type: 'WAS_RESET' }]);
    expect(memo.emitted(s0, 'INC')).toEqual([]);
    expect(memo.size).toBe(3);
  });

  it('refuses a context that is not plain data, rather than merging distinct states', () => {
    const withMap = setup({}).createMachine({ id: 'withMap', context: { seen: new Map([[1, 2]]) }, initial: 'a', states: { a: {} } });
    expect(() => new MemoMachine(withMap)).toThrow(/Map object is not plain data/);
  });
});
