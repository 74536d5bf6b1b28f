// Shrinking pass: loop elimination, as in SPIN's trail shortening: when the run comes back to a state
// it was in before (same state key, same watch), the steps in between were a detour and are cut.
import type { ShrinkPass } from './ShrinkPass.ts';
import { walkLabels, watchedKey } from './walkLabels.ts';

export const cutLoops: ShrinkPass = {
  name: 'cut-loops',
  shorten(system, property, initial, labels) {
    const walk = walkLabels(system, property, initial, labels);
    const keys = walk.states.map((s, i) => watchedKey(system, property, s, walk.watches[i]));
    const last = new Map(keys.map((k, i) => [k, i]));
    const kept: string[] = [];
    // From each state, continue from its last occurrence: the run after it is enabled there too.
    for (let i = 0; i < labels.length; ) {
      const j = last.get(keys[i]!)!;
      if (j >= labels.length) break;
      kept.push(labels[j]!);
      i = j + 1;
    }
    return kept.length < labels.length ? kept : undefined;
  },
};
