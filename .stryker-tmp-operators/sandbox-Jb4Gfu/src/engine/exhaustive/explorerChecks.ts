// What the explorer checks of a system's answers before trusting them: a compact key that is one, an ample set
// that is one. A system that breaks either is broken, and a search that trusted it would be unsound.
import type { StateKey } from '../System.ts';
import type { Visibility } from '../Visibility.ts';

/** `key`, when it is what System.compactKeys promises: a system that declares compact keys and returns another is
 *  broken, and a bitset over its keys would be unsound. */
export function checkedCompactKey(system: string, key: StateKey): number {
  // An integer in [0, 2^31) is its own int32 value (NaN, fractions and larger numbers are not).
  if (typeof key !== 'number' || (key | 0) !== key || key < 0) {
    throw new RangeError(`${system}: compactKeys is set but key ${String(key)} is not an integer in [0, 2^31)`);
  }
  return key;
}

/** The ample set a model returned must be indices into the enabled actions, strictly increasing, and not empty
 *  (C0), and not a proper subset when some property may read anything (C2 with 'all'): anything else is a bug in
 *  the model's `ample`, which would make the search unsound. */
export function checkAmple(system: string, chosen: readonly number[] | undefined, enabled: number, visible: Visibility): void {
  if (chosen === undefined) return;
  if (visible === 'all' && chosen.length < enabled) {
    throw new Error(
      `${system}: ample() left out enabled actions while a property declares no reads, so every action is visible to it; ` +
        "return undefined when visible is 'all' (System.ample, C2)",
    );
  }
  let ok = chosen.length > 0;
  for (let k = 0; ok && k < chosen.length; k++) {
    const index = chosen[k]!;
    ok = Number.isInteger(index) && index >= 0 && index < enabled && (k === 0 || index > chosen[k - 1]!);
  }
  if (!ok) {
    throw new Error(
      `${system}: ample() returned [${chosen.join(', ')}] for ${enabled} enabled actions; it must return undefined or ` +
        'indices into the enabled actions, strictly increasing, at least one (System.ample)',
    );
  }
}
