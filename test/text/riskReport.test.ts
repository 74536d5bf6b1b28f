// The threat analysis reader on hand-made texts with one defect each, and on the real clause 7 text (003).
import { describe, expect, it } from 'vitest';
import { catalogueView } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { buildRiskReport } from '../../src/text/buildRiskReport.ts';
import { fixtureText, seedText } from './textFixtures.ts';

/** Findings as `line:code`; a fixture that is not read as a threat analysis fails the test rather than finding nothing. */
function defects(name: string, withCatalogue = false): string[] {
  const report = buildRiskReport(fixtureText(name), withCatalogue ? catalogueView : undefined);
  if (report === undefined) throw new Error(`${name} was not read as a threat analysis`);
  return report.findings.map((f) => `${f.line}:${f.code}`);
}

describe('trecheck risk on hand-made texts', () => {
  it('finds nothing in the consistent text, nor with a risk range "4 or 6"', () => {
    expect(defects('risk-clean.txt')).toEqual([]);
    expect(defects('risk-range.txt')).toEqual([]);
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
    ['risk-void.txt', ['72:risk/void']],
    ['risk-matrix.txt', ['17:risk/matrix-product']],
  ])('%s: finds exactly its one defect', (name, expected) => {
    expect(defects(name)).toEqual(expected);
  });

  it('reports a counter-measure the catalogue has and the text lacks', () => {
    expect(defects('risk-catalogue-missing.txt', true)).toEqual(['6:catalogue/missing-in-text']);
  });
});

describe('trecheck risk on the real threat analysis (003)', () => {
  const report = buildRiskReport(seedText('003'), catalogueView);

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

  it('finds exactly the real defects: threat 4 summary vs analysis, the void t10 cm8, the odd numbering of Alternative 3a', () => {
    expect(report?.findings.map((f) => `${f.line}:${f.code}`)).toEqual([
      '193:risk/summary-mismatch',
      '518:risk/void',
      '633:risk/cm-numbering',
      '652:risk/cm-numbering',
      '667:risk/cm-numbering',
      '679:risk/cm-numbering',
    ]);
  });

  it('agrees with trecheck\'s catalogue (no catalogue finding)', () => {
    expect(report?.findings.filter((f) => f.code.startsWith('catalogue/'))).toEqual([]);
  });
});
