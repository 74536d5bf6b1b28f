// Tests of the attacker's bounded records of sent messages (ReplayLog, SentSet): order, capacity, packing.
import { describe, expect, it } from 'vitest';
import { ReplayLog } from '../../src/attacker/ReplayLog.ts';
import { SentSet } from '../../src/attacker/SentSet.ts';

describe('ReplayLog', () => {
  it('keeps every message in serial order up to its capacity, then refuses more', () => {
    const log = new ReplayLog(3, 4);
    let packed = log.empty;
    for (const m of [2, 0, 1, 2]) packed = log.append(packed, m);
    expect(log.length(packed)).toBe(4);
    expect(log.messages(packed)).toEqual([2, 0, 1, 2]);
    expect(log.at(packed, 2)).toBe(1);
    expect(log.append(packed, 0)).toBe(-1);
    expect(log.bits).toBe(3 + 4 * 2);
  });

  it('packs distinct logs into distinct numbers', () => {
    const log = new ReplayLog(3, 3);
    const seen = new Set<number>();
    const all = (packed: number): void => {
      seen.add(packed);
      for (let m = 0; m < 3; m++) {
        const next = log.append(packed, m);
        if (next >= 0) all(next);
      }
    };
    all(log.empty);
    expect(seen.size).toBe(1 + 3 + 9 + 27);
  });

  it('rejects a log that does not fit 31 bits', () => {
    expect(() => new ReplayLog(3, 15)).toThrow(/31-bit/);
  });
});

describe('SentSet', () => {
  it('remembers every message ever sent', () => {
    const set = new SentSet(3);
    const packed = set.add(set.add(set.empty, 2), 0);
    expect(set.members(packed)).toEqual([0, 2]);
    expect(set.has(packed, 1)).toBe(false);
  });
});
