// checkThreat in the vitest API: a threat whose counter-measures hold passes, a known finding about the text does
// not fail it, an attack throws with the shortest trace and a replay command that reproduces it; bad input throws.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { checkThreat, TrecheckViolation } from '../../src/vitest/index.ts';

const traceDir = mkdtempSync(join(tmpdir(), 'trecheck-threat-'));

/** What `run` throws, or a failure when it does not throw. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('checkThreat', () => {
  it('returns the verdicts of t6, every counter-measure on: all hold over the whole state space', () => {
    const result = checkThreat('t6', { traceDir });

    expect(Object.keys(result)).toEqual(['t6-firmware', 't6-supplier-update', 't6-update-for-other-device']);
    expect(result['t6-firmware']!.map((o) => [o.property, o.verdict])).toEqual([
      ['TreFirmwareOnlyFromSupplier', 'holds-exhaustively'],
      ['TamperedTreServesNoMcim', 'holds-exhaustively'],
      ['TrePlatformKeySecret', 'holds-exhaustively'],
      ['McimIssuedOnlyForValidPlatform', 'holds-exhaustively'],
      ['PlatformCredentialOfItsOwnTre', 'holds-exhaustively'],
    ]);
  });

  it('accepts the threat number as well as its id', () => {
    expect(Object.keys(checkThreat(6, { traceDir }))).toEqual(['t6-firmware', 't6-supplier-update', 't6-update-for-other-device']);
  });

  it('does not fail on a known finding about the text, and still reports it violated', () => {
    const result = checkThreat('t11', { traceDir });

    expect(result['t11-faults']!.find((o) => o.property === 'ChangeOfOperatorKeepsService')?.verdict).toBe('violated');
  });

  it('throws a TrecheckViolation with the trace and a replay command that reproduces the attack when t6.cm4 is off', async () => {
    const error = thrown(() => checkThreat('t6', { off: ['t6.cm4'], traceDir }));

    expect(error).toBeInstanceOf(TrecheckViolation);
    const violation = error as TrecheckViolation;
    expect(violation.message).toContain('TreFirmwareOnlyFromSupplier in scenario t6-firmware: VIOLATED: counterexample of 2 steps (exhaustive, shortest)');
    expect(violation.message).toMatch(/\n {4}1\. attacker>m2me treUpdate \(injected as supplier\) \w+\n {4}2\. m2me>tre treUpdate \w+\n/);
    expect(violation.message).toContain('  checks: t6.cm4, 004 5.1.2.2');
    expect(violation.outcomes.map((o) => [o.property, o.verdict])).toEqual([
      ['TreFirmwareOnlyFromSupplier', 'violated'],
      ['TamperedTreServesNoMcim', 'holds-exhaustively'],
      ['TrePlatformKeySecret', 'holds-exhaustively'],
      ['McimIssuedOnlyForValidPlatform', 'holds-exhaustively'],
      ['PlatformCredentialOfItsOwnTre', 'violated'],
    ]);
    const file = /replay: npx trecheck replay (\S+)/.exec(violation.message)?.[1];
    expect(file?.startsWith(traceDir)).toBe(true);
    const replay = await runCliCaptured(['replay', file!]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('reproduced: TreFirmwareOnlyFromSupplier is violated after step 2 of 2, as saved');
  });

  it('throws a one-line error for an unknown threat', () => {
    expect(() => checkThreat('t13')).toThrow(/^trecheck: unknown threat 't13'; expected t1 to t12$/);
    expect(() => checkThreat('firmware')).toThrow(/^trecheck: unknown threat 'firmware'; expected t1 to t12$/);
  });

  it('throws a one-line error naming an unknown counter-measure to switch off', () => {
    const error = thrown(() => checkThreat('t6', { off: ['t6.cm99'], traceDir }));

    expect(error).not.toBeInstanceOf(TrecheckViolation);
    expect((error as Error).message).toMatch(/^trecheck: scenario\.off\.0: unknown counter-measure 't6\.cm99'; switchable: /);
  });
});
