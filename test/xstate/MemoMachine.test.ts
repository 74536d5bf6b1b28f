// Tests of MemoMachine against XState's own transition: same successors, one XState step per distinct
// (local state, event), discovery-independent numbering, emitted events, and refusal of non-data contexts.
import { describe, expect, it } from 'vitest';
import { assign, createMachine, emit, initialTransition, setup, transition } from 'xstate';
import { mcimLifecycleEventTypes, mcimLifecycleMachine } from '../../models/mcimLifecycle.ts';
import { m2meMachine } from '../../models/roles/m2me.ts';
import { MemoMachine, notEnabled, withSharedSteps } from '../../src/xstate/MemoMachine.ts';

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

/** A relay: a targetless transition whose only effect is emit, one guarded by context, and an unhandled event. */
const relay = setup({
  types: {
    context: {} as { open: boolean },
    events: {} as { type: 'PING' } | { type: 'KNOCK' } | { type: 'OPEN' } | { type: 'NOPE' },
  },
}).createMachine({
  id: 'relay',
  context: { open: false },
  initial: 'up',
  states: {
    up: {
      on: {
        PING: { actions: emit({ type: 'PONG' }) },
        KNOCK: { guard: ({ context }) => context.open, actions: emit({ type: 'WELCOME' }) },
        OPEN: { actions: assign({ open: true }) },
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

  it("shares XState's steps among the tables of one machine made during a run, each numbering its states in its own order", async () => {
    let asked = 0;
    const guarded = setup({ types: { events: {} as { type: 'GO' } | { type: 'BACK' } } }).createMachine({
      id: 'guarded',
      context: { n: 0 },
      initial: 'a',
      states: {
        a: { on: { GO: { guard: () => ++asked > 0, target: 'b', actions: assign({ n: ({ context }) => context.n + 1 }) } } },
        b: { on: { BACK: { guard: () => ++asked > 0, target: 'a' } } },
      },
    });
    // Outside a run, every table asks XState itself (a test may switch a mutated check on between two).
    const alone = new MemoMachine(guarded);
    alone.next(alone.initial(), 'GO');
    new MemoMachine(guarded).next(alone.initial(), 'GO');
    expect(asked).toBe(2);
    await withSharedSteps(async () => {
      const first = new MemoMachine(guarded);
      const b = first.next(first.initial(), 'GO');
      first.next(b, 'BACK');
      expect(asked).toBe(4);
      // A second table meets the states in another order (b interned first), and takes XState's steps from the first.
      const second = new MemoMachine(guarded);
      const bThere = second.intern(first.snapshot(b));
      expect(bThere).toBe(1);
      const back = second.next(bThere, 'BACK');
      expect(back).toBe(2);
      expect(second.key(back)).toBe(first.key(first.next(b, 'BACK')));
      expect(second.next(second.initial(), 'GO')).toBe(bThere);
      expect(asked).toBe(4);
      // A step neither table took is XState's to answer; a table that keys events its own way asks XState itself.
      second.next(back, 'GO');
      expect(asked).toBe(5);
      const own = new MemoMachine(guarded, { eventKey: (event) => event.type });
      own.next(own.initial(), 'GO');
      expect(asked).toBe(6);
    });
    // The run's steps end with it.
    new MemoMachine(guarded).next(alone.initial(), 'GO');
    expect(asked).toBe(7);
  });

  it('asks XState once per distinct (local state, event), then answers from its table', () => {
    const memo = new MemoMachine(mcimLifecycleMachine);
    const s0 = memo.initial();
    const activated = memo.next(s0, 'ACTIVATE');
    expect(memo.xstateSteps).toBe(1);
    for (let i = 0; i < 100; i++) expect(memo.next(s0, 'ACTIVATE')).toBe(activated);
    expect(memo.next(s0, 'SELECT')).toBe(notEnabled);
    const millis = memo.xstateMillis;
    expect(millis).toBeGreaterThan(0);
    expect(memo.next(s0, 'SELECT')).toBe(notEnabled);
    expect(memo.xstateSteps).toBe(2);
    // Answers from the table take no time in XState.
    expect(memo.xstateMillis).toBe(millis);
  });

  it('tells `onStep` of each step XState takes for the first time that changes the local state, and of no other', () => {
    const steps: [number, number][] = [];
    const memo = new MemoMachine(mcimLifecycleMachine, { onStep: (from, to) => steps.push([from, to]) });
    const s0 = memo.initial();
    const activated = memo.next(s0, 'ACTIVATE');
    memo.next(s0, 'ACTIVATE');
    memo.next(s0, 'SELECT');
    expect(steps).toEqual([[s0, activated]]);
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

  it('counts a targetless emit-only transition as taken, though XState returns the identical snapshot', () => {
    const [up] = initialTransition(relay);
    const [afterPing, actions] = transition(relay, up, { type: 'PING' });
    const [afterNope, none] = transition(relay, up, { type: 'NOPE' } as never);
    // XState itself cannot tell them apart by the snapshot: both are the very same object.
    expect(afterPing).toBe(up);
    expect(afterNope).toBe(up);
    expect(actions.length).toBe(1);
    expect(none.length).toBe(0);
    const memo = new MemoMachine(relay);
    const s0 = memo.initial();
    expect(memo.next(s0, 'PING')).toBe(s0);
    expect(memo.emitted(s0, 'PING')).toEqual([{ type: 'PONG' }]);
    expect(memo.next(s0, 'NOPE' as never)).toBe(notEnabled);
  });

  it('counts a targetless transition whose guard fails as not enabled, and as taken once it passes', () => {
    const memo = new MemoMachine(relay);
    const closed = memo.initial();
    expect(memo.next(closed, 'KNOCK')).toBe(notEnabled);
    expect(memo.emitted(closed, 'KNOCK')).toEqual([]);
    const open = memo.next(closed, 'OPEN');
    expect(open).not.toBe(closed);
    expect(memo.next(open, 'KNOCK')).toBe(open);
    expect(memo.emitted(open, 'KNOCK')).toEqual([{ type: 'WELCOME' }]);
    // OPEN again changes nothing, but is handled: a taken step back to the same local state.
    expect(memo.next(open, 'OPEN')).toBe(open);
  });

  it('interns a given snapshot (from resolveState) as the state a step reaches, whatever its key order', () => {
    const memo = new MemoMachine(counter);
    const two = memo.next(memo.next(memo.initial(), 'INC'), 'INC');
    const resolved = counter.resolveState({ value: 'counting', context: { n: 2 } });
    expect(memo.intern(resolved)).toBe(two);
    const fresh = new MemoMachine(counter);
    const id = fresh.intern(resolved);
    expect(fresh.next(id, 'INC')).toBe(fresh.intern(counter.resolveState({ value: 'counting', context: { n: 3 } })));
    expect(fresh.next(fresh.next(id, 'INC'), 'INC')).toBe(notEnabled);
  });

  it('gives a resolved snapshot the same id whatever order its context keys were written in', () => {
    const memo = new MemoMachine(m2meMachine, { input: { access: '3gpp' } });
    const a = m2meMachine.resolveState({ value: 'Off', context: { access: '3gpp', servingSho: null, pcid: null } });
    const b = m2meMachine.resolveState({ value: 'Off', context: { pcid: null, servingSho: null, access: '3gpp' } });
    const c = m2meMachine.resolveState({ value: 'Off', context: { access: 'non3gpp-authenticated', servingSho: null, pcid: null } });
    expect(memo.intern(a)).toBe(memo.initial());
    expect(memo.intern(b)).toBe(memo.initial());
    expect(memo.intern(c)).not.toBe(memo.initial());
  });

  it('takes a caller-given event key instead of keying the event again', () => {
    const memo = new MemoMachine(counter);
    const add2 = memo.eventIndex({ type: 'ADD', by: 2 }, 'add-two');
    expect(memo.eventIndex({ type: 'ADD', by: 2 }, 'add-two')).toBe(add2);
    expect(memo.step(memo.initial(), add2)).toBe(memo.next(memo.next(memo.initial(), 'INC'), 'INC'));
  });

  it('refuses a snapshot of another machine', () => {
    const memo = new MemoMachine(counter);
    expect(() => memo.intern(initialTransition(relay)[0] as never)).toThrow(/snapshot of another machine/);
  });

  it('keeps the status in the key: an error snapshot with the same value and context is another state', () => {
    const memo = new MemoMachine(counter);
    const s0 = memo.initial();
    // An unhandled error event puts the machine in status 'error' without changing value or context.
    const failed = memo.next(s0, { type: 'xstate.error.actor.child', error: 'boom' } as never);
    expect(failed).not.toBe(s0);
    expect(memo.snapshot(failed).status).toBe('error');
    expect(memo.snapshot(failed).value).toEqual(memo.snapshot(s0).value);
    expect(memo.snapshot(failed).context).toEqual(memo.snapshot(s0).context);
    expect(memo.key(failed)).not.toBe(memo.key(s0));
    expect(() => new MemoMachine(counter).idOfKey(memo.key(failed))).toThrow(/cannot rebuild a "error" snapshot/);
  });

  it('names local states by key alike in every instance, whatever order discovered them, and rebuilds unseen ones', () => {
    const a = new MemoMachine(mcimLifecycleMachine);
    const b = new MemoMachine(mcimLifecycleMachine);
    const aBlocked = a.next(a.next(a.initial(), 'ACTIVATE'), 'BLOCK');
    const bBlocked = b.next(b.initial(), 'BLOCK');
    b.next(b.initial(), 'ACTIVATE');
    // Discovery order differs, so ids differ (what broke cross-thread search); keys do not.
    expect(aBlocked).not.toBe(bBlocked);
    expect(a.key(aBlocked)).toBe(b.key(bBlocked));
    expect(b.idOfKey(a.key(aBlocked))).toBe(bBlocked);
    const c = new MemoMachine(mcimLifecycleMachine);
    const rebuilt = c.idOfKey(a.key(aBlocked));
    expect(c.snapshot(rebuilt).value).toBe('Blocked');
    expect(c.key(c.next(rebuilt, 'UNBLOCK'))).toBe(a.key(a.next(aBlocked, 'UNBLOCK')));
  });
});

describe('MemoMachine and history states', () => {
  it('refuses a machine with a history state, whose memory its snapshot keys would not capture', () => {
    const machine = createMachine({
      id: 'withHistory',
      initial: 'a',
      states: { a: { initial: 'x', states: { x: {}, y: {}, back: { type: 'history' } } }, b: {} },
    });
    expect(() => new MemoMachine(machine)).toThrow(/MemoMachine: machine "withHistory" has history state\(s\) withHistory\.a\.back/);
  });
});
