// The vitest API from source: a scenario whose properties hold passes; the 5.1.3.7.4.3 race fails with the
// shortest trace and a replay command that reproduces it; bad input is a one-line error.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { worldProperties } from '../../properties/index.ts';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { checkProperty, checkScenario, describeScenario, TrecheckViolation } from '../../src/vitest/index.ts';

const traceDir = mkdtempSync(join(tmpdir(), 'trecheck-vitest-'));

describe('trecheck/vitest', () => {
  it('checkScenario returns the verdicts when every property holds', () => {
    const verdicts = checkScenario({ flow: 'delayed-activation' }, { traceDir }).map((o) => o.verdict);
    // Every claim but the two over several TREs (judged where a scenario has two devices).
    expect(verdicts).toHaveLength(worldProperties.length - 2);
    expect(new Set(verdicts)).toEqual(new Set(['holds-exhaustively']));
  });

  it('accepts the known findings that npm run check accepts (reports/baseline.json): violated, known, no throw', () => {
    const outcome = checkProperty('HonestRunEndsAtGoal', { flow: 'change-via-pristine' }, { traceDir });
    expect(outcome).toMatchObject({ property: 'HonestRunEndsAtGoal', verdict: 'violated', known: true });
    expect(outcome.text).toContain('; scope: within 0 injections, no attacker');
  });

  it('throws on a known finding too when told to ignore the baseline', () => {
    expect(() => checkProperty('HonestRunEndsAtGoal', { flow: 'change-via-pristine' }, { traceDir, baseline: false })).toThrow(TrecheckViolation);
  });

  it('checkProperty throws the shortest trace and a replay command that reproduces it', async () => {
    let error: unknown;
    try {
      checkProperty('HonestRunEndsAtGoal', { flow: 'change-via-pristine' }, { traceDir, baseline: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TrecheckViolation);
    const message = (error as Error).message;
    expect(message).toContain('HonestRunEndsAtGoal in scenario change-via-pristine: VIOLATED: counterexample of 24 steps (exhaustive, shortest)');
    // The M2ME's discovery before the subscriber's selection (their step numbers: one interleaving of 24 steps).
    const stepOf = (label: string): number => Number(new RegExp(`(\\d+)\\. ${label}\\n`).exec(message)?.[1]);
    expect(stepOf('m2me>ro discoveryRequest')).toBeLessThan(stepOf('subscriber>ro shoSelection'));
    const file = /replay: npx trecheck replay (\S+)/.exec(message)![1]!;
    const replay = await runCliCaptured(['replay', file]);
    expect(replay.stdout).toContain('reproduced: HonestRunEndsAtGoal is violated after step 24 of 24, as saved');
  });

  it('an unknown property or a bad scenario is a one-line error', () => {
    expect(() => checkProperty('NoSuchClaim', { flow: 'initial-3gpp' })).toThrow(/^trecheck: unknown property 'NoSuchClaim'; expected one of: AtMostOneMcimActive, HonestRunEndsAtGoal, ProvisionedMcimNotRefused, McimSecretNeverLeaves, /);
    expect(() => checkScenario({ flow: 'initial-5g' })).toThrow(/^trecheck: scenario\.flow: /);
  });
});

describeScenario('describeScenario registers one passing test per property', { flow: 'initial-non3gpp' }, { traceDir });
