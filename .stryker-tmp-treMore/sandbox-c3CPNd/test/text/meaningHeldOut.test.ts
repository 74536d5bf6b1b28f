// The held-out altered copies of the meaning check: the stored set is what its fixed seed draws, and every case
// still applies to its seed text, and the check's precision and recall on it (docs/text-tools.md lists the cases).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCounterMeasureIndex } from '../../src/text/CounterMeasureIndex.ts';
import { parseThreatAnalysis } from '../../src/text/parseThreatAnalysis.ts';
import type { SourceText } from '../../src/text/SourceText.ts';
import { applyCase, evaluateHeldOut, makeHeldOutCases, type HeldOutSet } from './meaningHeldOut.ts';
import { fixturePath, seedsAvailable, seedText } from './textFixtures.ts';

const stored = JSON.parse(readFileSync(fixturePath('meaning-held-out.json'), 'utf8')) as HeldOutSet;

describe.skipIf(!seedsAvailable())('the held-out set of the meaning check', () => {
  const analysis = seedsAvailable() ? parseThreatAnalysis(seedText('003')) : undefined;
  const index = analysis === undefined ? undefined : buildCounterMeasureIndex(analysis);
  const texts: Record<string, SourceText> = seedsAvailable() ? { '000': seedText('000'), '001': seedText('001'), '004': seedText('004') } : {};

  it('is what its fixed seed draws from the seed texts, at least 30 cases', () => {
    if (index === undefined) throw new Error('003 has no Alternative 1 analysis');
    expect(stored.cases.length).toBeGreaterThanOrEqual(30);
    expect(makeHeldOutCases(texts, index, stored.cases.length, stored.seed)).toEqual(stored);
  });

  it('alters one reference of a seed text per case, to another well-formed reference', () => {
    for (const c of stored.cases) {
      const source = texts[c.text];
      if (source === undefined) throw new Error(`no text ${c.text}`);
      const altered = applyCase(source, c);
      expect(altered.lines.filter((l, i) => l !== source.lines[i])).toHaveLength(1);
      expect(altered.lines[c.line - 1]).toContain(c.after);
      expect(c.replaced.split('.')[0]).not.toBe(c.replacement.split('.')[0]);
    }
  });

  it('measures the check on it: precision at least 0.9 and recall above one half (figures and cases in docs/text-tools.md)', () => {
    if (index === undefined) throw new Error('003 has no Alternative 1 analysis');
    const figures = evaluateHeldOut(stored, texts, index);
    expect(figures.precision).toBeGreaterThanOrEqual(0.9);
    expect(figures.recall).toBeGreaterThan(0.5);
  });
});
