// trecheck's counter-measure catalogue: complete, consistent with the risk rules, with loud lookups,
// and in agreement with the threat analysis text it was taken from (seed 003).
import { describe, expect, it } from 'vitest';
import { catalogueView, counterMeasure, counterMeasureCatalogue, threatRecords, type KnownCounterMeasureId } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { counterMeasureIdOf, parseCounterMeasureId } from '../../properties/catalogue/CounterMeasureId.ts';
import { checkAgainstCatalogue } from '../../src/text/checkAgainstCatalogue.ts';
import { parseThreatAnalysis } from '../../src/text/parseThreatAnalysis.ts';
import { sourceFromBytes } from '../../src/text/readSourceText.ts';
import { riskCategory } from '../../src/text/riskCategory.ts';
import { fixtureText, seedsAvailable, seedText } from '../text/textFixtures.ts';

describe('counter-measure catalogue', () => {
  it('holds the 74 counter-measures of Alternative 1 and the 9 of Alternative 3a', () => {
    expect(counterMeasureCatalogue.filter((c) => c.alternative === '1')).toHaveLength(74);
    expect(counterMeasureCatalogue.filter((c) => c.alternative === '3a')).toHaveLength(9);
    expect(new Set(counterMeasureCatalogue.map((c) => c.id)).size).toBe(counterMeasureCatalogue.length);
  });

  it('keeps the TR\'s own numbers: t10 cm8 is void, Alternative 3a starts at 6, 8, 8, 7', () => {
    expect(threatRecords.find((t) => t.alternative === '1' && t.threat === 10)?.voidNumbers).toEqual([8]);
    expect(counterMeasure('t10.cm9').textNumber).toBe(9);
    const firsts = [1, 2, 3, 4].map((t) => counterMeasureCatalogue.find((c) => c.alternative === '3a' && c.threat === t)?.textNumber);
    expect(firsts).toEqual([6, 8, 8, 7]);
    expect(counterMeasure('a3a.t2.cm1').textNumber).toBe(8);
  });

  it('states risks that are likelihood x impact, in the category of TR 7.1.1.2', () => {
    for (const t of threatRecords) {
      const products = t.likelihood.flatMap((l) => t.impact.map((i) => l * i));
      expect([...new Set(products)].sort((a, b) => a - b)).toEqual([...t.risk]);
      expect(new Set(t.risk.map(riskCategory))).toEqual(new Set([t.category]));
    }
  });

  it('gives a reason for every counter-measure that cannot be modelled, and only for those', () => {
    for (const c of counterMeasureCatalogue) {
      expect(c.summary.length).toBeGreaterThan(10);
      expect(c.modelable).toBe(c.notModelableBecause === undefined);
    }
    expect(counterMeasure('t4.cm1').modelable).toBe(false);
    expect(counterMeasure('a3a.t1.cm1').notModelableBecause).toMatch(/contract/);
  });

  it('looks up by id, and fails loudly with the threat\'s real ids for an unknown one', () => {
    expect(counterMeasure('t5.cm3').threatRecord.title).toMatch(/Replacing a TRE/);
    expect(() => counterMeasure('t5.cm9' as KnownCounterMeasureId)).toThrow(/unknown counter-measure id "t5.cm9"; threat 5 has t5.cm1, t5.cm2, t5.cm3, t5.cm4, t5.cm5, t5.cm6/);
    expect(() => counterMeasure('t10.cm8' as KnownCounterMeasureId)).toThrow(/unknown counter-measure id/);
    expect(() => counterMeasure('T5-3' as KnownCounterMeasureId)).toThrow(/ids look like t5.cm3/);
  });

  it('builds and parses both id forms', () => {
    expect(counterMeasureIdOf('1', 5, 3)).toBe('t5.cm3');
    expect(counterMeasureIdOf('3a', 2, 1)).toBe('a3a.t2.cm1');
    expect(parseCounterMeasureId('a3a.t2.cm1')).toEqual({ alternative: '3a', threat: 2, number: 1 });
    expect(parseCounterMeasureId('t5cm3')).toBeUndefined();
  });
});

describe('catalogue against the threat analysis text', () => {

  it.skipIf(!seedsAvailable())('agrees with 003 entry by entry: same counter-measures, void slots, likelihoods and impacts', () => {
    const analysis = parseThreatAnalysis(seedText('003'));
    expect(analysis).toBeDefined();
    if (analysis !== undefined) expect(checkAgainstCatalogue(analysis, catalogueView)).toEqual([]);
  });

  it('reports a counter-measure of the text that the catalogue lacks', () => {
    const text = ['7.1.2.1', 'Alternative 1: Example', '', 'Threat #11', 'Likelihood: 3', 'Impact: 3', 'Risk Level: 9 (critical)', 'Counter-Measures:', '1. Reset to factory settings.', '2. A second measure the catalogue does not have.', ''].join('\n');
    const read = sourceFromBytes('extra.txt', new TextEncoder().encode(text));
    const analysis = read.ok ? parseThreatAnalysis(read.source) : undefined;
    if (analysis === undefined) throw new Error('not read as an analysis');
    expect(checkAgainstCatalogue(analysis, catalogueView).map((f) => [f.line, f.code])).toEqual([[10, 'catalogue/missing-in-catalogue']]);
  });

  it('reports catalogue entries the text lacks, and values that differ', () => {
    const analysis = parseThreatAnalysis(fixtureText('risk-clean.txt'));
    if (analysis === undefined) throw new Error('fixture is not an analysis');
    // The fixture's threat 1 has 3 counter-measures and likelihood 1; the catalogue's threat 1 has 5 and likelihood 3.
    const codes = checkAgainstCatalogue(analysis, catalogueView).map((f) => f.code);
    expect(codes).toContain('catalogue/missing-in-text');
    expect(codes).toContain('catalogue/likelihood-mismatch');
  });
});
