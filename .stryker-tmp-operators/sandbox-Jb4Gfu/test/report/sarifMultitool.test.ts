// The SARIF of check, check --off, xref, diff and risk as GitHub code scanning takes it: every result located with
// a relative URI and fingerprinted, every rule with a full description and help (checked here on the log itself),
// and no error from Microsoft's validator with the GitHub rules (`validate --rule-kind "Gh;Sarif"`), when it runs.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as Sarif from 'sarif';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { fixturePath } from '../text/textFixtures.ts';
import { findMultitool, multitoolRequired, validateSarif } from './sarifMultitool.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-sarif-gh-'));
const tool = findMultitool();
if (!tool.ok && !multitoolRequired) console.warn(`SARIF validation by sarif-multitool skipped: ${tool.why}`);

// An accepted finding that the run no longer finds: its SARIF result is `absent` and must be located too.
const staleBaseline = join(root, 'stale-baseline.json');
writeFileSync(
  staleBaseline,
  JSON.stringify({
    format: 'trecheck-baseline/2',
    commands: ['check'],
    findings: [{ command: 'check', scenario: 'change-via-pristine', property: 'AtMostOneMcimActive', kind: 'violated', detail: '', options: {} }],
  }),
);

const runs: ReadonlyArray<{ readonly name: string; readonly args: readonly string[] }> = [
  { name: 'check (known findings, a failed scenario)', args: ['check', '--flow', 'change-via-pristine'] },
  { name: 'check --off (an attack with its codeFlow)', args: ['check', '--threat', 't6', '--off', 't6.cm4', '--no-baseline'] },
  { name: 'check against a baseline with a finding gone (absent)', args: ['check', '--flow', 'change-via-pristine', '--baseline', staleBaseline] },
  { name: 'xref (an absolute input path)', args: ['xref', fixturePath('xref-void.txt'), '--no-baseline'] },
  { name: 'diff', args: ['diff', fixturePath('diff-old.txt'), fixturePath('diff-lost.txt'), '--no-baseline'] },
  { name: 'risk', args: ['risk', fixturePath('risk-summary-mismatch.txt'), '--no-baseline'] },
];

async function sarifOf(args: readonly string[], out: string): Promise<{ file: string; log: Sarif.Log }> {
  await runCliCaptured([...args, '--format', 'sarif', '--out', out]);
  const file = join(out, 'report.sarif');
  return { file, log: JSON.parse(readFileSync(file, 'utf8')) as Sarif.Log };
}

describe('SARIF for GitHub code scanning', () => {
  runs.forEach((r, i) => {
    it(`${r.name}: every result located, relative and fingerprinted; every rule described with help`, async () => {
      const { file, log } = await sarifOf(r.args, join(root, `run-${i}`));
      const run = log.runs[0]!;
      const results = run.results ?? [];
      expect(results.length).toBeGreaterThan(0);
      for (const result of results) {
        expect(result.locations?.length).toBeGreaterThan(0);
        expect(Object.keys(result.partialFingerprints ?? {}).length).toBeGreaterThan(0);
        for (const l of result.locations ?? []) {
          const uri = l.physicalLocation?.artifactLocation?.uri;
          if (uri !== undefined) {
            expect(uri.startsWith('/')).toBe(false);
            expect(l.physicalLocation?.artifactLocation?.uriBaseId).toBe('SRCROOT');
            expect(l.physicalLocation?.region?.startLine).toBeGreaterThan(0);
          }
        }
      }
      for (const rule of run.tool.driver.rules ?? []) {
        expect(rule.fullDescription?.text ?? '').not.toBe('');
        expect(rule.help?.text ?? '').not.toBe('');
        expect(rule.shortDescription?.text).not.toContain(rule.id);
      }
      if (tool.ok) expect(validateSarif(tool.binary, file)).toEqual([]);
      else if (multitoolRequired) throw new Error(`sarif-multitool is required here: ${tool.why}`);
    });
  });

  it('locates a model finding at its property\'s definition line and its steps at the transitions they take', async () => {
    const { log } = await sarifOf(['check', '--threat', 't6', '--off', 't6.cm4', '--no-baseline'], join(root, 'located'));
    const result = log.runs[0]!.results!.find((x) => x.ruleId === 'TreFirmwareOnlyFromSupplier')!;
    const at = result.locations![0]!.physicalLocation!;
    expect(at.artifactLocation!.uri).toBe('properties/claims/TreFirmwareOnlyFromSupplier.ts');
    const line = readFileSync(fixturePath('../../../properties/claims/TreFirmwareOnlyFromSupplier.ts'), 'utf8').split('\n')[at.region!.startLine! - 1];
    expect(line).toContain("propertyId('TreFirmwareOnlyFromSupplier')");
    const steps = result.codeFlows![0]!.threadFlows[0]!.locations;
    // 1. attacker>m2me treUpdate: the M2ME's transition on treUpdate; 2. m2me>tre treUpdate: the TRE's.
    expect(steps.map((s) => s.location!.physicalLocation!.artifactLocation!.uri)).toEqual(['models/roles/m2me.ts', 'models/roles/tre.ts']);
    expect(steps[0]!.kinds).toEqual(['attacker']);
    expect(result.message.text).toContain('Scope: within 1 injection, Dolev-Yao over typed messages: ');
  });
});
