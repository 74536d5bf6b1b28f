// The cross-reference lint on hand-made texts with one defect each, and on the real TRE function texts.
import { describe, expect, it } from 'vitest';
import { catalogueView } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { buildXrefReport } from '../../src/text/buildXrefReport.ts';
import { parseThreatAnalysis } from '../../src/text/parseThreatAnalysis.ts';
import { targetsFromAnalysis, targetsFromCatalogue } from '../../src/text/ReferenceTargets.ts';
import { describeWithSeeds, fixtureText, seedText } from './textFixtures.ts';

const catalogueTargets = targetsFromCatalogue(catalogueView);
const lint = (text: ReturnType<typeof fixtureText>) => buildXrefReport(text, catalogueTargets).findings;
const defects = (name: string) => lint(fixtureText(name)).filter((f) => f.severity === 'defect');

describe('trecheck xref on hand-made texts', () => {
  it('finds no defect in well-formed lists, ranges and "through" ranges that skip the void t10 cm8', () => {
    const findings = lint(fixtureText('xref-clean.txt'));
    expect(findings.filter((f) => f.severity === 'defect')).toEqual([]);
    // Everything else is coverage: which counter-measures no function references.
    expect(new Set(findings.map((f) => f.code))).toEqual(new Set(['xref/coverage']));
  });

  it.each([
    ['xref-comma-pair.txt', 12, 'xref/malformed', 'likely meant [t8 cm7]'],
    ['xref-dot-separator.txt', 10, 'xref/malformed', 'likely meant [t4 cm2, 3, 4, t6 cm1]'],
    ['xref-missing-comma.txt', 10, 'xref/malformed', 'likely meant [t4 cm2, 3, 4, t6 cm1]'],
    ['xref-unclosed.txt', 12, 'xref/malformed', 'likely meant [t8 cm7]'],
    ['xref-missing-open.txt', 12, 'xref/malformed', 'likely meant [t8 cm7]'],
    ['xref-no-cm.txt', 12, 'xref/malformed', 'likely meant [t8 cm7]'],
    ['xref-void.txt', 11, 'xref/void', 'likely meant [t10 cm1 - 7, 9 - 11]'],
    ['xref-unknown.txt', 12, 'xref/unknown', 'the nearest that exist: [t8 cm9]'],
  ])('%s: finds exactly its one defect, line %i', (name, line, code, suggestion) => {
    const found = defects(name);
    expect(found.map((f) => [f.line, f.code, f.suggestion])).toEqual([[line, code, suggestion]]);
  });

  it('suggests the nearest counter-measures that are not void when a reference names only a void one', () => {
    const source = fixtureText('xref-clean.txt');
    const found = lint({ ...source, lines: [...source.lines, 'A TRE should do it [t10 cm8].'] }).filter((f) => f.severity === 'defect');
    expect(found.map((f) => [f.code, f.suggestion])).toEqual([['xref/void', 'the nearest counter-measures that are not void: [t10 cm7], [t10 cm9]']]);
  });

  // Each fixture is xref-clean.txt with its last reference (line 12, column 39) written wrong in one way.
  it.each([
    ['xref-uppercase.txt', /"T8", "CM7" in capitals/, 'likely meant [t8 cm7]'],
    ['xref-cm-only.txt', /cm7 has no threat before it/, undefined],
    ['xref-empty.txt', /empty brackets/, undefined],
    ['xref-doubled.txt', /doubled brackets/, 'likely meant [t8 cm7]'],
    ['xref-nested.txt', /a bracket inside the reference/, 'likely meant [t8 cm7]'],
    ['xref-bad-mark.txt', /"c7" at column 43 is not a counter-measure mark \("cm7" was likely meant\)$/, 'likely meant [t8 cm7]'],
    ['xref-split-line.txt', /split across a line break \(lines 12-13\)$/, 'likely meant [t8 cm7]'],
  ])('%s: finds exactly its one defect at line 12, column 39, and says what is wrong', (name, message, suggestion) => {
    const found = defects(name);
    expect(found.map((f) => [f.line, f.column, f.code, f.suggestion])).toEqual([[12, 39, 'xref/malformed', suggestion]]);
    expect(found[0]?.message).toMatch(message);
    expect(found[0]?.message).not.toMatch(/no '\]'/);
  });

  it('notes a duplicate reference without counting it as a defect', () => {
    const findings = lint(fixtureText('xref-duplicate.txt')).filter((f) => f.code !== 'xref/coverage');
    expect(findings.map((f) => [f.line, f.column, f.severity, f.code, f.suggestion])).toEqual([[12, 39, 'note', 'xref/duplicate', '[t8 cm7] says the same']]);
  });
});

describeWithSeeds('trecheck xref on the real TRE function texts', () => {
  const seedDefects = (prefix: string) =>
    buildXrefReport(seedText(prefix), catalogueTargets)
      .findings.filter((f) => f.severity === 'defect')
      .map((f) => `${f.line}:${f.code}`);

  it('000: seven malformed or void references', () => {
    expect(seedDefects('000')).toEqual(['17:xref/malformed', '17:xref/malformed', '36:xref/void', '64:xref/malformed', '68:xref/malformed', '74:xref/malformed', '86:xref/malformed']);
  });

  it('001 and 004 carry the "[t1 cm1, t2, cm3]" slip forward; 004 also cites the void t10 cm8 through "cm 1 - 11"', () => {
    expect(seedDefects('001')).toEqual(['24:xref/malformed']);
    expect(seedDefects('004')).toEqual(['60:xref/malformed', '82:xref/void']);
  });

  it('002 has no references at all: no defect, every threat uncovered', () => {
    const report = buildXrefReport(seedText('002'), catalogueTargets);
    expect(report.references).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'defect')).toEqual([]);
    expect(report.coverage).toHaveLength(12);
    expect(report.coverage.every((c) => c.referenced.length === 0)).toBe(true);
  });

  it('gives the same defects against the analysis text 003 as against the catalogue', () => {
    const analysis = parseThreatAnalysis(seedText('003'));
    const targets = analysis === undefined ? undefined : targetsFromAnalysis(analysis);
    if (targets === undefined) throw new Error('003 has no Alternative 1 analysis');
    const viaText = buildXrefReport(seedText('004'), targets).findings.map((f) => `${f.line}:${f.code}`);
    const viaCatalogue = buildXrefReport(seedText('004'), catalogueTargets).findings.map((f) => `${f.line}:${f.code}`);
    expect(viaText).toEqual(viaCatalogue);
  });

  it('reports t7 cm9 uncovered in 004 (000 cited it for the de-provisioning function)', () => {
    const cov = buildXrefReport(seedText('004'), catalogueTargets).coverage.find((c) => c.threat === 7);
    expect(cov?.unreferenced).toEqual([9, 10, 11]);
    const old = buildXrefReport(seedText('000'), catalogueTargets).coverage.find((c) => c.threat === 7);
    expect(old?.unreferenced).toEqual([10, 11]);
  });
});
