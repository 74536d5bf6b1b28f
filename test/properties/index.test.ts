// properties/index.ts: every world property names what it checks, ids are unique, and coverage links are real.
import { describe, expect, it } from 'vitest';
import { counterMeasure, type KnownCounterMeasureId } from '../../properties/catalogue/counterMeasureCatalogue.ts';
import { propertyCoverage, worldProperties } from '../../properties/index.ts';
import { findReferences } from '../../src/text/findReferences.ts';
import { seedText } from '../text/textFixtures.ts';

describe('properties/index.ts', () => {
  it('lists each world property once, with the TR clauses or counter-measures it checks', () => {
    const ids = worldProperties.map((p) => p.property.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(['AtMostOneMcimActive', 'HonestRunEndsAtGoal']);
    for (const p of worldProperties) {
      expect(p.checks.length).toBeGreaterThan(0);
      for (const c of p.checks) expect(c).toMatch(/^(004 5\.\d[\d.]*( steps? [\d-]+)?|a?3?a?\.?t\d+\.cm\d+)$/);
    }
  });

  // Runs once a coverage link exists; with none, it could not fail, so it is skipped rather than passed.
  it.skipIf(propertyCoverage.length === 0)('links coverage only to properties that exist and counter-measures of the catalogue', () => {
    const ids = new Set<string>(worldProperties.map((p) => p.property.id));
    for (const entry of propertyCoverage) {
      expect(ids.has(entry.id)).toBe(true);
      for (const cm of entry.counterMeasures) expect(() => counterMeasure(cm as KnownCounterMeasureId)).not.toThrow();
    }
  });

  it('has no coverage link while the clauses behind the properties (004 5.1.3.6, 5.1.3.7) cite no counter-measure', () => {
    const { lines } = seedText('004');
    const from = lines.findIndex((l) => l.trim() === '5.1.3.6');
    const to = lines.findIndex((l) => l.startsWith('Annex x'));
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from);
    expect(findReferences(lines.slice(from, to))).toEqual([]);
    expect(propertyCoverage).toEqual([]);
  });
});
