// The threat analysis reader on hand-made texts with one defect each, and on the real clause 7 text (003).
import { describe, expect, it } from 'vitest';
import { catalogueView } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { buildRiskReport } from '../../src/text/buildRiskReport.ts';
import { describeWithSeeds, fixtureText, seedsAvailable, seedText } from './textFixtures.ts';

/** Findings as `line:code`; a fixture that is not read as a threat analysis fails the test rather than finding nothing. */
function defects(name: string, withCatalogue = false): string[] {
  const report = buildRiskReport(fixtureText(name), withCatalogue ? catalogueView : undefined);
  if (report === undefined) throw new Error(`${name} was not read as a threat analysis`);
  return report.findings.map((f) => `${f.line}:${f.code}`);
}

describe('trecheck risk on hand-made texts', () => {
  it('finds nothing in the consistent text, and only notes a risk range "4 or 6" that agrees with its category', () => {
    expect(defects('risk-clean.txt')).toEqual([]);
    expect(defects('risk-range.txt')).toEqual(['66:risk/range']);
    const note = buildRiskReport(fixtureText('risk-range.txt'), undefined)?.findings[0];
    expect(note?.severity).toBe('note');
    expect(note?.message).toBe('Alternative 1 Threat #2: range impact 2 or 3, risk level 4 or 6; both ends, 4 and 6, are major as stated');
  });

  it('says when the ends of a range do not both agree with the stated category', () => {
    const source = fixtureText('risk-range.txt');
    const lines = source.lines.map((l, i) => (i === 61 ? 'Likelihood: 1' : i === 63 ? 'Impact: 3 (or possibly 2)' : i === 65 ? 'Risk Level: 2 or 3 (major)' : l));
    const report = buildRiskReport({ ...source, lines }, undefined);
    expect(report?.findings.find((f) => f.code === 'risk/range')?.message).toBe(
      'Alternative 1 Threat #2: range impact 3 or 2, risk level 2 or 3; the ends do not both agree with the stated category major: 2 is minor, 3 is minor',
    );
    expect(report?.findings.filter((f) => f.severity === 'defect').map((f) => f.code)).toContain('risk/category-mismatch');
  });

  it('keeps a void counter-measure as a note: keeping the slot is normal practice', () => {
    const findings = buildRiskReport(fixtureText('risk-void.txt'), undefined)?.findings ?? [];
    expect(findings.map((f) => [f.line, f.column, f.severity, f.code])).toEqual([[72, 1, 'note', 'risk/void']]);
  });

  it('reports a category name that is not one of the analysis\'s own, once', () => {
    const findings = buildRiskReport(fixtureText('risk-unknown-category.txt'), undefined)?.findings ?? [];
    expect(findings.map((f) => [f.line, f.severity, f.code, f.suggestion])).toEqual([[66, 'defect', 'risk/unknown-category', 'expected major']]);
    expect(findings[0]?.message).toContain('"severe", which is not one of the analysis\'s categories (minor, major, critical)');
  });

  it('reports a typo in a threat number once, not as a cascade of numbering and summary findings', () => {
    const findings = buildRiskReport(fixtureText('risk-threat-typo.txt'), undefined)?.findings ?? [];
    expect(findings.map((f) => [f.line, f.severity, f.code, f.suggestion])).toEqual([[59, 'defect', 'risk/threat-numbering', 'expected Threat #2']]);
    expect(findings[0]?.message).toBe('Alternative 1: Threat #20 is out of sequence after #1; read as Threat #2, which the summary table lists');
  });

  it('reads the same text in Windows-1252 with CRLF, UTF-16LE, and UTF-8 with BOM and CR line ends', () => {
    const clean = buildRiskReport(fixtureText('risk-clean.txt'), undefined);
    for (const name of ['risk-clean-cp1252-crlf.txt', 'risk-clean-utf16le.txt', 'risk-clean-cr.txt']) {
      const other = buildRiskReport(fixtureText(name), undefined);
      expect(other?.findings).toEqual([]);
      expect(other?.analysis.alternatives.map((a) => a.threats.map((t) => [t.number, t.line, t.counterMeasures.length]))).toEqual(
        clean?.analysis.alternatives.map((a) => a.threats.map((t) => [t.number, t.line, t.counterMeasures.length])),
      );
    }
  });

  it.each([
    ['risk-summary-mismatch.txt', ['33:risk/summary-mismatch']],
    ['risk-product-mismatch.txt', ['66:risk/product-mismatch']],
    ['risk-category-mismatch.txt', ['48:risk/category-mismatch']],
    ['risk-cm-numbering.txt', ['57:risk/cm-numbering']],
    ['risk-matrix.txt', ['17:risk/matrix-product']],
  ])('%s: finds exactly its one defect', (name, expected) => {
    expect(defects(name)).toEqual(expected);
  });

  it('reports a summary row repeated identically, which is no mismatch', () => {
    const findings = buildRiskReport(fixtureText('risk-summary-duplicate.txt'), undefined)?.findings ?? [];
    expect(findings.map((f) => [f.line, f.code, f.suggestion])).toEqual([[39, 'risk/summary-duplicate-row', 'delete the row at line 39']]);
    expect(findings[0]?.message).toBe('Alternative 1: summary table lists threat 2 twice, identically (lines 36 and 39)');
  });

  it('reports a summary row repeated with another level, and the level that disagrees with the analysis', () => {
    const findings = buildRiskReport(fixtureText('risk-summary-duplicate-level.txt'), undefined)?.findings ?? [];
    expect(findings.map((f) => `${f.line}:${f.code}`)).toEqual(['39:risk/summary-duplicate-row', '39:risk/summary-mismatch']);
    expect(findings[0]?.message).toBe('Alternative 1: summary table lists threat 1 twice, with different risk levels, "minor" and "major" (lines 33 and 39)');
  });

  it('reports a counter-measure the catalogue has and the text lacks', () => {
    expect(defects('risk-catalogue-missing.txt', true)).toEqual(['6:catalogue/missing-in-text']);
  });
});

describeWithSeeds('trecheck risk on the real threat analysis (003)', () => {
  const report = seedsAvailable() ? buildRiskReport(seedText('003'), catalogueView) : undefined;

  it('reads 12 threats with 74 counter-measures for Alternative 1 and 4 threats with 9 for Alternative 3a', () => {
    const alts = report?.analysis.alternatives ?? [];
    expect(alts.map((a) => [a.id, a.threats.length, a.threats.flatMap((t) => t.counterMeasures.filter((c) => !c.isVoid)).length])).toEqual([
      ['1', 12, 74],
      ['3a', 4, 9],
    ]);
  });

  it('reads the risk matrix and finds it consistent', () => {
    expect(report?.analysis.matrix).toHaveLength(12);
    expect(report?.analysis.impactScale.map((l) => l.value)).toEqual([1, 2, 3, 4]);
  });

  it('finds exactly the real defects: threat 4 summary vs analysis, the odd numbering of Alternative 3a; notes the ranges of t5, t6 and the void t10 cm8', () => {
    expect(report?.findings.map((f) => `${f.line}:${f.code}:${f.severity}`)).toEqual([
      '193:risk/summary-mismatch:defect',
      '364:risk/range:note',
      '393:risk/range:note',
      '518:risk/void:note',
      '633:risk/cm-numbering:defect',
      '652:risk/cm-numbering:defect',
      '667:risk/cm-numbering:defect',
      '679:risk/cm-numbering:defect',
    ]);
  });

  it('agrees with trecheck\'s catalogue (no catalogue finding)', () => {
    expect(report?.findings.filter((f) => f.code.startsWith('catalogue/'))).toEqual([]);
  });
});
