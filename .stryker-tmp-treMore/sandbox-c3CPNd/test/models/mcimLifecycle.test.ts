// 5.1.1.1 MCIM lifecycle: every transition the text allows works, every other one is rejected.
import { describe, expect, it } from 'vitest';
import { transition } from 'xstate';
import {
  mcimLifecycleEventTypes, mcimLifecycleMachine, mcimLifecycleStates, type McimLifecycleState,
} from '../../models/mcimLifecycle.ts';
import { nextLifecycleState } from '../../models/mcimLifecycleTable.ts';

/** Written from the text of 004 5.1.1.1, independently of the machine. */
const allowed: Record<string, McimLifecycleState> = {
  'Installed/ACTIVATE': 'Activated', // "an instance of the MCIM is authorised for operational use"
  'Installed/BLOCK': 'Blocked', // 5.1.2.3 integrity anomaly at boot
  'Installed/DELETE': 'Deleted', // "Deletion may be applied ... in any of the above lifecycle states except ... Selected"
  'Activated/SELECT': 'Selected', // "Only an activated MCIM can be selected"
  'Activated/BLOCK': 'Blocked', // "temporarily de-activated"
  'Activated/RETIRE': 'Retired',
  'Activated/DELETE': 'Deleted',
  'Selected/END_SESSION': 'Activated', // "When the session ends, the MCIM reverts to the Activated state"
  'Blocked/UNBLOCK': 'Activated', // "Unblocking ... restored to the Activated state"
  'Blocked/RETIRE': 'Retired',
  'Blocked/DELETE': 'Deleted',
  'Retired/DELETE': 'Deleted',
};

describe('MCIM lifecycle (5.1.1.1)', () => {
  for (const state of mcimLifecycleStates) {
    for (const type of mcimLifecycleEventTypes) {
      const key = `${state}/${type}`;
      const expected = allowed[key];
      it(`${expected === undefined ? 'rejects' : 'allows'} ${type} in ${state}${expected ? ` -> ${expected}` : ''}`, () => {
        const before = mcimLifecycleMachine.resolveState({ value: state, context: undefined });
        const [after] = transition(mcimLifecycleMachine, before, { type });
        if (expected === undefined) {
          expect(after).toBe(before);
          expect(nextLifecycleState(state, type)).toBeUndefined();
        } else {
          expect(after.value).toBe(expected);
          expect(nextLifecycleState(state, type)).toBe(expected);
        }
      });
    }
  }

  it('rejects deleting a Selected MCIM and selecting a Blocked one', () => {
    expect(nextLifecycleState('Selected', 'DELETE')).toBeUndefined();
    expect(nextLifecycleState('Blocked', 'SELECT')).toBeUndefined();
    expect(nextLifecycleState('Installed', 'SELECT')).toBeUndefined();
    expect(nextLifecycleState('Retired', 'UNBLOCK')).toBeUndefined();
  });

  it('makes Deleted final', () => {
    const deleted = mcimLifecycleMachine.resolveState({ value: 'Deleted', context: undefined });
    expect(deleted.status).toBe('done');
  });
});
