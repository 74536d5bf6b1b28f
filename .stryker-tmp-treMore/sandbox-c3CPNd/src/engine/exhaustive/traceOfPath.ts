// Re-executes a path of action indices on the system to produce a Trace (labels and states), and
// confirms on the way that the property really fails at its end: the trace is derived by stepping,
// so it cannot disagree with the system, and a search bug (or keys that differ between threads)
// shows up as an error here instead of as a wrong counterexample.
import type { Property } from '../Property.ts';
import { startWatch, stepWatch } from '../propertyWatch.ts';
import type { System } from '../System.ts';
import { traceFormat, type Trace } from '../Trace.ts';
import type { ActionPath } from './pathTo.ts';

export function traceOfPath<S, A>(system: System<S, A>, path: ActionPath, property: Property<S, A>): Trace {
  let state = system.initialStates()[path.initial];
  if (state === undefined) throw new Error(`trace starts at initial state ${path.initial}, which ${system.name} does not have`);
  let watch = startWatch(property, state);
  const actions: string[] = [];
  const states: unknown[] = [system.describeState(state)];
  for (const [step, index] of path.actions.entries()) {
    const action = system.enabled(state)[index];
    // The search recorded this index from the same enabled list: a miss means `enabled` or `step` is not pure.
    if (action === undefined) throw new Error(`${system.name}: action ${index} is not enabled on re-execution; enabled() or step() is not deterministic`);
    const next = system.step(state, action);
    watch = stepWatch(property, watch, state, action, next);
    // The search recorded the step where the monitor first failed: failing earlier means another path (an error below).
    if (watch === 'violated' && step < path.actions.length - 1 && property.kind === 'trace') break;
    state = next;
    actions.push(system.actionLabel(action));
    states.push(system.describeState(state));
  }
  if (watch !== 'violated' || actions.length !== path.actions.length) {
    throw new Error(
      `${system.name}: the counterexample for ${property.id} does not re-execute to a violation; the system's keys are not canonical (equal keys for different states, or keys that differ between instances)`,
    );
  }
  return exhaustiveTrace(system, property.id, path.initial, actions, states);
}

/** The Trace of an exhaustive search's counterexample, re-executed as `actions` and `states` from `initial`. */
export function exhaustiveTrace(system: System<unknown, unknown>, property: string, initial: number, actions: string[], states: unknown[]): Trace {
  return {
    format: traceFormat,
    system: system.name,
    ...(system.modelVersion === undefined ? {} : { model: system.modelVersion }),
    config: system.config,
    property,
    method: 'exhaustive',
    initial,
    actions,
    states,
  };
}
