// The check of `npm run bench:quick`: a measured TR-world / benchmark ratio against the recorded one (no timing).
import { describe, expect, it } from 'vitest';
import { compareRatio } from '../../bench/compareRatio.ts';
import { readRecordedRatio } from '../../bench/recordedRatio.ts';

const recorded = { scenario: 't2-replay-after-delete', maxP: 6, ratio: 0.01, date: '2026-11-30T06:00:00.000Z' };
const measured = (ratio: number, scenario = recorded.scenario, maxP = recorded.maxP) => ({ scenario, maxP, ratio });

describe('compareRatio', () => {
  it('passes a ratio at the recorded one, above it, or down to exactly half of it', () => {
    expect(compareRatio(recorded, measured(0.01)).pass).toBe(true);
    expect(compareRatio(recorded, measured(0.4)).pass).toBe(true);
    expect(compareRatio(recorded, measured(0.005)).pass).toBe(true);
  });

  it('fails a ratio below half the recorded one, naming both ratios and the limit on one line', () => {
    const result = compareRatio(recorded, measured(0.0049));

    expect(result.pass).toBe(false);
    expect(result.message).toContain('0.00490');
    expect(result.message).toContain('recorded 0.0100');
    expect(result.message).toContain('limit 0.00500');
    expect(result.message).toContain('npm run bench:quick -- --record');
    expect(result.message).not.toContain('\n');
  });

  it('names both ratios when it passes', () => {
    const result = compareRatio(recorded, measured(0.02));

    expect(result.message).toContain('0.0200');
    expect(result.message).toContain('recorded 0.0100');
  });

  it('fails a ratio that is not a number (a search that took no time)', () => {
    expect(compareRatio(recorded, measured(Number.NaN)).pass).toBe(false);
  });

  it('fails, asking to re-record, when the record is of another scenario or another benchmark bound', () => {
    const otherScenario = compareRatio(recorded, measured(0.01, 't7-forged-commands'));
    const otherBound = compareRatio(recorded, measured(0.01, recorded.scenario, 5));

    expect(otherScenario.pass).toBe(false);
    expect(otherScenario.message).toMatch(/t2-replay-after-delete.*t7-forged-commands.*re-record/);
    expect(otherBound.pass).toBe(false);
    expect(otherBound.message).toContain('MAXP=5');
  });
});

describe('the recorded ratio in the repository', () => {
  it('reads back as a complete record', () => {
    const read = readRecordedRatio();

    expect(read).toMatchObject({ ok: true, recorded: { scenario: 't2-replay-after-delete', maxP: 6 } });
  });
});
