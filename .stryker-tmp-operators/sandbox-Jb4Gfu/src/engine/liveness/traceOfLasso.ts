// A liveness counterexample as a Trace: the breadth-first path to a state, then (for a lasso) the cycle's steps,
// re-executed on the system, which must come back to a state of the same key: the trace is derived by stepping,
// so it cannot disagree with the system.
import type { LivenessProperty } from '../LivenessProperty.ts';
import type { System } from '../System.ts';
import { exhaustiveTrace } from '../exhaustive/traceOfPath.ts';
import type { Trace } from '../Trace.ts';
import type { StateGraph } from './StateGraph.ts';

/** The trace to state `id`; with `cycle` (edge indices of a cycle from `id` back to it), the lasso, `loop` set. */
export function traceOfLasso<S, A>(
  system: System<S, A>,
  graph: StateGraph<S>,
  property: LivenessProperty<S, A>,
  id: number,
  cycle?: readonly number[],
): Trace {
  const stem: number[] = [];
  let at = id;
  while (graph.parent[at]! >= 0) {
    stem.push(graph.parentAction[at]!);
    at = graph.parent[at]!;
  }
  stem.reverse();
  const initial = -1 - graph.parent[at]!;
  const indices = [...stem, ...(cycle ?? []).map((e) => graph.edgeAction[e]!)];
  let state: S = system.initialStates()[initial]!;
  const actions: string[] = [];
  const states: unknown[] = [system.describeState(state)];
  let loopState: S | undefined = stem.length === 0 ? state : undefined;
  for (const [step, index] of indices.entries()) {
    const action = system.enabled(state)[index];
    // The search recorded this index from the same enabled list: a miss means `enabled` or `step` is not pure.
    if (action === undefined) throw new Error(`${system.name}: action ${index} is not enabled on re-execution; enabled() or step() is not deterministic`);
    state = system.step(state, action);
    actions.push(system.actionLabel(action));
    states.push(system.describeState(state));
    if (step === stem.length - 1) loopState = state;
  }
  if (system.key(state) !== system.key(graph.states[id]!) || (cycle !== undefined && system.key(state) !== system.key(loopState!))) {
    throw new Error(`${system.name}: the counterexample for ${property.id} does not re-execute to the state the search found; the system's keys are not canonical`);
  }
  const trace = exhaustiveTrace(system, property.id, initial, actions, states);
  return cycle === undefined ? trace : { ...trace, loop: stem.length };
}
