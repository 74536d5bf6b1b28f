// Executes a violating sequence of exact action labels and keeps what the state-based shrinking
// passes compare: every state, the property's watch in it, and a key for "same state, same watch".
import type { Property } from '../Property.ts';
import { startWatch, stepWatch, type Watch } from '../propertyWatch.ts';
import type { StateKey, System } from '../System.ts';

export interface Walk<S, A> {
  /** states[0] is the initial state, states[i + 1] follows actions[i]. */
  readonly states: readonly S[];
  /** The property's watch in each state; the last one is 'violated'. */
  readonly watches: readonly Watch[];
  readonly actions: readonly A[];
}

/** `labels` must be exactly enabled and violate after the last one (shrinking only keeps such sequences). */
export function walkLabels<S, A>(system: System<S, A>, property: Property<S, A>, initial: S, labels: readonly string[]): Walk<S, A> {
  const states: S[] = [initial];
  const watches: Watch[] = [startWatch(property, initial)];
  const actions: A[] = [];
  let state = initial;
  for (const label of labels) {
    const action = system.enabled(state).find((a) => system.actionLabel(a) === label);
    // The orchestrator verifies every sequence it keeps, so a missing label is an engine bug.
    if (action === undefined) throw new Error(`walkLabels: ${label} is not enabled in a verified sequence`);
    const next = system.step(state, action);
    watches.push(stepWatch(property, watches.at(-1), state, action, next));
    actions.push(action);
    states.push(next);
    state = next;
  }
  return { states, watches, actions };
}

/** Equal exactly when both the state and the property's watch are equal (a trace property's monitor
 *  is part of what the future can still do; an invariant has none). */
export function watchedKey<S, A>(system: System<S, A>, property: Property<S, A>, state: S, watch: Watch): StateKey {
  const key = system.key(state);
  return property.kind === 'invariant' ? key : `${key}|${watch === 'violated' ? 'violated' : property.key(watch)}`;
}
