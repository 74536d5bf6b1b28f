// Memo tables kept as one Int32Array row per id, -1 for "not computed yet": a row grows (at least doubling) to
// hold the index asked for.

/** The row `rows[id]`, created or grown so that `index` is inside it; new cells hold -1. */
export function memoRow(rows: Int32Array[], id: number, index: number): Int32Array {
  const row = rows[id];
  if (row !== undefined && index < row.length) return row;
  const grown = new Int32Array(Math.max(16, index + 1, (row?.length ?? 0) * 2)).fill(-1);
  if (row !== undefined) grown.set(row);
  rows[id] = grown;
  return grown;
}
