// MCIM lifecycle, TR 33.812 (004) 5.1.1.1 "Lifecycle of MCIMs": one machine per MCIM instance.
import { setup } from 'xstate';

export type McimLifecycleEvent =
  | { type: 'ACTIVATE' }
  | { type: 'SELECT' }
  | { type: 'END_SESSION' }
  | { type: 'BLOCK' }
  | { type: 'UNBLOCK' }
  | { type: 'RETIRE' }
  | { type: 'DELETE' };

export const mcimLifecycleEventTypes = [
  'ACTIVATE',
  'SELECT',
  'END_SESSION',
  'BLOCK',
  'UNBLOCK',
  'RETIRE',
  'DELETE',
] as const satisfies readonly McimLifecycleEvent['type'][];

export const mcimLifecycleStates = ['Installed', 'Activated', 'Selected', 'Blocked', 'Retired', 'Deleted'] as const;
export type McimLifecycleState = (typeof mcimLifecycleStates)[number];

export const mcimLifecycleMachine = setup({
  types: { events: {} as McimLifecycleEvent },
}).createMachine({
  id: 'mcimLifecycle',
  // 5.1.1.1 "Installed: an instance of a MCIM has been created and has an entry in the M2ME's registry"
  initial: 'Installed',
  states: {
    Installed: {
      on: {
        // 5.1.1.1 "Activated: an instance of the MCIM is authorised for operational use"
        ACTIVATE: 'Activated',
        // 5.1.2.3 integrity anomaly at boot places the MCIM in "blocked" [t6 cm5, t8 cm8]
        BLOCK: 'Blocked',
        // 5.1.1.1 "Deletion may be applied to a MCIM that is in any of the above lifecycle states except for the Selected state"
        DELETE: 'Deleted',
      },
    },
    Activated: {
      on: {
        // 5.1.1.1 "Only an activated MCIM can be selected"
        SELECT: 'Selected',
        // 5.1.1.1 "Blocked: ... temporarily de-activated"
        BLOCK: 'Blocked',
        // 5.1.1.1 "Retired: ... permanently unavailable for use, but is still instantiated"
        RETIRE: 'Retired',
        DELETE: 'Deleted',
      },
    },
    Selected: {
      on: {
        // 5.1.1.1 "When the session ends, the MCIM reverts to the Activated state"
        END_SESSION: 'Activated',
      },
    },
    Blocked: {
      on: {
        // 5.1.1.1 "Unblocking of a MCIM causes it to be restored to the Activated state"
        UNBLOCK: 'Activated',
        RETIRE: 'Retired',
        DELETE: 'Deleted',
      },
    },
    Retired: {
      on: { DELETE: 'Deleted' },
    },
    // 5.1.1.1 "Deleted: a MCIM is permanently removed from the M2ME's memory"
    Deleted: { type: 'final' },
  },
});
