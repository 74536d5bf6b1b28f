// Reads the "Threat #n" entries of one alternative in TR 33.812 7.1.2: description, likelihood, impact,
// stated risk level and the numbered counter-measures, skipping notes and editor's notes between items.
import { changeMarker } from './changeMarker.ts';
import { parseStatedLevel, parseStatedRisk } from './parseStatedLevel.ts';
import type { CounterMeasureEntry, StatedLevel, StatedRisk, ThreatEntry } from './ThreatAnalysis.ts';

interface Draft {
  number: number;
  line: number;
  description: string;
  likelihood: StatedLevel | undefined;
  impact: StatedLevel | undefined;
  risk: StatedRisk | undefined;
  counterMeasures: Array<{ number: number; line: number; first: string; more: string[] }>;
  elided: boolean;
}

const threatHeading = /^\s*Threat\s*#\s*(\d+)\s*$/i;
const field = /^\s*(Description(?: of attack)?|Likelihood|Impact|Risk Level)\s*:\s*(.*)$/i;
const listHeading = /^\s*Counter[- ]?measures\s*:?\s*$/i;
const item = /^\s*(\d+)\.\s*(.*)$/;
const note = /^\s*(?:Editor'?s?'?\s*note|Note|NOTE|Comment)\b/i;
const ellipsis = /^\s*\.{3,}\s*$/;

/** Parses lines [from, to) (1-based, `to` exclusive) of one alternative. */
export function parseThreats(lines: readonly string[], from: number, to: number): ThreatEntry[] {
  const threats: Draft[] = [];
  let current: Draft | undefined;
  let inList = false;
  let inNote = false;
  for (let n = from; n < to; n++) {
    const text = lines[n - 1] ?? '';
    const heading = threatHeading.exec(text);
    if (heading?.[1] !== undefined) {
      current = { number: Number(heading[1]), line: n, description: '', likelihood: undefined, impact: undefined, risk: undefined, counterMeasures: [], elided: false };
      threats.push(current);
      inList = false;
      inNote = false;
      continue;
    }
    if (current === undefined) continue;
    if (changeMarker.test(text)) {
      current = undefined;
      continue;
    }
    const f = field.exec(text);
    if (f?.[1] !== undefined && f[2] !== undefined && !inList) {
      const name = f[1].toLowerCase();
      if (name.startsWith('description')) current.description = f[2].trim();
      else if (name === 'likelihood') current.likelihood = parseStatedLevel(f[2], n);
      else if (name === 'impact') current.impact = parseStatedLevel(f[2], n);
      else current.risk = parseStatedRisk(f[2], n);
      continue;
    }
    if (listHeading.test(text)) {
      inList = true;
      inNote = false;
      continue;
    }
    if (!inList) continue;
    if (ellipsis.test(text)) {
      current.elided = true;
      continue;
    }
    const i = item.exec(text);
    if (i?.[1] !== undefined && i[2] !== undefined) {
      current.counterMeasures.push({ number: Number(i[1]), line: n, first: i[2].trim(), more: [] });
      inNote = false;
      continue;
    }
    if (note.test(text)) {
      inNote = true;
      continue;
    }
    const last = current.counterMeasures[current.counterMeasures.length - 1];
    if (!inNote && last !== undefined && text.trim() !== '') last.more.push(text.trim());
  }
  return threats.map(({ counterMeasures, ...threat }) => ({
    ...threat,
    counterMeasures: counterMeasures.map(
      (c): CounterMeasureEntry => ({
        number: c.number,
        line: c.line,
        text: [c.first, ...c.more].join(' '),
        // "8. void." keeps a slot so that references elsewhere keep their numbers (003 t10 cm8).
        isVoid: /^void\.?$/i.test(c.first),
      }),
    ),
  }));
}
