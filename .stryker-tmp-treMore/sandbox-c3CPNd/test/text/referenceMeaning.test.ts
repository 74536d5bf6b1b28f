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
import { measureMeaningCheck, realWrongReferences } from './meaningEvaluation.ts';
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

  it('flags exactly the real wrong references of the unaltered TRE texts: t4 cm5 (network filtering) cited for tamper lockdown', () => {
    const flagged = treTexts.flatMap((p) => checkReferenceMeaning(extractRequirements(seedText(p)).requirements, index).wrong.map((w) => `${p}:${w.line}:${w.cited.key}`));
    expect(flagged).toEqual(realWrongReferences);
  });

  it('judges each cited counter-measure: xref 000 reports t4 cm5 at line 24, which t6 cm5 cited beside it explains', () => {
    const report = buildXrefReport(seedText('000'), targetsFromCatalogue(catalogueView), index);
    const found = report.findings.filter((f) => f.code === 'xref/likely-wrong');
    expect(found.map((f) => [f.line, f.column, f.suggestion])).toEqual([[24, 232, 'check whether t4 cm5 belongs here; without it the reference is [t6 cm5]']]);
    expect(found[0]?.message).toContain('t6 cm5, cited beside it, explains the sentence (0.71');
  });

  it('does not judge a run of one threat\'s counter-measures that way: [t3 cm1, t4 cm1, 2, 3, 4] at 000 line 24 is not flagged', () => {
    const wrong = checkReferenceMeaning(extractRequirements(seedText('000')).requirements, index).wrong;
    expect(wrong.filter((w) => w.cited.threat === 4 && w.cited.number < 5)).toEqual([]);
  });

  it('notes a paragraph-end reference whose sentence is another counter-measure\'s own words: 000 line 78 likely lacks [t7 cm10]', () => {
    const report = buildXrefReport(seedText('000'), targetsFromCatalogue(catalogueView), index);
    const notes = report.findings.filter((f) => f.code === 'xref/likely-missing');
    expect(notes.map((f) => [f.line, f.severity, f.suggestion])).toEqual([
      [68, 'note', 'consider adding [t7 cm11]'],
      [78, 'note', 'consider [t7 cm9, 10]'],
    ]);
    expect(notes[1]?.message).toContain("this sentence alone is t7 cm10's own words (similarity 0.99");
  });

  it('xref 004 reports t4 cm5 at line 66 and nothing else as likely wrong', () => {
    const report = buildXrefReport(seedText('004'), targetsFromCatalogue(catalogueView), index);
    expect(report.findings.filter((f) => f.code === 'xref/likely-wrong').map((f) => [f.line, f.message.slice(0, 31)])).toEqual([[66, 'likely wrong reference: t4 cm5 ']]);
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
    // Line 66's t4 cm5 is the real defect of 004, flagged in the unaltered text too.
    const found = report.findings.filter((f) => f.code === 'xref/likely-wrong' && f.line !== 66);
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
