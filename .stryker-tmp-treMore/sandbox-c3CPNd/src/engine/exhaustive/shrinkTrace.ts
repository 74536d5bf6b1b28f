// Shrinks a counterexample the exhaustive search found under partial-order reduction. The reduced graph keeps
// only some interleavings, so its trace can carry steps the violation does not need or take a long way round;
// the random search's passes (shrinkLabels) replay every proposal on the full system and keep it only if it
// still violates, so the result is a real counterexample and never longer. It is not proved shortest.
import type { Property } from '../Property.ts';
import { shrinkLabels } from '../random/shrinkLabels.ts';
import { checkLabels } from '../replay/checkLabels.ts';
import type { System } from '../System.ts';
import type { Trace } from '../Trace.ts';

export function shrinkTrace<S, A>(system: System<S, A>, property: Property<S, A>, trace: Trace): Trace {
  const initial = system.initialStates()[trace.initial]!;
  const labels = shrinkLabels(system, property, initial, trace.actions);
  if (labels.length >= trace.actions.length) return trace;
  const run = checkLabels(system, property, initial, labels);
  // shrinkLabels returns only sequences it has re-executed to the violation; anything else is an engine bug.
  if (run.kind !== 'violated') throw new Error(`shrinkTrace: the shrunk trace of ${property.id} no longer violates it (${run.kind})`);
  return { ...trace, actions: labels.slice(0, run.steps), states: run.states.map((s) => system.describeState(s)) };
}
