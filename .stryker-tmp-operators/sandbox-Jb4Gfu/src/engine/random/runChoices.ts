// Executes one random run: each choice picks the k-th enabled action (k modulo their count),
// checking the properties after every step. The hot loop of the random search.
import type { Property } from '../Property.ts';
import { startWatch, stepWatch } from '../propertyWatch.ts';
import type { System } from '../System.ts';

/** Counters shared by every run of a search (steps executed, longest run). */
export interface RunCounters {
  steps: number;
  runs: number;
  longest: number;
}

/** Index (into `properties`) of the first property the run violates, or -1; and the step it happens at. */
export interface RunOutcome {
  readonly violated: number;
  readonly steps: number;
}

const none: RunOutcome = { violated: -1, steps: 0 };

export function runChoices<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  initial: S,
  choices: readonly number[],
  counters: RunCounters,
): RunOutcome {
  counters.runs++;
  const watches = properties.map((property) => startWatch(property, initial));
  const atStart = watches.indexOf('violated');
  if (atStart >= 0) return { violated: atStart, steps: 0 };
  let state = initial;
  let steps = 0;
  for (const choice of choices) {
    const enabled = system.enabled(state);
    if (enabled.length === 0) break;
    const action = enabled[choice % enabled.length]!;
    const next = system.step(state, action);
    steps++;
    for (let p = 0; p < properties.length; p++) {
      const after = stepWatch(properties[p]!, watches[p], state, action, next);
      if (after === 'violated') return finish(counters, p, steps);
      watches[p] = after;
    }
    state = next;
  }
  finish(counters, -1, steps);
  return none;
}

function finish(counters: RunCounters, violated: number, steps: number): RunOutcome {
  counters.steps += steps;
  if (steps > counters.longest) counters.longest = steps;
  return { violated, steps };
}

/** The actions a run of choices takes, up to `steps` steps (labels are resolved later). */
export function actionsOfChoices<S, A>(system: System<S, A>, initial: S, choices: readonly number[], steps: number): A[] {
  const actions: A[] = [];
  let state = initial;
  for (let i = 0; i < steps; i++) {
    const enabled = system.enabled(state);
    const action = enabled[choices[i]! % enabled.length]!;
    actions.push(action);
    state = system.step(state, action);
  }
  return actions;
}
