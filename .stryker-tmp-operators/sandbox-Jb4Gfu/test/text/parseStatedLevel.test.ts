// Ranges in the TR's own words are understood as sets of values, not errors.
import { describe, expect, it } from 'vitest';
import { parseStatedLevel, parseStatedRisk } from '../../src/text/parseStatedLevel.ts';
import { riskCategory } from '../../src/text/riskCategory.ts';

describe('parseStatedLevel', () => {
  it('reads single values with trailing conditions', () => {
    expect(parseStatedLevel('3 if the attack becomes distributed', 1).values).toEqual([3]);
    expect(parseStatedLevel('3, if publicised', 1).values).toEqual([3]);
    expect(parseStatedLevel("3 (the M2ME E/S's business would suffer)", 1).values).toEqual([3]);
  });

  it('reads "2 (or possibly 3, ...)" and "4 or 6 (major)" as two values', () => {
    expect(parseStatedLevel('2 (or possibly 3, if the detailed method of attack is widely publicised)', 1).values).toEqual([2, 3]);
    expect(parseStatedRisk('4 or 6 (major) ', 1)).toMatchObject({ values: [4, 6], category: 'major' });
  });

  it('gives no value for text without a leading number', () => {
    expect(parseStatedLevel('high', 1).values).toEqual([]);
    expect(parseStatedRisk('9 (severe)', 1).category).toBeUndefined();
  });
});

describe('riskCategory', () => {
  it('follows TR 33.812 7.1.1.2: 1-3 minor, 4/6/8 major, 9/12 critical, nothing else', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(riskCategory)).toEqual([
      'minor', 'minor', 'minor', 'major', undefined, 'major', undefined, 'major', 'critical', undefined, undefined, 'critical',
    ]);
  });
});
