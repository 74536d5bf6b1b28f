// The bitset visited set of systems with compact keys.
import { describe, expect, it } from 'vitest';
import { KeyBitset } from '../../../src/engine/exhaustive/KeyBitset.ts';

describe('KeyBitset', () => {
  it('adds each key once, across word boundaries and through growth', () => {
    const set = new KeyBitset();
    const keys = [0, 31, 32, 33, 1023, 1024, 70_000, 5, 2 ** 31 - 1];
    for (const key of keys) expect(set.add(key)).toBe(true);
    for (const key of keys) expect(set.add(key)).toBe(false);
    expect(set.add(34)).toBe(true);
    expect(set.bytes).toBeGreaterThanOrEqual(2 ** 31 / 8);
  });
});
