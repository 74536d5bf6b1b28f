// The threads on the line that sums a search up: none on one thread, two from the start, or two from a level on.
import { describe, expect, it } from 'vitest';
import { formatThreads } from '../../src/cli/formatThreads.ts';

const stats = { states: 10, transitions: 20, depth: 3, millis: 5 };

describe('formatThreads', () => {
  it('says nothing on one thread, and on two from which level with the states and time by then', () => {
    expect(formatThreads(stats)).toBe('');
    expect(formatThreads({ ...stats, twoThreads: { fromLevel: 0, fromStates: 0, fromMillis: 0 } })).toBe(' on 2 threads');
    expect(formatThreads({ ...stats, twoThreads: { fromLevel: 25, fromStates: 488_733, fromMillis: 1341.8 } })).toBe(' on 2 threads from level 25 (488,733 states, 1342 ms)');
  });
});
