// Re-checks a liveness counterexample (LivenessProperty.ts) on a fresh system: its steps re-execute, then for
// recoverability no goal state is reachable from the last state (its whole future explored again), and for a lasso
// the cycle closes on a state of the same key, avoids the goal, takes no step assumed finite, and is weakly fair.
import type { InfinitelyOften, LivenessProperty, Recoverable } from '../LivenessProperty.ts';
import type { StateKey, System } from '../System.ts';
import type { Trace } from '../Trace.ts';

export type LivenessRun<S, A> =
  | { readonly kind: 'violated'; readonly states: readonly S[]; readonly actions: readonly A[]; readonly explanation: string }
  | { readonly kind: 'not-violated'; readonly states: readonly S[]; readonly actions: readonly A[]; readonly reason: string }
  | { readonly kind: 'diverged'; readonly step: number; readonly label: string; readonly enabled: readonly string[]; readonly states: readonly S[]; readonly actions: readonly A[] };

export function checkLiveness<S, A>(system: System<S, A>, property: LivenessProperty<S, A>, initial: S, trace: Trace): LivenessRun<S, A> {
  const states: S[] = [initial];
  const actions: A[] = [];
  let state = initial;
  for (let i = 0; i < trace.actions.length; i++) {
    const enabled = system.enabled(state);
    const action = enabled.find((a) => system.actionLabel(a) === trace.actions[i]);
    if (action === undefined) {
      return { kind: 'diverged', step: i, label: trace.actions[i]!, enabled: enabled.map((a) => system.actionLabel(a)), states, actions };
    }
    state = system.step(state, action);
    states.push(state);
    actions.push(action);
  }
  const verdict = property.kind === 'recoverable' ? unrecoverable(system, property, state) : unfairLasso(system, property, states, actions, trace.loop);
  return typeof verdict === 'string' ? { kind: 'not-violated', states, actions, reason: verdict } : { kind: 'violated', states, actions, explanation: verdict.explanation };
}

/** No goal reachable from `last` by recovery steps: its whole future (finite, the search explored it) again. */
function unrecoverable<S, A>(system: System<S, A>, property: Recoverable<S, A>, last: S): string | { explanation: string } {
  const seen = new Set<StateKey>([system.key(last)]);
  const queue = [last];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    if (property.goal(s)) return `a goal state is reachable from the last state (${head} states explored before it)`;
    for (const action of system.enabled(s)) {
      if (property.recovery !== undefined && !property.recovery(s, action)) continue;
      const next = system.step(s, action);
      const key = system.key(next);
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  const why = property.explain?.(last);
  return { explanation: `no goal state is reachable from the last state (${queue.length} states reachable from it, all explored)${why === undefined ? '' : `: ${why}`}` };
}

function unfairLasso<S, A>(system: System<S, A>, property: InfinitelyOften<S, A>, states: readonly S[], actions: readonly A[], loop: number | undefined): string | { explanation: string } {
  if (loop === undefined) return 'the trace has no loop: a liveness counterexample is a lasso';
  const n = actions.length;
  if (loop > n) return `loop ${loop} is past the last state`;
  const cycleStates = loop === n ? [states[n]!] : states.slice(loop, n);
  if (loop < n && system.key(states[n]!) !== system.key(states[loop]!)) return `the cycle does not close: the last state differs from state ${loop}`;
  const reached = cycleStates.findIndex((s) => property.goal(s));
  if (reached >= 0) return `the cycle passes through a goal state (state ${loop + reached})`;
  for (let i = loop; i < n; i++) {
    if (property.finitely?.(states[i]!, actions[i]!) === true) return `step ${i + 1} of the cycle is assumed to happen finitely often`;
  }
  const fairness = system.fairness?.bind(system);
  const taken = new Set<string>();
  for (let i = loop; i < n; i++) {
    const k = fairness?.(states[i]!, actions[i]!);
    if (k !== undefined) taken.add(k);
  }
  // A class enabled in every state of the cycle and never taken on it makes the run unfair.
  let always: Set<string> | undefined;
  for (const s of cycleStates) {
    const here = new Set<string>();
    for (const a of system.enabled(s)) {
      const k = fairness?.(s, a);
      if (k !== undefined) here.add(k);
    }
    always = always === undefined ? here : new Set([...always].filter((k) => here.has(k)));
  }
  const starved = [...(always ?? [])].filter((k) => !taken.has(k));
  if (starved.length > 0) return `the run is not weakly fair: ${starved.join(', ')} stays enabled and is never taken on the cycle`;
  const why = property.explain?.(states[loop]!);
  const shape = loop === n ? `stays in its last state, where no fair step is enabled` : `returns forever to state ${loop} by a weakly fair cycle of ${n - loop} steps`;
  return { explanation: `the run ${shape}, never reaching a goal state${why === undefined ? '' : `: ${why}`}` };
}
