// The baseline format: entries remember the options that produced them; a /1 file is read as entries of default runs.
import { describe, expect, it } from 'vitest';
import { parseBaseline } from '../../src/report/Baseline.ts';
import { compareBaseline, updatedBaseline } from '../../src/report/compareBaseline.ts';
import type { Report } from '../../src/report/Report.ts';

const report = (findingOptions: Record<string, unknown>): Report => ({
  format: 'trecheck-report/1',
  command: 'xref',
  title: 'xref a.txt',
  provenance: { tool: 'trecheck', version: '0', node: 'v20', options: {} },
  findingOptions,
  scenarios: [],
  textFindings: [{ tool: 'xref', file: 'a.txt', line: 3, severity: 'defect', code: 'xref/void', message: 'void t10 cm8' }],
  textFiles: ['a.txt'],
  diagrams: [],
});

describe('baseline entries remember their options', () => {
  it('upgrades a trecheck-baseline/1 file: its entries get the options of a default run', () => {
    const read = parseBaseline({ format: 'trecheck-baseline/1', findings: [{ command: 'check', scenario: 's', property: 'P', kind: 'violated', detail: '' }] });
    expect(read).toEqual({ ok: true, baseline: { format: 'trecheck-baseline/2', findings: [{ command: 'check', scenario: 's', property: 'P', kind: 'violated', detail: '', options: {} }] } });
  });

  it('refuses a /2 entry without options', () => {
    const read = parseBaseline({ format: 'trecheck-baseline/2', findings: [{ command: 'check', scenario: 's', property: 'P', kind: 'violated', detail: '' }] });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.message).toMatch(/^not a trecheck-baseline\/2 file: findings\.0\.options: /);
  });

  it('compares a run only with the entries of its own options, and keeps the others on update', () => {
    const withAnalysis = report({ analysis: 'x' });
    const accepted = updatedBaseline(withAnalysis, undefined);
    expect(accepted.findings.map((f) => f.options)).toEqual([{ analysis: 'x' }]);
    expect(compareBaseline(withAnalysis, accepted)).toMatchObject({ known: [{ property: 'xref/void' }], new: [], disappeared: [], exitCode: 0 });
    const plain = report({});
    expect(compareBaseline(plain, accepted)).toMatchObject({ known: [], new: [{ property: 'xref/void' }], disappeared: [], exitCode: 1 });
    const both = updatedBaseline(plain, accepted);
    expect(both.findings.map((f) => f.options)).toEqual([{ analysis: 'x' }, {}]);
    expect(compareBaseline({ ...plain, textFindings: [] }, both)).toMatchObject({ disappeared: [{ property: 'xref/void' }], exitCode: 1 });
  });
});

describe('xref remembers the analysis text it was checked against', () => {
  it('records a digest of --analysis in its entries, and a plain xref is not compared with them', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { runCliCaptured } = await import('../../src/cli/main.ts');
    const { fixturePath } = await import('../text/textFixtures.ts');
    const dir = mkdtempSync(join(tmpdir(), 'trecheck-xref-baseline-'));
    const file = join(dir, 'baseline.json');
    const args = ['xref', fixturePath('xref-void.txt'), '--baseline', file, '--out', dir];
    expect((await runCliCaptured([...args, '--analysis', fixturePath('risk-clean.txt'), '--update-baseline'])).code).toBe(0);
    const read = parseBaseline(JSON.parse((await import('node:fs')).readFileSync(file, 'utf8')));
    expect(read.ok && read.baseline.findings.every((f) => typeof f.options['analysis'] === 'string')).toBe(true);
    const plain = await runCliCaptured(args);
    expect(plain.code).toBe(1);
    expect(plain.stdout).toContain('baseline: NEW: ');
    expect(plain.stdout).not.toContain('DISAPPEARED');
  });
});
