// sharedCopy: a typed array's copy on shared memory, of the same kind, its content first and zeros after.
import { describe, expect, it } from 'vitest';
import { sharedCopy } from '../../src/packing/sharedCopy.ts';

describe('sharedCopy', () => {
  it('copies each kind onto shared memory, apart from the original', () => {
    for (const array of [Uint8Array.of(1, 255), Uint16Array.of(7, 65535), Int32Array.of(-1, 2 ** 31 - 1), Uint32Array.of(0, 2 ** 32 - 1)]) {
      const copy = sharedCopy(array);
      expect(copy.constructor).toBe(array.constructor);
      expect(copy.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect([...copy]).toEqual([...array]);
      array[0] = 3;
      expect(copy[0]).not.toBe(3);
    }
  });

  it('makes room for more than the original, zeros after it; never less', () => {
    const copy = sharedCopy(Uint8Array.of(5, 6, 7).subarray(1), 5);
    expect([...copy]).toEqual([6, 7, 0, 0, 0]);
    expect(sharedCopy(Int32Array.of(1, 2, 3), 0).length).toBe(3);
  });
});
