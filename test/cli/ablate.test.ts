// `trecheck ablate` on a small scope (threats t6 and t10): the matrix agrees with cells computed directly with
// `check --off`, attacks replay, the same run gives the same JSON, shards merge into the same matrix, a cell cut
// short is inconclusive (exit 3), and bad input is one line with exit 2.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AblationReport } from '../../src/cli/ablate/AblationReport.ts';
import { startCellProgress } from '../../src/cli/ablate/runCells.ts';
import { runCliCaptured } from '../../src/cli/main.ts';

const scope = ['--threat', 't6', '--threat', 't10', '--workers', '1'];
const fresh = (): string => mkdtempSync(join(tmpdir(), 'trecheck-ablate-'));
const read = (dir: string): AblationReport => JSON.parse(readFileSync(join(dir, 'ablation.json'), 'utf8')) as AblationReport;
/** The report without what depends on the machine or the folder: timings and trace paths. */
const stable = (r: AblationReport): unknown => JSON.parse(JSON.stringify({ ...r, millis: 0 }).replace(/"trace":"[^"]*"/g, '"trace":""'));

describe('ablate off a terminal (CI)', () => {
  it('prints a whole progress line every few seconds, even while a cell runs, and the last one when done', async () => {
    const lines: string[] = [];
    const ctx = { out: () => {}, err: (t: string) => void lines.push(t), interactive: false, exit: () => {} };
    const progress = startCellProgress(ctx, 4, 1, 20);
    progress.update(2);
    await new Promise((r) => setTimeout(r, 70));
    progress.update(4);
    progress.stop();
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines.every((l) => /^ablate: \d\/4 cells \(1 cached\), \d+ s[^\r]*\n$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^ablate: 4\/4 cells/);
  });

  it('writes into reports/latest unless --out says otherwise (the committed matrix: npm run ablation)', async () => {
    const help = await runCliCaptured(['ablate', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(default: "reports/latest")');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['ablation']).toMatch(/ablate .*--out reports$/);
  });
});

describe('trecheck ablate', () => {
  const out = fresh();
  let report: AblationReport;

  it('finds every switch of t6 and t10 necessary or explained (the two sentences of 5.1.2.2 only together), with the shortest attacks, and exits 0', async () => {
    const r = await runCliCaptured(['ablate', ...scope, '--out', out, '--no-cache']);
    // Off a terminal, only whole progress lines (every few seconds, when the run is that long).
    expect(r.stderr.split('\n').filter((l) => l !== '' && !/^ablate: \d+\/\d+ cells \(\d+ cached\), \d+ s/.test(l))).toEqual([]);
    expect(r.code).toBe(0);
    report = read(out);
    expect(report.switches).toEqual(['t6.cm4', 't6.cm5', 't4.cm2', 't4.cm3', 't10.cm6', 't10.cm7', 't10.cm5', 't10.cm10']);
    expect(report.conclusions.filter((c) => c.status !== 'necessary').map((c) => c.switch)).toEqual(['t4.cm2', 't4.cm3']);
    expect(report.matrix['t6.cm4']!['TreFirmwareOnlyFromSupplier']).toMatchObject({ result: 'violated', steps: 2, scenario: 't6-firmware', replayed: true });
    expect(report.matrix['t10.cm7']!['RemoteGuessesCannotLockPlatform']).toMatchObject({ result: 'violated', steps: 3, replayed: true });
    expect(report.matrix['t10.cm6']!['TreFirmwareOnlyFromSupplier']).toMatchObject({ result: 'holds', scenarios: 3 });
    expect(report.suspects).toEqual([]);
    expect(r.stdout).toContain('6 of 8 switches necessary; suspect properties: none; inconclusive cells: 0');
  });

  it('agrees with check run directly on a few cells', async () => {
    for (const [off, threat] of [['t6.cm4', 't6'], ['t10.cm6', 't10'], ['t4.cm2', 't6']] as const) {
      const c = await runCliCaptured(['check', '--threat', threat, '--off', off, '--no-baseline', '--format', 'json', '--out', fresh(), '--json']);
      const json = JSON.parse(c.stdout) as { scenarios: { properties: { property: string; verdict: string; steps?: number }[] }[] };
      // A cell is the property over every scenario of the threat: violated in one of them, with its shortest attack.
      const verdicts = json.scenarios.flatMap((s) => s.properties);
      for (const property of new Set(verdicts.map((p) => p.property))) {
        const violations = verdicts.filter((p) => p.property === property && p.verdict === 'violated');
        const cell = report.matrix[off]![property]!;
        expect(cell.result === 'violated').toBe(violations.length > 0);
        if (cell.result === 'violated') expect(cell.steps).toBe(Math.min(...violations.map((p) => p.steps!)));
      }
    }
  });

  it('writes the same matrix again (cached or not), and a heat map with one cell per switch and property', async () => {
    const again = fresh();
    const r = await runCliCaptured(['ablate', ...scope, '--out', again, '--no-cache']);
    expect(r.code).toBe(0);
    expect(stable(read(again))).toEqual(stable(report));
    const svg = readFileSync(join(out, 'ablation-heatmap.svg'), 'utf8');
    expect(svg.match(/<rect x="\d+" y="\d+" width="20" height="20"/g)).toHaveLength(report.switches.length * report.properties.length);
    expect(readFileSync(join(out, 'ablation.md'), 'utf8')).toContain('| t6.cm4 |');
  });

  it('merges shards into the same matrix', async () => {
    const dir = fresh();
    for (const shard of ['1/2', '2/2']) expect((await runCliCaptured(['ablate', ...scope, '--shard', shard, '--out', dir, '--no-cache'])).code).toBe(0);
    const merged = await runCliCaptured(['merge', join(dir, 'ablation.shard-1-of-2.json'), join(dir, 'ablation.shard-2-of-2.json'), '--out', dir]);
    expect(merged.code).toBe(0);
    expect(stable(read(dir))).toEqual(stable(report));
    const partial = await runCliCaptured(['merge', join(dir, 'ablation.shard-1-of-2.json'), '--out', dir]);
    expect(partial.code).toBe(2);
    expect(partial.stderr).toBe('trecheck: missing shard(s) 2/2: the matrix would be incomplete\n');
  });

  it('reports a cell cut short by the state bound as inconclusive, exit 3', async () => {
    const r = await runCliCaptured(['ablate', '--threat', 't10', '--max-states', '50', '--out', fresh(), '--no-cache', '--workers', '1']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/inconclusive cells: [1-9]/);
  });

  it('reports a cell cut short by its memory budget (--max-memory) as inconclusive, exit 3, and says the budget', async () => {
    const out = fresh();
    const r = await runCliCaptured(['ablate', '--threat', 't10', '--max-memory', '1M', '--out', out, '--no-cache', '--workers', '1']);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/inconclusive cells: [1-9]/);
    expect(read(out).options).toMatchObject({ maxMemory: 2 ** 20 });
    expect(readFileSync(join(out, 'ablation.md'), 'utf8')).toContain('at most 600,000 states and 1,048,576 bytes of memory a cell');
  });

  it('does not merge shards searched with different memory budgets', async () => {
    const dir = fresh();
    const shard = (i: string, ...more: string[]) => runCliCaptured(['ablate', '--threat', 't10', '--shard', i, '--out', dir, '--no-cache', '--workers', '1', ...more]);
    expect((await shard('1/2', '--max-memory', '16G')).code).toBe(0);
    expect((await shard('2/2')).code).toBe(0);
    const merged = await runCliCaptured(['merge', join(dir, 'ablation.shard-1-of-2.json'), join(dir, 'ablation.shard-2-of-2.json'), '--out', dir]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/is a shard of a different ablation/);
  });

  it('checks --out before any search: a file is one line, exit 2', async () => {
    const file = join(fresh(), 'a-file');
    writeFileSync(file, '');
    for (const command of [['ablate'], ['check', '--flow', 'initial-3gpp']]) {
      const r = await runCliCaptured([...command, '--out', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`trecheck: --out ${file}: is a file, not a folder\n`);
    }
  });

  it.each([
    [['--threat', 't13'], "trecheck: unknown threat 't13'; expected t1 to t12\n"],
    [['--shard', '3/2'], 'trecheck: --shard must be i/n with 1 <= i <= n (for example 1/2), got "3/2"\n'],
    [['--pairs', '--shard', '1/2'], 'trecheck: --pairs plans its cells from the single-switch results: run it unsharded\n'],
    [['--max-states', '0'], 'trecheck: --max-states must be a whole number of at least 1, got "0"\n'],
    [['--max-memory', '4x'], 'trecheck: --max-memory must be a size in bytes, with K, M, G or T for binary multiples (for example 4G), got "4x"\n'],
  ])('rejects %j in one line, exit 2', async (args, message) => {
    const r = await runCliCaptured(['ablate', ...args, '--out', fresh()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(message);
  });
});
