// Transcript tests of `trecheck risk`, `xref` and `diff` on the real TR texts and on hand-made fixtures:
// exit code and full output pinned by reviewed golden files (test/golden/text).
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { describeWithSeeds, seedsAvailable } from '../text/textFixtures.ts';
import { expectGolden, fixture, seed, transcript } from './textTranscript.ts';

const cases: ReadonlyArray<{ golden: string; args: string[]; code: number }> = [
  // risk: 003 is the threat analysis; 001 quotes Threat #5; the others are not threat analyses.
  { golden: 'risk-003.txt', args: ['risk', seed('003')], code: 1 },
  { golden: 'risk-003.json', args: ['risk', seed('003'), '--json'], code: 1 },
  { golden: 'risk-001.txt', args: ['risk', seed('001')], code: 0 },
  { golden: 'risk-000.txt', args: ['risk', seed('000')], code: 2 },
  { golden: 'risk-002.txt', args: ['risk', seed('002')], code: 2 },
  { golden: 'risk-004.txt', args: ['risk', seed('004')], code: 2 },
  // xref: every TRE function text, against the catalogue and against 003.
  { golden: 'xref-000.txt', args: ['xref', seed('000')], code: 1 },
  { golden: 'xref-000-analysis-003.txt', args: ['xref', seed('000'), '--analysis', seed('003')], code: 1 },
  { golden: 'xref-001.txt', args: ['xref', seed('001')], code: 1 },
  { golden: 'xref-002.txt', args: ['xref', seed('002')], code: 0 },
  { golden: 'xref-003.txt', args: ['xref', seed('003')], code: 2 },
  { golden: 'xref-004.txt', args: ['xref', seed('004')], code: 1 },
  { golden: 'xref-004.json', args: ['xref', seed('004'), '--json'], code: 1 },
  { golden: 'xref-004-analysis-003.txt', args: ['xref', seed('004'), '--analysis', seed('003')], code: 1 },
  // diff: the history of the TRE text, 002 -> 000 -> 001 -> 004, and 000 -> 004 directly.
  { golden: 'diff-002-000.txt', args: ['diff', seed('002'), seed('000')], code: 0 },
  { golden: 'diff-000-001.txt', args: ['diff', seed('000'), seed('001')], code: 1 },
  { golden: 'diff-001-004.txt', args: ['diff', seed('001'), seed('004')], code: 0 },
  { golden: 'diff-000-004.txt', args: ['diff', seed('000'), seed('004')], code: 1 },
  { golden: 'diff-000-004.json', args: ['diff', seed('000'), seed('004'), '--json'], code: 1 },
  { golden: 'diff-003-004.txt', args: ['diff', seed('003'), seed('004')], code: 2 },
];

describeWithSeeds('text commands on the real TR texts', () => {
  for (const c of cases) {
    it(`trecheck ${c.args[0]} ${c.golden} exits ${c.code} and matches its golden transcript`, async () => {
      const { code, text } = await transcript(c.args);
      expect(code).toBe(c.code);
      expectGolden(c.golden, text);
    });
  }

  it('prints valid JSON with --json', async () => {
    const { text } = await transcript(['xref', seed('004'), '--json']);
    const json = text.split('--- stdout\n')[1]?.split('--- stderr\n')[0] ?? '';
    const parsed = JSON.parse(json) as { defects: number; findings: unknown[] };
    expect(parsed.defects).toBe(2);
  });
});

describe('text commands on unreadable input', () => {
  it('exits 2 with one line for a missing file', async () => {
    const { code, text } = await transcript(['risk', fixture('no-such-file.txt')]);
    expect(code).toBe(2);
    expect(text).toContain('--- stderr\ntrecheck: <fixtures>/no-such-file.txt: no such file\n');
  });

  it('exits 2 with one line for a binary file', async () => {
    const { code, text } = await transcript(['xref', fixture('binary.bin')]);
    expect(code).toBe(2);
    expect(text).toMatch(/--- stderr\ntrecheck: <fixtures>\/binary.bin: looks like a binary file [^\n]*\n$/);
  });

  it.skipIf(!seedsAvailable())('exits 2 when --analysis is not a threat analysis', async () => {
    const { code, text } = await transcript(['xref', seed('004'), '--analysis', seed('000')]);
    expect(code).toBe(2);
    expect(text).toMatch(/--- stdout\n--- stderr\ntrecheck: [^\n]*no threat analysis of Alternative 1 found[^\n]*\n$/);
  });

  it('prints a JSON error object on stdout when --json was asked for, and keeps the one line on stderr', async () => {
    const { code, stdout, stderr } = await runCliCaptured(['xref', fixture('binary.bin'), '--json']);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(stdout) as { error: { exitCode: number; message: string } };
    expect(parsed.error.exitCode).toBe(2);
    expect(`trecheck: ${parsed.error.message}\n`).toBe(stderr);
  });

  it('refuses a file above --max-bytes with one line naming the flag, and reads it when the limit is raised', async () => {
    const small = await runCliCaptured(['xref', fixture('xref-clean.txt'), '--max-bytes', '100']);
    expect(small.code).toBe(2);
    expect(small.stderr).toMatch(/^trecheck: .*xref-clean\.txt: \d+ bytes is more than the limit of 100 bytes for a TR text \(raise it with --max-bytes\)\n$/);
    expect((await runCliCaptured(['xref', fixture('xref-clean.txt'), '--max-bytes', '100000'])).code).toBe(0);
    expect((await runCliCaptured(['risk', fixture('risk-clean.txt'), '--max-bytes', 'lots'])).stderr).toMatch(/--max-bytes must be a whole number/);
  });

  it('exits 2 when diff is given a directory', async () => {
    const { code, text } = await transcript(['diff', fixture(''), seed('004')]);
    expect(code).toBe(2);
    expect(text).toContain('not a regular file');
  });
});

describe('text commands on hand-made texts with one defect each', () => {
  it('risk --no-catalogue reports the one inconsistency and exits 1', async () => {
    const { code, text } = await transcript(['risk', '--no-catalogue', fixture('risk-summary-mismatch.txt')]);
    expect(code).toBe(1);
    expect(text).toContain('<fixtures>/risk-summary-mismatch.txt: 1 defect, 0 notes');
  });

  it('risk exits 0 on a consistent text, even in UTF-16', async () => {
    const { code, text } = await transcript(['risk', '--no-catalogue', fixture('risk-clean-utf16le.txt')]);
    expect(code).toBe(0);
    expect(text).toContain('0 defects, 0 notes');
  });

  it('diff exits 1 only when a counter-measure loses all text support', async () => {
    expect((await transcript(['diff', fixture('diff-old.txt'), fixture('diff-lost.txt')])).code).toBe(1);
    expect((await transcript(['diff', fixture('diff-old.txt'), fixture('diff-reworded.txt')])).code).toBe(0);
  });

  it('diff --check says there is nothing to re-run while no property covers a changed counter-measure', async () => {
    const { code, text } = await transcript(['diff', fixture('diff-old.txt'), fixture('diff-lost.txt'), '--check']);
    expect(code).toBe(1);
    expect(text).toContain('check: nothing to re-run; affected properties: none');
  });
});
