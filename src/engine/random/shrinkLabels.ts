// Our own last shrinking pass, after fast-check's: fast-check shrinks the choice indices, which
// leaves irrelevant steps (MEASURED.md: 7-8 steps where 6 suffice). Here whole steps are dropped
// (blocks, then single steps, then pairs) and the run re-checked, until no removal still violates.
// Dropping a step can shift the parameters later steps need (a serial number, a message): when a
// label is no longer enabled, the same action family ("NAME(" prefix) with other arguments is tried,
// and failing that the step is skipped.
import type { Property } from '../Property.ts';
import { startWatch, stepWatch, type Watch } from '../propertyWatch.ts';
import type { System } from '../System.ts';

/** Steps one candidate may execute while repairing, so shrinking stays polynomial. */
const repairBudget = 4000;

/** Returns a sequence no longer than `labels` that still violates `property` (cut at the first violation). */
export function shrinkLabels<S, A>(
  system: System<S, A>,
  property: Property<S, A>,
  initial: S,
  labels: readonly string[],
): readonly string[] {
  const violatingPrefix = (candidate: readonly string[]): readonly string[] | undefined =>
    repairToViolation(system, property, initial, candidate);
  let best = violatingPrefix(labels);
  if (best === undefined) throw new Error('shrinkLabels: the sequence to shrink does not violate the property');
  for (;;) {
    const before = best.length;
    // Delta-debugging style: remove blocks of halving size, each start position in turn.
    for (let size = Math.max(1, best.length >> 1); size >= 1; size >>= 1) {
      for (let i = 0; i + size <= best.length; ) {
        const shorter = violatingPrefix([...best.slice(0, i), ...best.slice(i + size)]);
        if (shorter === undefined || shorter.length >= best.length) i++;
        else best = shorter;
      }
    }
    // Steps that only matter together (a request and its answer) leave only in pairs.
    best = dropPair(best, violatingPrefix) ?? best;
    if (best.length >= before) return best;
  }
}

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

/** "SERVE(2)" -> "SERVE(": labels before their first parenthesis name an action family. */
function family(label: string): string {
  const open = label.indexOf('(');
  return open < 0 ? label : label.slice(0, open + 1);
}

/** Executes `labels`, replacing a label that is not enabled by an enabled one of the same family
 *  (depth-first, in enabled order); returns the labels actually taken up to the first violation. */
function repairToViolation<S, A>(
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
      exact !== undefined ? [exact] : enabled.filter((a) => family(system.actionLabel(a)) === family(wanted));
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
