// Interned records: equal byte strings get one offset, different ones (prefixes, lengths past one varint byte)
// another, and offsets and contents survive the pool and the slots growing, the offsets' bits too, and the pool
// passing from one segment to the next.
import { describe, expect, it } from 'vitest';
import { StoreLimitError } from '../../src/engine/StoreLimitError.ts';
import { RecordTable, maxPoolBytes, recordHash } from '../../src/packing/RecordTable.ts';

const intern = (table: RecordTable, bytes: readonly number[]): number => table.intern(Uint8Array.from(bytes), bytes.length);
const contentAt = (table: RecordTable, at: number): number[] => [...table.body(at)];

describe('RecordTable', () => {
  it('gives equal records one offset and tells prefixes, orders and the empty record apart', () => {
    const table = new RecordTable();
    const offsets = [[], [1], [1, 2], [2, 1], [1, 2, 0], [0]].map((r) => intern(table, r));
    expect(new Set(offsets).size).toBe(6);
    expect(offsets.every((at) => at > 0)).toBe(true);
    expect(intern(table, [1, 2])).toBe(offsets[2]);
    expect(intern(table, [])).toBe(offsets[0]);
    expect(table.size).toBe(6);
  });

  it('keeps every offset and its bytes while it grows far past its first capacity', () => {
    const table = new RecordTable();
    // Lengths up to 300 bytes: past one byte of length prefix; 40,000 records: past 2^20 bytes of pool.
    const records = Array.from({ length: 40_000 }, (_, i) => Array.from({ length: i % 7 === 0 ? 130 + (i % 171) : 1 + (i % 9) }, (_, j) => (i * 31 + j * 7) % 256));
    const offsets = records.map((r) => intern(table, r));
    expect(table.used).toBeGreaterThan(2 ** 20);
    records.forEach((r, i) => {
      expect(intern(table, r)).toBe(offsets[i]);
      expect(contentAt(table, offsets[i]!)).toEqual(r);
    });
    expect(table.size).toBe(new Set(records.map((r) => r.join(','))).size);
  });

  it('grows its slots by half past 2^21 of them, to counts that are no power of two, and finds every record', () => {
    const table = new RecordTable();
    const n = 3_200_000;
    const record = new Uint8Array(3);
    const put = (i: number): number => {
      record[0] = i & 255;
      record[1] = (i >> 8) & 255;
      record[2] = i >> 16;
      return table.intern(record, 3);
    };
    const offsets = Int32Array.from({ length: n }, (_, i) => put(i));
    // 4^k slots up to 2^22 (past 0.79M records), then, past 3.15M records, 1.5 x 2^22.
    expect(table.slotCount).toBe(1.5 * 2 ** 22);
    expect(table.size).toBe(n);
    for (let i = 0; i < n; i += 997) expect(put(i)).toBe(offsets[i]);
    expect(put(n - 1)).toBe(offsets[n - 1]);
    expect(table.size).toBe(n);
  });

  it('hands out offsets that grow with the pool (compact keys)', () => {
    const table = new RecordTable();
    const offsets = Array.from({ length: 1000 }, (_, i) => intern(table, [i & 255, i >> 8]));
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(offsets[offsets.length - 1]!).toBeLessThan(table.used);
    expect(table.used).toBe(1 + 1000 * 3);
  });

  it('reads only the first `length` bytes of the buffer it is given', () => {
    const table = new RecordTable();
    const a = table.intern(Uint8Array.from([4, 5, 9, 9]), 2);
    expect(intern(table, [4, 5])).toBe(a);
  });

  it('interns a record read from inside a buffer, by its hash, as the same record from the start of one', () => {
    const table = new RecordTable();
    const buffer = Uint8Array.from([7, 7, 4, 5, 6, 9]);
    const a = table.internHashed(buffer, 2, 3, recordHash(buffer, 2, 3));
    expect(intern(table, [4, 5, 6])).toBe(a);
    expect(table.internHashed(Uint8Array.from([4, 5, 6]), 0, 3, recordHash(Uint8Array.from([0, 4, 5, 6]), 1, 3))).toBe(a);
    expect(contentAt(table, a)).toEqual([4, 5, 6]);
    // The slot read ahead is the one the lookup starts at: it holds the record just added or another, never nothing.
    expect(table.firstSlot(recordHash(buffer, 2, 3))).not.toBe(0);
  });

  it('starts a new segment for a record that would cross the end of a full one, and finds every record across segments', () => {
    // Segments of 256 bytes; distinct records of 2-41 bytes (3-42 with the length): many segments, tails left unused.
    const table = new RecordTable({ segmentBits: 8 });
    const records = Array.from({ length: 3000 }, (_, i) => [i & 255, i >> 8, ...Array.from({ length: i % 40 }, (_, j) => (i * 13 + j * 5) % 256)]);
    const offsets = records.map((r) => intern(table, r));
    expect(table.used).toBeGreaterThan(40 * 256);
    // No record crosses a segment's end, and offsets still grow with the pool.
    offsets.forEach((at, i) => {
      expect(Math.floor(at / 256)).toBe(Math.floor((at + records[i]!.length) / 256));
      expect(table.segmentOf(at)).toBe(table.segmentOf(at + records[i]!.length));
    });
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    // Found again after the slots were rehashed over every segment (a segment's unused tail holds no record).
    records.forEach((r, i) => {
      expect(intern(table, r)).toBe(offsets[i]);
      expect(contentAt(table, offsets[i]!)).toEqual(r);
    });
    expect(table.size).toBe(3000);
    expect(() => intern(table, Array.from({ length: 300 }, () => 1))).toThrow(RangeError);
  });

  it('moves whole (moveOut, of), its records and slots on shared memory: every record at its offset, found by its bytes, and the table grows on from there', () => {
    const table = new RecordTable({ segmentBits: 8 });
    const records = Array.from({ length: 2000 }, (_, i) => [i & 255, i >> 8, ...Array.from({ length: i % 30 }, (_, j) => (i * 7 + j) % 256)]);
    const offsets = records.map((r) => intern(table, r));
    const used = table.used;
    const parts = table.moveOut();
    // Posted to another thread, the records and slots are shared, not copied, and no buffer is transferred (detached here).
    expect([...parts.segments, parts.slots].every((array) => array.buffer instanceof SharedArrayBuffer)).toBe(true);
    const moved = RecordTable.of(structuredClone(parts));
    expect(moved.size).toBe(2000);
    expect(moved.used).toBe(used);
    // The table moved out holds nothing: its first record starts at the first offset again.
    expect(table.size).toBe(0);
    expect(intern(table, records[5]!)).toBe(1);
    expect(table.size).toBe(1);
    records.forEach((r, i) => expect(intern(moved, r)).toBe(offsets[i]));
    expect(moved.size).toBe(2000);
    // New records go past the old ones (through the last segment's growth and new segments), and the copy is apart.
    const more = Array.from({ length: 2000 }, (_, i) => [7, i & 255, i >> 8, ...Array.from({ length: i % 25 }, () => 9)]);
    const later = more.map((r) => intern(moved, r));
    expect(Math.min(...later)).toBeGreaterThanOrEqual(used);
    more.forEach((r, i) => expect(contentAt(moved, later[i]!)).toEqual(r));
    records.forEach((r, i) => expect(intern(moved, r)).toBe(offsets[i]));
    expect(moved.size).toBe(4000);
  });

  it('keeps its ceiling across segments', () => {
    const table = new RecordTable({ segmentBits: 8, maxPoolBytes: 600 });
    // Records of 99 bytes take 100: two fit the first segment (after offset 0), two the second, one the third (512-611
    // would pass 600).
    const records = Array.from({ length: 5 }, (_, i) => Array.from({ length: 99 }, (_, j) => (i * 7 + j) % 256));
    expect(records.slice(0, 4).map((r) => intern(table, r))).toEqual([1, 101, 256, 356]);
    expect(() => intern(table, records[4]!)).toThrow(StoreLimitError);
    expect(table.size).toBe(4);
  });

  it('refuses a record past its ceiling with StoreLimitError, and keeps every record it holds', () => {
    const table = new RecordTable({ maxPoolBytes: 64 });
    // Offset 0 is empty; each record of 9 bytes takes 10 of pool: six fit below 64, the seventh would end at 71.
    const records = Array.from({ length: 6 }, (_, i) => Array.from({ length: 9 }, (_, j) => i * 16 + j));
    const offsets = records.map((r) => intern(table, r));
    expect(() => intern(table, [200, 1, 2, 3, 4, 5, 6, 7, 8])).toThrow(StoreLimitError);
    expect(table.size).toBe(6);
    expect(table.used).toBe(61);
    // A record already held is still found: the ceiling refuses growth, not lookups.
    records.forEach((r, i) => expect(intern(table, r)).toBe(offsets[i]));
    expect(() => new RecordTable({ maxPoolBytes: maxPoolBytes + 1 })).toThrow(RangeError);
  });
});
