// Tests of the visited set (growth, narrow and wide slots) and of the 64-bit string hash behind hashed fingerprints.
import { describe, expect, it } from 'vitest';
import { FingerprintSet } from '../../../src/engine/exhaustive/FingerprintSet.ts';
import { hashString64 } from '../../../src/engine/exhaustive/hashString64.ts';

describe('FingerprintSet', () => {
  it('adds each fingerprint once and keeps them all through growth', () => {
    const set = new FingerprintSet(16);
    const reference = new Set<string>();
    // A seeded xorshift: fingerprints that share high or low halves, to exercise both comparisons.
    let x = 2463534242;
    const next = (): number => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x >>> 0;
    };
    for (let i = 0; i < 50_000; i++) {
      const hi = (next() % 7) + 1;
      const lo = next() % 20_000;
      expect(set.add(hi, lo)).toBe(!reference.has(`${hi}:${lo}`));
      reference.add(`${hi}:${lo}`);
    }
    expect(set.size).toBe(reference.size);
    for (const entry of reference) {
      const [hi, lo] = entry.split(':').map(Number) as [number, number];
      expect(set.has(hi, lo)).toBe(true);
    }
    expect(set.has(8, 0)).toBe(false);
    expect(set.bytes).toBeGreaterThanOrEqual((reference.size / 0.75) * 8);
  });

  it('stores packed keys in 4-byte slots, then moves everything to 8-byte slots at the first wide fingerprint', () => {
    const set = new FingerprintSet(16);
    for (let k = 0; k < 10_000; k++) expect(set.add(1, k * 7919)).toBe(true);
    expect(set.slotBytes).toBe(4);
    expect(set.add(1, 0xffffffff)).toBe(true);
    expect(set.slotBytes).toBe(8);
    expect(set.add(0x80000000, 5)).toBe(true);
    for (let k = 0; k < 10_000; k++) expect(set.add(1, k * 7919)).toBe(false);
    expect(set.has(1, 0xffffffff)).toBe(true);
    expect(set.has(0x80000000, 5)).toBe(true);
    expect(set.has(2, 0)).toBe(false);
    expect(set.size).toBe(10_002);
  });
});

describe('hashString64', () => {
  it('is deterministic, depends on the seed, and gave no collision on 300,000 similar keys', () => {
    const out = new Uint32Array(2);
    const seen = new Set<string>();
    for (let i = 0; i < 300_000; i++) {
      hashString64(`state/${i % 977}/${Math.floor(i / 977)}`, 0, out);
      seen.add(`${out[0]}:${out[1]}`);
    }
    expect(seen.size).toBe(300_000);
    hashString64('abc', 0, out);
    const first = [out[0], out[1]];
    hashString64('abc', 0, out);
    expect([out[0], out[1]]).toEqual(first);
    hashString64('abc', 1, out);
    expect([out[0], out[1]]).not.toEqual(first);
  });
});
