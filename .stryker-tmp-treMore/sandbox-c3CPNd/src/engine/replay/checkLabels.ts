// Re-executes a sequence of action labels against one property: each label is matched among
// the actions enabled at that point. Shared by shrinking (which edits label sequences) and replay.
import type { Property } from '../Property.ts';
import { explainWatch, startWatch, stepWatch } from '../propertyWatch.ts';
import type { System } from '../System.ts';

export type LabelRun<S> =
  /** The property fails after `steps` actions (0: in the initial state); states[0..steps] were reached. */
  | { readonly kind: 'violated'; readonly steps: number; readonly states: readonly S[]; readonly explanation: string | undefined }
  /** Action `step` (0-based) is not enabled where the sequence needs it. */
  | { readonly kind: 'diverged'; readonly step: number; readonly label: string; readonly enabled: readonly string[]; readonly states: readonly S[] }
  /** Every action ran and the property held throughout. */
  | { readonly kind: 'holds'; readonly states: readonly S[] };

export function checkLabels<S, A>(
  system: System<S, A>,
  property: Property<S, A>,
  initial: S,
  labels: readonly string[],
): LabelRun<S> {
  const states: S[] = [initial];
  let watch = startWatch(property, initial);
  if (watch === 'violated') return { kind: 'violated', steps: 0, states, explanation: explainWatch(property, initial) };
  let state = initial;
  for (let i = 0; i < labels.length; i++) {
    const enabled = system.enabled(state);
    const action = enabled.find((a) => system.actionLabel(a) === labels[i]);
    if (action === undefined) {
      return { kind: 'diverged', step: i, label: labels[i]!, enabled: enabled.map((a) => system.actionLabel(a)), states };
    }
    const next = system.step(state, action);
    states.push(next);
    const after = stepWatch(property, watch, state, action, next);
    if (after === 'violated') {
      return { kind: 'violated', steps: i + 1, states, explanation: explainWatch(property, next, { watch, from: state, action }) };
    }
    watch = after;
    state = next;
  }
  return { kind: 'holds', states };
}
