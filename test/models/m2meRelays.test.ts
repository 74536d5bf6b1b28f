// The host relays the kinds of `relayedInEveryState` from the network to its TRE in every state node, alike and
// without changing state: what relay at receipt (models/world/relayAtReceipt.ts) moves an injection by.
import { describe, expect, it } from 'vitest';
import { name, tuple, type Term } from '../../src/attacker/Term.ts';
import { MemoMachine, notEnabled } from '../../src/xstate/MemoMachine.ts';
import { userAuthTerm } from '../../models/messages.ts';
import { m2meMachine, relayedInEveryState, relayedOnceConnected, type M2meContext } from '../../models/roles/m2me.ts';
import { handlersOf } from '../../src/xstate/handlersOf.ts';

const stateNodes = ['Off', 'Booting', 'Attaching', 'Connected', 'Operational'] as const;
const contexts: M2meContext[] = [
  { access: '3gpp', servingSho: null, pcid: null },
  { access: 'non3gpp-authenticated', servingSho: 'sho1', pcid: name('pcid:dev1') },
];
const guess = name('pin:guess:1');
/** One message of each kind, from a network peer (the host reads none of their fields but userAuth's PIN). */
const messages: Readonly<Record<string, { readonly from: string; readonly msg: Term; readonly relayed: Term }>> = {
  lifecycleCommand: { from: 'sho1', msg: tuple(name('lifecycle'), name('BLOCK')), relayed: tuple(name('lifecycle'), name('BLOCK')) },
  treUpdate: { from: 'supplier', msg: tuple(name('update'), name('fw:v2')), relayed: tuple(name('update'), name('fw:v2')) },
  mcimUpdate: { from: 'ro', msg: tuple(name('mcimUpdate'), name('x')), relayed: tuple(name('mcimUpdate'), name('x')) },
  dmServerAuth: { from: 'ro', msg: tuple(name('dmServer'), name('y')), relayed: tuple(name('dmServer'), name('y')) },
  userAuth: { from: 'ro', msg: userAuthTerm(guess, 'local'), relayed: userAuthTerm(guess, 'remote') },
};

describe('the host\'s relays in every state', () => {
  const memo = new MemoMachine(m2meMachine);
  const states = stateNodes.flatMap((value) => contexts.map((context) => memo.intern(m2meMachine.resolveState({ value, context }))));

  it.each(relayedInEveryState.map((k) => [k]))('%s: relayed alike to the TRE in every state node, the state kept', (kind) => {
    const { from, msg, relayed } = messages[kind]!;
    const event = { type: kind, msg, from } as never;
    for (const id of states) {
      expect(memo.next(id, event)).toBe(id);
      expect(memo.emitted(id, event)).toEqual([{ type: 'send', to: 'tre', kind, term: relayed }]);
    }
  });

  it.each(relayedOnceConnected.map((k) => [k]))('%s: relayed to the TRE unchanged by one definition, the state kept, in the nodes that take it, which the host leaves only by a reset', (kind) => {
    const event = { type: kind, msg: tuple(name(kind), name('x')), from: 'ro' } as never;
    const relaying = states.filter((id) => memo.next(id, event) !== notEnabled);
    expect(relaying.length).toBeGreaterThan(0);
    expect(relaying.length).toBeLessThan(states.length);
    for (const id of relaying) {
      expect(memo.next(id, event)).toBe(id);
      expect(memo.emitted(id, event)).toEqual([{ type: 'send', to: 'tre', kind, term: tuple(name(kind), name('x')) }]);
    }
    // One definition in all of them (`fromNet`, `toTre`: the message alone), which the world's check compares.
    const handlers = new Set(relaying.map((id) => handlersOf(m2meMachine, memo.snapshot(id), kind)));
    expect([...handlers]).toEqual(['"fromNet">"toTre">>false']);
    // The nodes that relay it are Connected and Operational, or Operational, and only `resetDone` leaves them for one
    // that does not (Booting): the world checks every step against this (models/world/relayAtReceipt.ts).
    const nodes = new Set<string>(relaying.map((id) => String(memo.snapshot(id).value)));
    expect([...nodes].every((v) => v === 'Connected' || v === 'Operational')).toBe(true);
    const root = m2meMachine.root as unknown as { states: Record<string, { transitions: Map<string, { target?: { key: string }[] }[]> }> };
    const exits = [...nodes].flatMap((v) => [...root.states[v]!.transitions].filter(([, ds]) => ds.some((d) => d.target?.some((t) => !nodes.has(t.key)))).map(([type]) => `${v}:${type}`));
    expect(exits).toEqual(['Operational:resetDone']);
  });

  it('relays a kind it takes only in some states in those states alone (so it is not listed)', () => {
    const event = { type: 'mcimDownload', msg: tuple(name('M2MSIMMobj')), from: 'ro' } as never;
    const relaying = states.filter((id) => memo.next(id, event) !== notEnabled);
    expect(relaying.length).toBeGreaterThan(0);
    expect(relaying.length).toBeLessThan(states.length);
    expect(relayedInEveryState).not.toContain('mcimDownload');
  });
});
