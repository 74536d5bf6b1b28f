// One thread's share of moving the shared visited set into a bigger table when it grows: the old
// slots are split among the threads, and each entry is placed with a compare-and-swap (entries are
// distinct, so a slot taken by another thread only means probing on).
import { mix32 } from '../exhaustive/mix32.ts';

/** Re-inserts the entries of old slots [part * n / parts, (part + 1) * n / parts) into `table`. */
export function rehashShare(old: Int32Array, table: Int32Array, part: number, parts: number): void {
  const mask = table.length - 1;
  const from = Math.floor((old.length * part) / parts);
  const to = Math.floor((old.length * (part + 1)) / parts);
  for (let i = from; i < to; i++) {
    const v = old[i]!;
    if (v === 0) continue;
    // Stored values are key + 1 as an int32; the explorers place a key at mix32(1, key).
    let slot = mix32(1, (v >>> 0) - 1) & mask;
    while (table[slot] !== 0 || Atomics.compareExchange(table, slot, 0, v) !== 0) slot = (slot + 1) & mask;
  }
}
