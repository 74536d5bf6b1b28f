// Our own shrinking, after fast-check's: fast-check shrinks the choice indices, which leaves
// irrelevant steps (MEASURED.md: 7-8 steps where 6 suffice). Named passes (ShrinkPass) propose
// shorter label sequences; each proposal is re-executed and kept only if it still violates, and the
// passes repeat, cheapest first, until none shortens the run. The result is never longer.
import type { Property } from '../Property.ts';
import { checkLabels } from '../replay/checkLabels.ts';
import type { System } from '../System.ts';
import { cutLoops } from './cutLoops.ts';
import { dropSteps, repairToViolation } from './dropSteps.ts';
import { realignSteps } from './realignSteps.ts';
import type { ShrinkPass } from './ShrinkPass.ts';
import { takeShortcuts } from './takeShortcuts.ts';

/** The passes of every random search, in the order they are tried (see docs/engine.md for their figures). */
export const defaultShrinkPasses: readonly ShrinkPass[] = [cutLoops, takeShortcuts, dropSteps, realignSteps];

/** Returns a sequence no longer than `labels` that still violates `property` (cut at the first violation). */
export function shrinkLabels<S, A>(
  system: System<S, A>,
  property: Property<S, A>,
  initial: S,
  labels: readonly string[],
  passes: readonly ShrinkPass[] = defaultShrinkPasses,
): readonly string[] {
  // fast-check's labels are exact, so this only cuts them at the first violation.
  const cut = repairToViolation(system, property, initial, labels);
  if (cut === undefined) throw new Error('shrinkLabels: the sequence to shrink does not violate the property');
  let best: readonly string[] = cut;
  for (let improved = true; improved; ) {
    improved = false;
    for (const pass of passes) {
      const proposal: readonly string[] | undefined = pass.shorten(system, property, initial, best);
      if (proposal === undefined || proposal.length >= best.length) continue;
      const run = checkLabels(system, property, initial, proposal);
      // A pass that proposes a sequence which does not violate has a bug; ignoring it keeps the result sound.
      if (run.kind !== 'violated') continue;
      best = proposal.slice(0, run.steps);
      improved = true;
      // Back to the cheapest pass: a cheap one often finishes what an expensive one started.
      break;
    }
  }
  return best;
}
