// Shrinking pass: shortcuts, as in SPIN's trail shortening: when one action enabled at step i leads
// to a state the run only reaches at step j > i + 1 (same state key, same watch), or straight to a
// violation, it replaces steps i + 1..j. Greedy from the start, always to the farthest state.
import { stepWatch } from '../propertyWatch.ts';
import type { StateKey } from '../System.ts';
import type { ShrinkPass } from './ShrinkPass.ts';
import { walkLabels, watchedKey } from './walkLabels.ts';

export const takeShortcuts: ShrinkPass = {
  name: 'take-shortcuts',
  shorten(system, property, initial, labels) {
    const walk = walkLabels(system, property, initial, labels);
    const n = labels.length;
    const last = new Map<StateKey, number>();
    for (let i = 0; i < n; i++) last.set(watchedKey(system, property, walk.states[i]!, walk.watches[i]), i);
    const kept: string[] = [];
    for (let i = 0; i < n; ) {
      const state = walk.states[i]!;
      let farthest = i + 1;
      let via = labels[i]!;
      for (const action of system.enabled(state)) {
        const next = system.step(state, action);
        const watch = stepWatch(property, walk.watches[i], state, action, next);
        const j = watch === 'violated' ? n : (last.get(watchedKey(system, property, next, watch)) ?? -1);
        if (j > farthest) {
          farthest = j;
          via = system.actionLabel(action);
        }
      }
      kept.push(via);
      i = farthest;
    }
    return kept.length < n ? kept : undefined;
  },
};
