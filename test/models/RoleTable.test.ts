// RoleTable: snapshots interned by (value, context) whatever the key order; relays count as steps; memoised.
import { describe, expect, it } from 'vitest';
import { initialTransition } from 'xstate';
import { name } from '../../src/attacker/Term.ts';
import { vnoMachine } from '../../models/roles/vno.ts';
import { m2meMachine } from '../../models/roles/m2me.ts';
import { RoleTable } from '../../models/world/RoleTable.ts';

describe('RoleTable', () => {
  it('gives equal ids to equal (value, context) written in another key order', () => {
    const table = new RoleTable(m2meMachine);
    const a = m2meMachine.resolveState({ value: 'Off', context: { access: '3gpp', servingSho: null } });
    const b = m2meMachine.resolveState({ value: 'Off', context: { servingSho: null, access: '3gpp' } });
    expect(table.intern(a)).toBe(table.intern(b));
    const c = m2meMachine.resolveState({ value: 'Off', context: { access: 'non3gpp-authenticated', servingSho: null } });
    expect(table.intern(c)).not.toBe(table.intern(a));
  });

  it('counts a targetless relay as a step (same state, one message sent) and an unhandled event as none', () => {
    const table = new RoleTable(m2meMachine);
    const attaching = table.intern(m2meMachine.resolveState({ value: 'Attaching', context: { access: '3gpp', servingSho: null } }));
    const relay = table.step(attaching, { type: 'authChallenge', msg: name('c'), from: 'vno' } as never, 'k1');
    expect(relay?.next).toBe(attaching);
    expect(relay?.sends.map((s) => [s.to, s.kind])).toEqual([['tre', 'authChallenge']]);
    expect(table.step(attaching, { type: 'bootstrap', msg: name('b'), from: 'ro' } as never, 'k2')).toBeNull();
  });

  it('asks XState once per (snapshot, event key)', () => {
    const table = new RoleTable(vnoMachine);
    const idle = table.intern(initialTransition(vnoMachine)[0]);
    const ev = { type: 'attachRequest', msg: { kind: 'tuple', items: [name('attach'), name('pcid:m2me')] }, from: 'm2me' } as never;
    const first = table.step(idle, ev, 'e');
    expect(table.step(idle, ev, 'e')).toBe(first);
    expect(first?.sends[0]?.kind).toBe('avRequest');
  });
});
