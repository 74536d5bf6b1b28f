// The MCIM lifecycle of models/mcimLifecycle.ts as a lookup table, so the TRE registry applies exactly
// the transitions 5.1.1.1 allows to each of its MCIMs without running one actor per MCIM.
import { transition } from 'xstate';
import {
  mcimLifecycleEventTypes,
  mcimLifecycleMachine,
  mcimLifecycleStates,
  type McimLifecycleEvent,
  type McimLifecycleState,
} from './mcimLifecycle.ts';

type EventType = McimLifecycleEvent['type'];

const table = new Map<string, McimLifecycleState>();
for (const state of mcimLifecycleStates) {
  const snapshot = mcimLifecycleMachine.resolveState({ value: state, context: undefined });
  for (const type of mcimLifecycleEventTypes) {
    const [next] = transition(mcimLifecycleMachine, snapshot, { type });
    // An event the machine does not take returns the identical snapshot (MEASURED.md): not allowed.
    if (next !== snapshot) table.set(`${state}/${type}`, next.value as McimLifecycleState);
  }
}

/** The lifecycle state after `event`, or undefined when 5.1.1.1 does not allow it from `state`. */
export function nextLifecycleState(state: McimLifecycleState, event: EventType): McimLifecycleState | undefined {
  return table.get(`${state}/${event}`);
}

export function isLifecycleEvent(x: string): x is EventType {
  return (mcimLifecycleEventTypes as readonly string[]).includes(x);
}
