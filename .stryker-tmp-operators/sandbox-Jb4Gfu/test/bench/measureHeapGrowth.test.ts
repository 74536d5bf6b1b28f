// The heap figure of the bench is never printed below what the search's own arrays hold (no timing, no search).
import { describe, expect, it } from 'vitest';
import { judgeHeapGrowth } from '../../bench/measureHeapGrowth.ts';

describe('judgeHeapGrowth', () => {
  const arrays = { states: 1_000, visitedBytes: 10_000, parentBytes: 8_000 };

  it('keeps a reading at or above the visited set and parent pointers, per state', () => {
    expect(judgeHeapGrowth({ ...arrays, peakBytes: 19_500 })).toEqual({ kind: 'measured', bytesPerState: 19.5 });
    expect(judgeHeapGrowth({ ...arrays, peakBytes: 18_000 })).toEqual({ kind: 'measured', bytesPerState: 18 });
  });

  it('marks a reading below them as untrusted, with both figures', () => {
    expect(judgeHeapGrowth({ ...arrays, peakBytes: 9_000 })).toEqual({ kind: 'untrusted', readBytesPerState: 9, floorBytesPerState: 18 });
  });
});
