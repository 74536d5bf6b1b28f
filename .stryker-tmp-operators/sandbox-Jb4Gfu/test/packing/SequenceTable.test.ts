// Interned sequences: equal sequences get one id, different ones (including prefixes and permutations) another,
// and ids survive the pool, starts and slots growing.
import { describe, expect, it } from 'vitest';
import { SequenceTable } from '../../src/packing/SequenceTable.ts';

const intern = (table: SequenceTable, values: readonly number[]): number => table.intern(Int32Array.from(values), values.length);

describe('SequenceTable', () => {
  it('gives equal sequences one id and tells prefixes, permutations and the empty sequence apart', () => {
    const table = new SequenceTable();
    const ids = [[], [1], [1, 2], [2, 1], [1, 2, 2], [0]].map((s) => intern(table, s));
    expect(new Set(ids).size).toBe(6);
    expect(intern(table, [1, 2])).toBe(ids[2]);
    expect(intern(table, [])).toBe(ids[0]);
    expect(table.size).toBe(6);
  });

  it('keeps every id and its values while it grows far past its first capacity', () => {
    const table = new SequenceTable();
    const sequences = Array.from({ length: 5000 }, (_, i) => Array.from({ length: 1 + (i % 9) }, (_, j) => (i * 31 + j * 7) % 1000));
    const ids = sequences.map((s) => intern(table, s));
    sequences.forEach((s, i) => {
      expect(intern(table, s)).toBe(ids[i]);
      expect(table.length(ids[i]!)).toBe(s.length);
      expect(Array.from(table.pool.subarray(table.starts[ids[i]!]!, table.starts[ids[i]! + 1]!))).toEqual(s);
    });
    expect(table.size).toBe(new Set(sequences.map((s) => s.join(','))).size);
  });

  it('reads only the first `length` values of the buffer it is given', () => {
    const table = new SequenceTable();
    const a = table.intern(Int32Array.from([4, 5, 9, 9]), 2);
    expect(intern(table, [4, 5])).toBe(a);
  });
});
