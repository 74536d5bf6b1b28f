// The meaning check of references: on the unaltered seeds, on altered copies of them (a correct reference
// replaced by another counter-measure of the same threat or of another threat), and end to end in xref.
import { expect, it } from 'vitest';
import { catalogueView } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { buildXrefReport } from '../../src/text/buildXrefReport.ts';
import { checkReferenceMeaning } from '../../src/text/checkReferenceMeaning.ts';
import { buildCounterMeasureIndex, type CounterMeasureIndex } from '../../src/text/CounterMeasureIndex.ts';
import { extractRequirements } from '../../src/text/extractRequirements.ts';
import { parseThreatAnalysis } from '../../src/text/parseThreatAnalysis.ts';
import { targetsFromCatalogue } from '../../src/text/ReferenceTargets.ts';
import type { SourceText } from '../../src/text/SourceText.ts';
import { measureMeaningCheck } from './meaningEvaluation.ts';
import { describeWithSeeds, seedsAvailable, seedText } from './textFixtures.ts';

function analysisIndex(): CounterMeasureIndex {
  const analysis = parseThreatAnalysis(seedText('003'));
  const index = analysis === undefined ? undefined : buildCounterMeasureIndex(analysis);
  if (index === undefined) throw new Error('003 has no Alternative 1 analysis');
  return index;
}

// Read only when the TR texts are there: without them every block below is skipped.
const treTexts = ['000', '001', '004'];
const index = seedsAvailable() ? analysisIndex() : (undefined as unknown as CounterMeasureIndex);
const requirements = seedsAvailable() ? treTexts.flatMap((p) => extractRequirements(seedText(p)).requirements) : [];

/** Seed 004 with one line's text replaced, as an editor's slip would alter it. */
function altered004(line: number, from: string, to: string): SourceText {
  const seed = seedText('004');
  const lines = [...seed.lines];
  expect(lines[line - 1]).toContain(from);
  lines[line - 1] = (lines[line - 1] ?? '').replace(from, to);
  return { ...seed, lines };
}

describeWithSeeds('the meaning check of references', () => {
  it('indexes the 74 counter-measures of Alternative 1 of 003, the void t10 cm8 left out', () => {
    expect(index.entries).toHaveLength(74);
    expect(index.entries.some((e) => e.key === 't10.cm8')).toBe(false);
  });

  it('flags no reference of the unaltered TRE texts 000, 001 and 004', () => {
    for (const p of treTexts) expect(checkReferenceMeaning(extractRequirements(seedText(p)).requirements, index).wrong).toEqual([]);
  });

  it.each(['same-threat', 'other-threat'] as const)('has a precision of at least 0.9 on altered copies (%s replacement), and finds a fair share of them', (kind) => {
    const figures = measureMeaningCheck(requirements, index, kind);
    expect(figures.altered).toBeGreaterThan(150);
    expect(figures.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.recall).toBeGreaterThanOrEqual(0.4);
    // Most of the time the better candidate it offers is the counter-measure that was there before the slip.
    expect(figures.candidateIsOriginal / figures.flaggedAltered).toBeGreaterThan(0.6);
  });

  it.each([
    ['t8 cm2', 'the same threat'],
    ['t9 cm2', 'another threat'],
  ])('xref --analysis reports [t8 cm9] replaced by [%s] (%s) at the reference, with both texts and the original as the better one', (replacement) => {
    const source = altered004(84, '[t8 cm9]', `[${replacement}]`);
    const report = buildXrefReport(source, targetsFromCatalogue(catalogueView), index);
    const found = report.findings.filter((f) => f.code === 'xref/likely-wrong');
    expect(found.map((f) => [f.line, f.column, f.severity, f.suggestion])).toEqual([[84, 134, 'defect', 'check whether [t8 cm9] was meant']]);
    expect(found[0]?.message).toContain(`likely wrong reference: ${replacement}`);
    expect(found[0]?.message).toContain('"A TRE may provide a secure audit record of its transactions. Records would typically be protected against unauthorised access"');
  });

  it('notes the reference a sentence probably lacks: 004 dropped [t7 cm9] where the analysis has the sentence as t7 cm10', () => {
    const report = buildXrefReport(seedText('004'), targetsFromCatalogue(catalogueView), index);
    const notes = report.findings.filter((f) => f.code === 'xref/likely-missing');
    expect(notes.map((f) => [f.line, f.severity, f.suggestion])).toEqual([[124, 'note', 'consider adding [t7 cm10]']]);
  });
});
