// Shrinking pass: drop whole steps, as in delta debugging (Zeller and Hildebrandt, "Simplifying and
// isolating failure-inducing input", 2002): blocks of halving size at each position, then pairs of
// steps (a request and its answer only go together). Dropping a step can shift the parameters later
// steps need (a serial number, a message): when a label is no longer enabled, the same action family
// ("NAME(" prefix) with other arguments is tried, and failing that the step is skipped.
import type { Property } from '../Property.ts';
import { startWatch, stepWatch, type Watch } from '../propertyWatch.ts';
import type { System } from '../System.ts';
import { actionFamily } from './actionFamily.ts';
import type { ShrinkPass } from './ShrinkPass.ts';

/** Steps one candidate may execute while repairing, so the pass stays polynomial. */
const repairBudget = 4000;

export const dropSteps: ShrinkPass = {
  name: 'drop-steps',
  shorten(system, property, initial, labels) {
    const violatingPrefix = (candidate: readonly string[]): readonly string[] | undefined =>
      repairToViolation(system, property, initial, candidate);
    let best = labels;
    for (let size = Math.max(1, best.length >> 1); size >= 1; size >>= 1) {
      for (let i = 0; i + size <= best.length; ) {
        const shorter = violatingPrefix([...best.slice(0, i), ...best.slice(i + size)]);
        if (shorter === undefined || shorter.length >= best.length) i++;
        else best = shorter;
      }
    }
    best = dropPair(best, violatingPrefix) ?? best;
    return best.length < labels.length ? best : undefined;
  },
};

function dropPair(
  labels: readonly string[],
  violatingPrefix: (candidate: readonly string[]) => readonly string[] | undefined,
): readonly string[] | undefined {
  for (let i = 0; i < labels.length; i++) {
    for (let j = i + 1; j < labels.length; j++) {
      const shorter = violatingPrefix(labels.filter((_, k) => k !== i && k !== j));
      if (shorter !== undefined && shorter.length < labels.length) return shorter;
    }
  }
  return undefined;
}

/** Executes `labels`, replacing a label that is not enabled by an enabled one of the same family
 *  (depth-first, in enabled order); returns the labels actually taken up to the first violation. */
export function repairToViolation<S, A>(
  system: System<S, A>,
  property: Property<S, A>,
  initial: S,
  labels: readonly string[],
): readonly string[] | undefined {
  const start = startWatch(property, initial);
  if (start === 'violated') return [];
  let budget = repairBudget;
  const taken: string[] = [];
  const go = (i: number, state: S, watch: Watch): boolean => {
    if (i === labels.length || budget <= 0) return false;
    const enabled = system.enabled(state);
    const wanted = labels[i]!;
    const exact = enabled.find((a) => system.actionLabel(a) === wanted);
    const options =
      exact !== undefined ? [exact] : enabled.filter((a) => actionFamily(system.actionLabel(a)) === actionFamily(wanted));
    for (const action of options) {
      budget--;
      const next = system.step(state, action);
      taken.push(system.actionLabel(action));
      const after = stepWatch(property, watch, state, action, next);
      if (after === 'violated') return true;
      if (go(i + 1, next, after)) return true;
      taken.pop();
    }
    // Last resort: the step lost its purpose with the removal; skip it.
    return exact === undefined && go(i + 1, state, watch);
  };
  return go(0, initial, start) ? taken : undefined;
}
