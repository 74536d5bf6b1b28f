// Transcript tests of the report flags: a good run, a violation, a known finding under a baseline, a
// regression against a baseline, a bad --format, an unreadable baseline (one line, exit 2), --update-baseline.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'trecheck-flags-'));
const file = (name: string, data: unknown): string => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};
const finding = (property: string, kind = 'violated') => ({ command: 'explore', scenario: 'needham-schroeder', property, kind, detail: '' });
const baseline = (...findings: unknown[]) => ({ format: 'trecheck-baseline/1', findings });
const untimed = (text: string): string => text.replace(/\d+ ms\b/g, '<ms>');
/** Lowe's attack: both properties of needham-schroeder are violated. */
const ns = ['explore', 'needham-schroeder', '--workers', '1'];

describe('report flags', () => {
  it('good run: exit 0, the reports written and named', async () => {
    const out = join(dir, 'good');
    const r = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--out', out, '--format', 'md', '--format', 'junit', '--no-baseline']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').at(-2)).toBe(`reports: ${join(out, 'report.md')}, ${join(out, 'junit.xml')}`);
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toContain('| needham-schroeder-lowe | ResponderAgreesWithInitiator |  |  | holds-exhaustively | depth 4, complete (62 states) |');
  });

  it('violation: exit 1, traces saved under the output folder', async () => {
    const out = join(dir, 'bad');
    const r = await runCliCaptured([...ns, '--out', out, '--format', 'json', '--no-baseline']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`replay: trecheck replay ${join(out, 'traces', 'needham-schroeder.ResponderAgreesWithInitiator.exhaustive.json')}`);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toMatchObject({ format: 'trecheck-report/1', command: 'explore', exitCode: 1 });
  });

  it('known findings under a baseline: listed as known, exit 0', async () => {
    const b = file('known.json', baseline(finding('ResponderAgreesWithInitiator'), finding('ResponderNonceStaysSecret')));
    const r = await runCliCaptured([...ns, '--out', join(dir, 'known'), '--baseline', b, '--format', 'sarif']);
    expect(r.code).toBe(0);
    const lines = untimed(r.stdout).split('\n').filter((l) => l.startsWith('baseline:'));
    expect(lines).toEqual([
      'baseline: known: needham-schroeder ResponderAgreesWithInitiator: violated, accepted in the baseline',
      'baseline: known: needham-schroeder ResponderNonceStaysSecret: violated, accepted in the baseline',
    ]);
    const sarif = JSON.parse(readFileSync(join(dir, 'known', 'report.sarif'), 'utf8')) as { runs: { results: { baselineState: string }[] }[] };
    expect(sarif.runs[0]!.results.map((x) => x.baselineState)).toEqual(['unchanged', 'unchanged']);
  });

  it('regression against a baseline: a new finding and a changed verdict fail (exit 1) and say what changed', async () => {
    const b = file('regress.json', baseline(finding('ResponderNonceStaysSecret', 'inconclusive')));
    const r = await runCliCaptured([...ns, '--out', join(dir, 'regress'), '--baseline', b]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('baseline: NEW: needham-schroeder ResponderAgreesWithInitiator: violated, not in the baseline\n');
    expect(r.stdout).toContain('baseline: CHANGED: needham-schroeder ResponderNonceStaysSecret: inconclusive in the baseline, now violated\n');
  });

  it('regression against a baseline: an accepted finding that disappeared fails (exit 1)', async () => {
    const b = file('gone.json', baseline({ ...finding('ResponderAgreesWithInitiator'), scenario: 'needham-schroeder-lowe' }));
    const r = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--out', join(dir, 'gone'), '--baseline', b]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('baseline: DISAPPEARED: needham-schroeder-lowe ResponderAgreesWithInitiator: violated in the baseline, not found now');
  });

  it('a baseline about other commands or scenarios changes nothing', async () => {
    const b = file('other.json', baseline({ command: 'check', scenario: 'change-via-pristine', property: 'HonestRunEndsAtGoal', kind: 'violated', detail: '' }));
    const r = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--out', join(dir, 'other'), '--baseline', b]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('baseline:');
  });

  it('--update-baseline accepts the findings: the next run exits 0', async () => {
    const b = join(dir, 'fresh', 'baseline.json');
    const first = await runCliCaptured([...ns, '--out', join(dir, 'up'), '--baseline', b, '--update-baseline']);
    expect(first.stdout).toContain(`baseline: wrote ${b} (2 accepted finding(s))`);
    expect(first.code).toBe(0);
    const again = await runCliCaptured([...ns, '--out', join(dir, 'up'), '--baseline', b]);
    expect(again.code).toBe(0);
  });

  it('text tools: a known defect under a baseline exits 0', async () => {
    const text = file('xref.txt', '5.1.2 Functions of a TRE\nThe TRE shall do it [t1 cm1, t2, cm3].\n');
    const b = join(dir, 'xref-baseline.json');
    expect((await runCliCaptured(['xref', text, '--baseline', b, '--update-baseline'])).code).toBe(0);
    const r = await runCliCaptured(['xref', text, '--baseline', b]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/baseline: known: \S+xref\.txt xref\/malformed \(malformed reference/);
  });

  const bad: [string, string[], RegExp][] = [
    ['a bad --format', [...ns, '--format', 'pdf'], /^trecheck: unknown --format 'pdf'; expected one of: md, html, json, sarif, junit$/],
    ['a missing baseline', [...ns, '--baseline', join(dir, 'nope.json')], /^trecheck: cannot read baseline .*nope\.json: ENOENT$/],
    ['a baseline that is not JSON', [...ns, '--baseline', file('notjson.json', '{oops')], /^trecheck: baseline .*notjson\.json is not JSON: /],
    ['a baseline of another format', [...ns, '--baseline', file('wrong.json', { format: 'x', findings: [] })], /^trecheck: baseline .*wrong\.json: not a trecheck-baseline\/2 file: format: /],
    ['a report that is not a report', ['report', file('r.json', { format: 'trecheck-report/1' })], /^trecheck: .*r\.json: not a trecheck-report\/1 file: command: /],
    ['--update-baseline with --no-baseline', [...ns, '--no-baseline', '--update-baseline'], /^trecheck: --update-baseline needs a baseline file: drop --no-baseline$/],
  ];
  for (const [what, argv, message] of bad) {
    it(`rejects ${what} with one line and exit code 2`, async () => {
      const r = await runCliCaptured(argv);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    });
  }

  it('--version prints the version of trecheck', async () => {
    const r = await runCliCaptured(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
