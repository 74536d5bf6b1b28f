// Varints: every size class round-trips, and the size written is the size announced.
import { describe, expect, it } from 'vitest';
import { readVarint, varintSize, writeVarint } from '../../src/packing/varint.ts';

describe('varint', () => {
  it('writes each value in as many bytes as varintSize says and reads it back', () => {
    const bytes = new Uint8Array(8);
    for (const value of [0, 1, 127, 128, 16383, 16384, 2 ** 21 - 1, 2 ** 21, 2 ** 28 - 1, 2 ** 28, 2 ** 31 - 1]) {
      const end = writeVarint(bytes, 1, value);
      expect(end - 1).toBe(varintSize(value));
      expect(readVarint(bytes, 1)).toBe(value);
    }
  });

  it('puts the low seven bits first and marks every byte but the last', () => {
    const bytes = new Uint8Array(3);
    writeVarint(bytes, 0, 300);
    expect([...bytes.subarray(0, 2)]).toEqual([0xac, 0x02]);
  });
});
