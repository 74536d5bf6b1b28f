// Test helper: re-executes a trace's action labels on the system and checks every recorded state.
import { expect } from 'vitest';
import type { System } from '../../../src/engine/System.ts';
import type { Trace } from '../../../src/engine/Trace.ts';

/** Steps the labels from the trace's initial state; each recorded state must be the one reached. Returns the last state. */
export function rederive<S, A>(system: System<S, A>, trace: Trace): S {
  let state: S = system.initialStates()[trace.initial]!;
  expect(system.describeState(state)).toEqual(trace.states[0]);
  trace.actions.forEach((label, i) => {
    const action = system.enabled(state).find((a) => system.actionLabel(a) === label);
    expect(action, `step ${i + 1}: ${label} must be enabled`).toBeDefined();
    state = system.step(state, action!);
    expect(system.describeState(state)).toEqual(trace.states[i + 1]);
  });
  expect(trace.states).toHaveLength(trace.actions.length + 1);
  return state;
}
