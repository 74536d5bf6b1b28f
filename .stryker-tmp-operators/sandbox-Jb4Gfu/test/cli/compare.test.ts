// `trecheck compare`: the table of claims, its exit code with and without the baseline, its files, bad input.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { ablate3a } from '../../src/cli/compare/ablation3a.ts';
import { runSuite3a } from '../../src/cli/compare/runSuite3a.ts';
import { rowSpecs } from '../../src/cli/compare/compareRows.ts';
import { suite3a } from '../../properties/alt3a/suite3a.ts';

const out = mkdtempSync(join(tmpdir(), 'trecheck-compare-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('trecheck compare', () => {
  it('prints the table and exits 0 with the shipped baseline: in 1a both secrecy claims hold, in 3a both fail', async () => {
    const r = await runCliCaptured(['compare', '--no-ablation', '--format', 'md,json,html,sarif', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const row = (claim: string) => r.stdout.split('\n').find((l) => l.startsWith(`| ${claim} |`))!.split(' | ');
    const old = row('after a change of operator the old operator cannot derive the credential in use');
    expect(old[2]).toMatch(/^holds \(McimSecretNeverLeaves in cmp1a-dishonest-old-sho: [\d,]+ states/);
    expect(old[3]).toMatch(/^violated: attack of \d+ steps, a finding about the text \(OldOperatorCannotDeriveCredentialInUse in a3a-t2-old-mno/);
    const past = row('traffic recorded before the change stays confidential from the new operator');
    expect(past[2]).toMatch(/^holds/);
    expect(past[3]).toMatch(/^violated/);
    expect(row('the change completes without the old operator\'s help (safety stand-in)')[2]).toMatch(/^not applicable: /);
    // 3a's 8 findings and 1a's t11-faults (its counterpart of the service claim), all in the shipped baseline.
    expect(r.stdout).toContain('baseline: 9 known finding(s), 0 new, 0 changed, 0 gone');
    const json = JSON.parse(readFileSync(join(out, 'compare.json'), 'utf8'));
    expect(json.format).toBe('trecheck-compare/1');
    expect(json.rows).toHaveLength(rowSpecs.length);
    expect(readFileSync(join(out, 'compare.html'), 'utf8')).toContain('<h1>Alternative 1a against Alternative 3a</h1>');
    const sarif = JSON.parse(readFileSync(join(out, 'compare.sarif'), 'utf8'));
    expect(sarif.runs[0].results.some((x: { ruleId: string }) => x.ruleId === 'OldOperatorCannotDeriveCredentialInUse')).toBe(true);
  });

  it('exits 1 without a baseline: the findings are violations nobody accepted', async () => {
    const r = await runCliCaptured(['compare', '--no-ablation', '--no-baseline', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).exitCode).toBe(1);
  });

  it('rejects bad input with one line and exit code 2', async () => {
    for (const argv of [['compare', '--format', 'pdf'], ['compare', '--bogus'], ['compare', '--baseline', join(out, 'absent.json')]]) {
      const r = await runCliCaptured(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^trecheck: /);
    }
  });

  it('every row names a scenario and property of the 3a suite', () => {
    for (const spec of rowSpecs) {
      if ('notApplicable' in spec.a3) continue;
      const { scenario, property } = spec.a3;
      expect(suite3a.find((s) => s.input.name === scenario)?.properties.map((p) => p.property.id)).toContain(property);
    }
  });

  it('3a ablation: the OTA key change and the protected transfer are necessary, the IMSI change and new OTA keys alone are not', () => {
    const a = ablate3a(runSuite3a());
    const status = Object.fromEntries(a.conclusions.map((c) => [c.switch, c.status]));
    expect(status).toEqual({ 'a3a.t2.cm1': 'necessary', 'a3a.t2.cm2': 'redundant', 'a3a.t4.cm1': 'necessary', 'a3a.t4.cm3': 'redundant' });
    expect(a.conclusions.find((c) => c.switch === 'a3a.t4.cm1')!.breaks).toEqual(['a3a-monitor/SubscriberKeyNeverLeaves']);
  });
});
