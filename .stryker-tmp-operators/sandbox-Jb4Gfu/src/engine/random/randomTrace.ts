// Builds the saved counterexample of a random run from its shrunk action labels.
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import { traceFormat, type Trace } from '../Trace.ts';
import { checkLabels } from '../replay/checkLabels.ts';

export function randomTrace<S, A>(
  system: System<S, A>,
  property: Property<S, A>,
  initialIndex: number,
  labels: readonly string[],
  seed: number,
  path: string,
): Trace {
  const initial = system.initialStates()[initialIndex]!;
  const run = checkLabels(system, property, initial, labels);
  // Shrinking only keeps sequences that violate, so anything else is a bug in the engine.
  if (run.kind !== 'violated') throw new Error(`randomTrace: shrunk run of ${property.id} no longer violates (${run.kind})`);
  return {
    format: traceFormat,
    system: system.name,
    ...(system.modelVersion === undefined ? {} : { model: system.modelVersion }),
    config: system.config,
    property: property.id,
    method: 'random',
    seed,
    path,
    initial: initialIndex,
    actions: labels.slice(0, run.steps),
    states: run.states.map((s) => system.describeState(s)),
  };
}
