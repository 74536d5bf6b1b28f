// The version diff on hand-made pairs with one change each, on the real history of the TRE text,
// and the link to properties: affected properties and `--check` re-running exactly those.
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/CliContext.ts';
import { registerDiffWith } from '../../src/cli/commands/diff.ts';
import { ExitCode } from '../../src/cli/exitCodes.ts';
import { alignRequirements } from '../../src/text/alignRequirements.ts';
import { buildDiffReport } from '../../src/text/buildDiffReport.ts';
import { extractRequirements } from '../../src/text/extractRequirements.ts';
import { describeWithSeeds, fixturePath, fixtureText, seedsAvailable, seedText } from './textFixtures.ts';

const diff = (oldName: string, newName: string, coverage = []) =>
  buildDiffReport(extractRequirements(fixtureText(oldName)), extractRequirements(fixtureText(newName)), coverage);
const listed = (r: ReturnType<typeof diff>) => r.entries.filter((e) => !['unchanged', 'renamed'].includes(e.kind)).map((e) => e.kind);

describe('trecheck diff on hand-made pairs', () => {
  it('sees no change when only MID -> MCIM and TE -> TRE were renamed', () => {
    const r = diff('diff-old.txt', 'diff-renamed.txt');
    expect(listed(r)).toEqual([]);
    expect(r.entries.map((e) => e.kind)).toEqual(['renamed', 'renamed', 'renamed', 'renamed']);
    expect(r.findings).toEqual([]);
  });

  it('reports a reworded requirement (should -> may) and no change of support', () => {
    const r = diff('diff-old.txt', 'diff-reworded.txt');
    expect(listed(r)).toEqual(['reworded']);
    expect(r.entries.find((e) => e.kind === 'reworded')?.words).toBe('The TE {-should-} {+may+} support and enforce its own security policy [t6 cm3].');
    expect(r.touched).toEqual(['t6.cm3']);
    expect(r.findings).toEqual([]);
  });

  it('reports a term renamed across several sentences as one rename, not as rewordings', () => {
    const r = diff('diff-old.txt', 'diff-term-renamed.txt');
    expect(listed(r)).toEqual([]);
    expect(r.renames).toContainEqual({ from: 'policy', to: 'rule', sentences: 2 });
    expect(r.touched).toEqual([]);
  });

  it('reports a term replaced in one sentence only as a rewording', () => {
    const r = diff('diff-old.txt', 'diff-reworded.txt');
    expect(r.renames.filter((x) => x.from.includes('should'))).toEqual([]);
  });

  it('reports a removed reference as lost support: the one defect', () => {
    const r = diff('diff-old.txt', 'diff-lost.txt');
    expect(listed(r)).toEqual(['references']);
    expect(r.lost).toEqual([{ counterMeasure: 't6.cm3', lines: [11] }]);
    expect(r.findings.map((f) => [f.file, f.line, f.severity, f.code])).toEqual([['diff-old.txt', 11, 'defect', 'diff/lost-support']]);
  });

  it('reports an added requirement and the support it brings', () => {
    const r = diff('diff-old.txt', 'diff-added.txt');
    expect(listed(r)).toEqual(['added']);
    expect(r.gained).toEqual([{ counterMeasure: 't6.cm5', lines: [13] }]);
    expect(r.findings.map((f) => f.severity)).toEqual(['note']);
  });

  it('recognises a sentence split in two', () => {
    const r = diff('diff-old.txt', 'diff-split.txt');
    expect(listed(r)).toEqual(['split']);
    expect(r.entries.find((e) => e.kind === 'split')?.new).toHaveLength(2);
    expect(r.findings).toEqual([]);
  });

  it('recognises a requirement moved to another clause', () => {
    const r = diff('diff-old.txt', 'diff-moved.txt');
    expect(listed(r)).toEqual(['moved']);
    expect(r.entries.find((e) => e.kind === 'moved')?.movedFrom).toBe('General Functions of the TE');
  });

  it('lists the properties that check a touched counter-measure, and only those', () => {
    const coverage = [
      { id: 'TreEnforcesItsPolicy', counterMeasures: ['t6.cm3'] },
      { id: 'RegistryIsAccurate', counterMeasures: ['t8.cm7'] },
    ];
    const r = buildDiffReport(extractRequirements(fixtureText('diff-old.txt')), extractRequirements(fixtureText('diff-lost.txt')), coverage);
    expect(r.affectedProperties.map((p) => p.id)).toEqual(['TreEnforcesItsPolicy']);
  });
});

describe('trecheck diff --check', () => {
  const run = async (newName: string, coverage: Array<{ id: string; counterMeasures: string[] }>) => {
    const calls: string[][] = [];
    let out = '';
    let code: number = ExitCode.ok;
    const ctx: CliContext = { out: (t) => void (out += t), err: (t) => void (out += t), interactive: false, exit: (c) => void (code = c) };
    const program = new Command().exitOverride();
    registerDiffWith({
      propertyCoverage: coverage,
      rerun: async (ids) => {
        calls.push([...ids]);
        return { code: ExitCode.violated };
      },
    })(program, ctx);
    await program.parseAsync(['diff', fixturePath('diff-old.txt'), fixturePath(newName), '--check'], { from: 'user' });
    return { calls, out, code };
  };

  it('re-runs exactly the affected properties and reports their verdict', async () => {
    const { calls, out, code } = await run('diff-reworded.txt', [
      { id: 'TreEnforcesItsPolicy', counterMeasures: ['t6.cm3'] },
      { id: 'RegistryIsAccurate', counterMeasures: ['t8.cm7'] },
    ]);
    expect(calls).toEqual([['TreEnforcesItsPolicy']]);
    expect(out).toContain('check: re-running TreEnforcesItsPolicy\n');
    expect(code).toBe(ExitCode.violated);
  });

  it('re-runs nothing when no property is affected, and says so', async () => {
    const { calls, out, code } = await run('diff-reworded.txt', [{ id: 'RegistryIsAccurate', counterMeasures: ['t8.cm7'] }]);
    expect(calls).toEqual([]);
    expect(out).toContain('check: nothing to re-run');
    expect(code).toBe(ExitCode.ok);
  });
});

describeWithSeeds('trecheck diff on the real history of the TRE text', () => {
  const voids = new Set(['t10.cm8']);
  const req = (p: string) => extractRequirements(seedText(p));

  it('finds the TRE function clauses of every version', () => {
    expect(['002', '000', '001', '004'].map((p) => [p, req(p).scope, req(p).wholeText])).toEqual([
      ['002', [[12, 66]], false],
      ['000', [[4, 89]], false],
      ['001', [[17, 44]], false],
      ['004', [[42, 131]], false],
    ]);
  });

  it('000 -> 004: t7 cm9 lost its only text support (the de-provisioning function lost its reference)', () => {
    const r = buildDiffReport(req('000'), req('004'), []);
    expect(r.lost).toEqual([{ counterMeasure: 't7.cm9', lines: [78] }]);
    expect(r.gained).toEqual([]);
  });

  it('002 -> 000: the first version with references gains support for 55 counter-measures and loses none; the void t10 cm8 gains nothing', () => {
    const r = buildDiffReport(req('002'), req('000'), [], { voids });
    expect(r.gained).toHaveLength(55);
    expect(r.gained.some((g) => g.counterMeasure === 't10.cm8')).toBe(false);
    expect(r.lost).toEqual([]);
  });

  it('never counts a void counter-measure as losing support', () => {
    const r = buildDiffReport(req('000'), req('002'), [], { voids });
    expect(r.lost.map((l) => l.counterMeasure)).toContain('t10.cm1');
    expect(r.lost.map((l) => l.counterMeasure)).not.toContain('t10.cm8');
  });

  it('000 -> 001: compares only what the pCR 001 quotes (whole clauses, and 5.1.2.2 up to its "End of the First change"), saying so once', () => {
    const r = buildDiffReport(req('000'), req('001'), [], { voids });
    expect(r.excerpt?.sections.map((x) => [x.side, x.title, x.from, x.to, x.afterMarker])).toEqual([
      ['old', 'TRE Functions Related to the Management of MIDs', 54, 68, undefined],
      ['old', 'TRE Functions Related to the Remote Provisioning of MIDs', 72, 86, undefined],
      ['old', 'General Functions of a TRE', 36, 47, 45],
    ]);
    expect(r.findings.filter((f) => f.code === 'diff/excerpt')).toHaveLength(1);
    expect(r.entries.some((e) => e.kind === 'removed' && e.old.some((o) => o.line >= 36))).toBe(false);
    // What 001 dropped inside the part it quotes (000 lines 17 and 19) is still lost; nothing after the marker is.
    expect(r.lost.map((l) => l.counterMeasure)).toEqual(['t7.cm1', 't8.cm1', 't8.cm6']);
  });

  it('001 -> 004: adds nothing that 001 did not quote, and says so once', () => {
    const r = buildDiffReport(req('001'), req('004'), [], { voids });
    expect(r.entries.filter((e) => e.kind === 'added')).toEqual([]);
    expect(r.gained).toEqual([]);
    expect(r.excerpt?.sections.map((x) => [x.side, x.title, x.afterMarker])).toEqual([
      ['new', 'TRE Functions Related to the Management of MCIMs', undefined],
      ['new', 'TRE Functions Related to the Remote Provisioning of MCIMs', undefined],
      ['new', 'General Functions of a TRE', 45],
    ]);
    expect(r.findings.filter((f) => f.code === 'diff/excerpt').map((f) => f.message)).toEqual([expect.stringContaining('those 37 sentences are not compared (not listed as added')]);
  });

  it('000 -> 004: names the renamings it found, MID -> MCIM first', () => {
    const r = buildDiffReport(req('000'), req('004'), [], { voids });
    expect(r.renames[0]).toMatchObject({ from: 'MID', to: 'MCIM' });
    expect(r.renames[0]?.sentences).toBeGreaterThan(10);
    expect(r.renames.map((x) => `${x.from} -> ${x.to}`)).toContain('TrE -> TRE');
  });

  it('000 -> 004: a reference respelled with the same meaning ("through" -> "-") is a note', () => {
    const r = buildDiffReport(req('000'), req('004'), [], { voids });
    const note = r.findings.find((f) => f.code === 'diff/reference-spelling' && f.line === 82);
    expect(note).toMatchObject({ severity: 'note', column: 155, message: '"[t10 cm 1 through 11]" (was line 36) is now written "[t10 cm 1 - 11]": the same counter-measures' });
  });

  it('reports every sentence of 004 that an editor splits in two at a comma as exactly one split of that sentence', () => {
    const seed = seedText('004');
    const before = extractRequirements(seed);
    let tried = 0;
    for (const r of before.requirements) {
      // The first comma outside a reference with at least five words on each side.
      const at = [...r.text.matchAll(/, /g)].map((m) => m.index).find((k) => !/\[[^\]]*$/.test(r.text.slice(0, k)) && r.text.slice(0, k).split(' ').length >= 5 && r.text.slice(k).split(' ').length >= 5);
      const line = seed.lines[r.line - 1] ?? '';
      if (at === undefined || !line.includes(r.text)) continue;
      const rest = r.text.slice(at + 2);
      const lines = [...seed.lines];
      lines[r.line - 1] = line.replace(r.text, `${r.text.slice(0, at)}. ${rest.charAt(0).toUpperCase()}${rest.slice(1)}`);
      const d = buildDiffReport(before, extractRequirements({ ...seed, lines }), []);
      const changed = d.entries.filter((e) => e.kind !== 'unchanged' && e.kind !== 'renamed');
      expect(changed.map((e) => [e.kind, e.old.map((o) => o.line), e.new.map((n) => n.line)]), `split of line ${r.line}`).toEqual([['split', [r.line], [r.line, r.line]]]);
      tried += 1;
    }
    expect(tried).toBeGreaterThanOrEqual(15);
  });

  it('aligns the MID text of 000 with the MCIM text of 004 sentence by sentence', () => {
    const o = req('000').requirements;
    const n = req('004').requirements;
    const groups = alignRequirements(o, n);
    const registry = groups.find((g) => g.new.some((j) => n[j]?.line === 103));
    expect(registry?.old.map((i) => o[i]?.line)).toEqual([61]);
    expect(registry?.similarity).toBe(1);
  });
});

describe.skipIf(!seedsAvailable())('trecheck diff: a reference covers its paragraph, as in xref', () => {
  /** 004 with the first sentence of line 98 (covered by the paragraph's [t6 cm5, t8 cm8]) changed. */
  const edited = (to: string) => {
    const seed = seedText('004');
    const from = 'A TRE should check the integrity of MCIMs as part of a secure boot process whenever the TRE is reset. ';
    const lines = seed.lines.map((l, i) => (i === 97 ? l.replace(from, to) : l));
    expect(lines[97]).not.toBe(seed.lines[97]);
    return buildDiffReport(extractRequirements(seed), extractRequirements({ ...seed, lines }), []);
  };

  it('a reworded sentence that cites nothing touches what its paragraph cites', () => {
    const r = edited('A TRE should check the integrity of MCIMs whenever the TRE is reset. ');
    const e = r.entries.find((x) => x.kind === 'reworded');
    expect(e?.covered).toEqual([{ side: 'new', counterMeasures: ['t6.cm5', 't8.cm8'], lines: [98] }]);
    expect(r.touched).toEqual(['t6.cm5', 't8.cm8']);
  });

  it('so does a deleted one', () => {
    const r = edited('');
    expect(r.entries.filter((x) => x.kind === 'removed').map((x) => x.covered)).toEqual([[{ side: 'old', counterMeasures: ['t6.cm5', 't8.cm8'], lines: [98] }]]);
    expect(r.touched).toEqual(['t6.cm5', 't8.cm8']);
  });
});
