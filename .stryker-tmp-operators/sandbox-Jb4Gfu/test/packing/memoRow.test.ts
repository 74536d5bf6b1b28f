import { describe, expect, it } from 'vitest';
import { memoRow } from '../../src/packing/memoRow.ts';

describe('memoRow', () => {
  it('creates a row of -1 that holds the index asked for', () => {
    const rows: Int32Array[] = [];
    const row = memoRow(rows, 3, 40);
    expect(rows[3]).toBe(row);
    expect(row.length).toBeGreaterThan(40);
    expect([...row].every((v) => v === -1)).toBe(true);
  });

  it('keeps a row that already holds the index, and grows one that does not, keeping its cells', () => {
    const rows: Int32Array[] = [];
    const row = memoRow(rows, 0, 5);
    row[5] = 7;
    expect(memoRow(rows, 0, row.length - 1)).toBe(row);
    const grown = memoRow(rows, 0, row.length);
    expect(grown).not.toBe(row);
    expect(grown.length).toBeGreaterThanOrEqual(2 * row.length);
    expect(grown[5]).toBe(7);
    expect(grown[row.length]).toBe(-1);
    expect(rows[0]).toBe(grown);
  });
});
