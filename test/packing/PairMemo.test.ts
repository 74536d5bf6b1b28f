import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairMemo } from '../../src/packing/PairMemo.ts';

describe('PairMemo', () => {
  it('gives back every value kept, and -1 for every pair not kept, through its growths', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.nat(5000), fc.nat(5000)), { maxLength: 3000, selector: ([a, b]) => `${a},${b}` }), (pairs) => {
        const memo = new PairMemo();
        const kept = new Map<string, number>();
        pairs.forEach(([a, b], i) => {
          expect(memo.get(a, b)).toBe(-1);
          memo.set(a, b, i);
          kept.set(`${a},${b}`, i);
        });
        for (const [a, b] of pairs) expect(memo.get(a, b)).toBe(kept.get(`${a},${b}`));
        // A pair with its ints swapped is another pair.
        for (const [a, b] of pairs) if (!kept.has(`${b},${a}`)) expect(memo.get(b, a)).toBe(-1);
      }),
      { numRuns: 30 },
    );
  });

  it('grows past three quarters full', () => {
    const memo = new PairMemo();
    const before = memo.bytes;
    for (let i = 0; i < 1000; i++) memo.set(i, 0, i);
    expect(memo.bytes).toBeGreaterThan(before);
    expect(memo.get(999, 0)).toBe(999);
  });
});
