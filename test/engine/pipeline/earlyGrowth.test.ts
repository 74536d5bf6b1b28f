// When the pipelined search's store grows its table before it is three quarters full: only past a million records and
// three fifths full, and only when the states waiting to be expanded keep the search thread busy for half the growth.
import { describe, expect, it } from 'vitest';
import { earlyFill, earlyFrom, growsEarly, type GrowthPace } from '../../../src/engine/pipeline/earlyGrowth.ts';

// 4M records in 6.3M slots (63% full), 250,000 states waiting at 1 µs each (250 ms), growths at 60 ns a record (240 ms).
const pace: GrowthPace = { records: 4_000_000, slots: 6_291_456, waiting: 250_000, msPerState: 0.001, msPerRecord: 0.00006 };

describe('growsEarly', () => {
  it('grows when the waiting states cover half the growth or more', () => {
    expect(growsEarly(pace)).toBe(true);
    // 121 ms and 119 ms of states for a growth of 240 ms.
    expect(growsEarly({ ...pace, waiting: 121_000 })).toBe(true);
    expect(growsEarly({ ...pace, waiting: 119_000 })).toBe(false);
  });

  it('waits for three fifths full and a million records', () => {
    expect(growsEarly({ ...pace, slots: Math.ceil(pace.records / earlyFill) + 1 })).toBe(false);
    expect(growsEarly({ ...pace, records: earlyFrom - 1, slots: earlyFrom })).toBe(false);
  });

  it('never grows on a pace not measured yet', () => {
    expect(growsEarly({ ...pace, msPerState: 0 })).toBe(false);
    expect(growsEarly({ ...pace, msPerRecord: Infinity })).toBe(false);
  });
});
