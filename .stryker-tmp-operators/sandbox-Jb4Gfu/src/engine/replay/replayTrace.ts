// Re-executes a saved trace on a freshly built system: matches each action label among the enabled
// actions, re-checks the property, compares every state with the saved one, and, when the system
// offers live actors, compares those too.
import { isLiveness, type AnyProperty } from '../LivenessProperty.ts';
import type { System } from '../System.ts';
import type { Trace } from '../Trace.ts';
import { canonicalJson } from '../canonicalJson.ts';
import { checkLabels } from './checkLabels.ts';
import { checkLiveness } from './checkLiveness.ts';

export interface StateMismatch {
  /** Index of the state (0: initial). */
  readonly step: number;
  readonly expected: unknown;
  readonly actual: unknown;
}

export type ReplayResult =
  /** The property fails after the last action, as saved. */
  | { readonly kind: 'reproduced'; readonly steps: number; readonly explanation: string | undefined }
  /** The property fails earlier than the saved trace says. */
  | { readonly kind: 'violated-earlier'; readonly steps: number; readonly explanation: string | undefined }
  /** Every action ran and the property held: the counterexample no longer applies (liveness: `reason` says why). */
  | { readonly kind: 'not-violated'; readonly steps: number; readonly reason?: string }
  /** Action `step` (0-based) is not enabled in the state the trace reached. */
  | { readonly kind: 'diverged'; readonly step: number; readonly label: string; readonly enabled: readonly string[] }
  /** The trace's initial state index does not exist. */
  | { readonly kind: 'no-initial-state'; readonly initial: number; readonly available: number };

export interface ReplayReport {
  readonly result: ReplayResult;
  /** First state that differs from the one saved in the trace, if any. */
  readonly savedMismatch: StateMismatch | undefined;
  /** Live actors: 'absent' when the system has none, else the first state they disagree on, if any. */
  readonly live: 'absent' | { readonly mismatch: StateMismatch | undefined };
}

export function replayTrace<S, A>(system: System<S, A>, property: AnyProperty<S, A>, trace: Trace): ReplayReport {
  const initials = system.initialStates();
  const initial = initials[trace.initial];
  if (initial === undefined) {
    return {
      result: { kind: 'no-initial-state', initial: trace.initial, available: initials.length },
      savedMismatch: undefined,
      live: 'absent',
    };
  }
  let result: ReplayResult;
  let states: readonly S[];
  if (isLiveness(property)) {
    const run = checkLiveness(system, property, initial, trace);
    states = run.states;
    result =
      run.kind === 'diverged'
        ? { kind: 'diverged', step: run.step, label: run.label, enabled: run.enabled }
        : run.kind === 'not-violated'
          ? { kind: 'not-violated', steps: trace.actions.length, reason: run.reason }
          : { kind: 'reproduced', steps: trace.actions.length, explanation: run.explanation };
  } else {
    const run = checkLabels(system, property, initial, trace.actions);
    states = run.states;
    result =
      run.kind === 'diverged'
        ? { kind: 'diverged', step: run.step, label: run.label, enabled: run.enabled }
        : run.kind === 'holds'
          ? { kind: 'not-violated', steps: trace.actions.length }
          : run.steps === trace.actions.length
            ? { kind: 'reproduced', steps: run.steps, explanation: run.explanation }
            : { kind: 'violated-earlier', steps: run.steps, explanation: run.explanation };
  }
  const views = states.map((s) => system.describeState(s));
  const savedMismatch = firstMismatch(trace.states, views, false);
  if (system.liveReplay === undefined) return { result, savedMismatch, live: 'absent' };
  const actions = actionsAlong(system, states, trace.actions);
  const live = system.liveReplay(initial, actions);
  return { result, savedMismatch, live: { mismatch: firstMismatch(views, live, true) } };
}

/** The actions the pure replay took (as many as it got through). */
function actionsAlong<S, A>(system: System<S, A>, states: readonly S[], labels: readonly string[]): A[] {
  const actions: A[] = [];
  for (let i = 0; i + 1 < states.length; i++) {
    actions.push(system.enabled(states[i]!).find((a) => system.actionLabel(a) === labels[i])!);
  }
  return actions;
}

/** Compares state views pairwise; with `complete`, `actual` missing a state is a mismatch too. */
function firstMismatch(expected: readonly unknown[], actual: readonly unknown[], complete: boolean): StateMismatch | undefined {
  const n = Math.min(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    if (canonicalJson(expected[i]) !== canonicalJson(actual[i])) return { step: i, expected: expected[i], actual: actual[i] };
  }
  if (complete && actual.length < expected.length) return { step: n, expected: expected[n], actual: undefined };
  return undefined;
}
