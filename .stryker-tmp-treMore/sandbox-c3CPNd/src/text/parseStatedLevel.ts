// Reads "2 (or possibly 3, if the detailed method of attack is widely publicised)", "3, if publicised",
// "4 or 6 (major)": the TR states ranges in words; they are understood as sets of values, not errors.
import { parseRiskCategory } from './riskCategory.ts';
import type { StatedLevel, StatedRisk } from './ThreatAnalysis.ts';

/** Numbers above this are not levels (a likelihood or impact is 1-4, a risk at most 12). */
const maxLevel = 16;

export function parseStatedLevel(text: string, line: number): StatedLevel {
  const values: number[] = [];
  const first = /^\s*(\d+)\b/.exec(text);
  if (first?.[1] !== undefined) {
    values.push(Number(first[1]));
    // Alternatives joined by "or", "or possibly", "to", "-": each adds a value.
    for (const m of text.matchAll(/\b(?:or(?: possibly)?|to|-)\s+(\d+)\b/g)) {
      const v = Number(m[1]);
      if (v <= maxLevel && !values.includes(v)) values.push(v);
    }
  }
  return { values, text: text.trim(), line };
}

export function parseStatedRisk(text: string, line: number): StatedRisk {
  const level = parseStatedLevel(text, line);
  const word = /\(\s*([A-Za-z]+)\s*\)/.exec(text)?.[1] ?? /\b(minor|major|critical)\b/i.exec(text)?.[1];
  return { ...level, category: word === undefined ? undefined : parseRiskCategory(word), categoryText: word };
}
