// A two-thread speed-up above the number of threads is explained with its numbers, never printed silently (no timing).
import { describe, expect, it } from 'vitest';
import { explainSuperLinear, type ParallelRound } from '../../bench/explainSuperLinear.ts';

const round = (serialMillis: number, millis: number): ParallelRound => ({ serialMillis, millis, speedUp: serialMillis / millis });

describe('explainSuperLinear', () => {
  it('says nothing about a speed-up of at most the thread count', () => {
    expect(explainSuperLinear(1.93, [round(645, 334)], 2, 618)).toBeUndefined();
    expect(explainSuperLinear(2, [round(600, 300)], 2, 600)).toBeUndefined();
  });

  it('blames a one-thread run slower than the dedicated figure, with the numbers and the speed-up against that figure', () => {
    const rounds = [round(380, 190), round(434, 171), round(370, 185)];

    const note = explainSuperLinear(2.54, rounds, 2, 368);

    expect(note).toContain('2.54x is above 2 on 2 threads');
    expect(note).toContain('round 2');
    expect(note).toContain('434 ms');
    expect(note).toContain('368 ms');
    expect(note).toContain('2.15x'); // 368 / 171: still above 2, so it is called noise
    expect(note).toContain('noise');
  });

  it('gives the speed-up against the dedicated figure when that brings it to at most the thread count', () => {
    const note = explainSuperLinear(2.2, [round(440, 200)], 2, 380);

    expect(note).toContain('1.90x');
    expect(note).not.toContain('noise');
  });

  it('does not call a speed-up against the dedicated figure that prints as 2.00x still above 2', () => {
    const note = explainSuperLinear(2.38, [round(1116, 481)], 2, 963);

    expect(note).toContain('2.00x');
    expect(note).not.toContain('still above');
  });

  it('does not blame the baseline when the one-thread runs were not slow', () => {
    const note = explainSuperLinear(2.3, [round(360, 150), round(350, 160)], 2, 368);

    expect(note).toContain('not because of a slow one-thread baseline');
    expect(note).toContain('rounds 1, 2');
  });
});
