// The meaning check of `[tx cmy]` references: compares each requirement sentence with the text of the
// counter-measures it cites (threat analysis, TR 33.812 7.1.2.1) and with all the others. A cited
// counter-measure that shares next to no words with the sentence, while another one clearly does, is
// likely a wrong reference; a sentence with no reference that closely matches one probably lacks it.
// Precision over recall: a false "wrong reference" costs an editor's trust, so both bars are high
// (figures measured on altered copies of the seeds are in docs/text-tools.md).
import type { CounterMeasureIndex, IndexedCounterMeasure } from './CounterMeasureIndex.ts';
import type { Finding } from './Finding.ts';
import type { Requirement } from './Requirement.ts';

export interface MeaningThresholds {
  /** A cited counter-measure at or below this cosine similarity is a poor match for its sentence. */
  readonly poor: number;
  /** Another counter-measure at or above this is a clearly better one... */
  readonly better: number;
  /** ...and must beat the cited one by at least this much. */
  readonly margin: number;
  /** An unreferenced sentence at or above this similarity to a counter-measure probably lacks its reference. */
  readonly missing: number;
}

/** Chosen on altered copies of the seeds for a precision of at least 0.9 (docs/text-tools.md). */
export const defaultMeaningThresholds: MeaningThresholds = { poor: 0.2, better: 0.35, margin: 0.4, missing: 0.6 };

export interface WrongReference {
  readonly requirement: Requirement;
  /** Where the reference citing it stands. */
  readonly line: number;
  readonly column: number;
  readonly cited: IndexedCounterMeasure;
  readonly citedSimilarity: number;
  readonly candidate: IndexedCounterMeasure;
  readonly candidateSimilarity: number;
}

export interface MissingReference {
  readonly requirement: Requirement;
  readonly candidate: IndexedCounterMeasure;
  readonly similarity: number;
}

export interface MeaningCheck {
  readonly wrong: readonly WrongReference[];
  readonly missing: readonly MissingReference[];
}

export function checkReferenceMeaning(requirements: readonly Requirement[], index: CounterMeasureIndex, thresholds = defaultMeaningThresholds): MeaningCheck {
  const wrong: WrongReference[] = [];
  const missing: MissingReference[] = [];
  requirements.forEach((r, at) => {
    const sims = similarities(requirements, at, index);
    const cited = new Set(r.counterMeasures);
    // The best counter-measure the sentence does not cite: cited ones are never offered as the "better" one.
    let best = -1;
    index.entries.forEach((e, i) => {
      if (!cited.has(e.key) && (best < 0 || (sims[i] ?? 0) > (sims[best] ?? 0))) best = i;
    });
    const candidate = index.entries[best];
    const candidateSimilarity = sims[best] ?? 0;
    if (candidate === undefined) return;
    if (cited.size === 0) {
      // A reference elsewhere in the paragraph that cites the candidate covers this sentence too.
      const covered = requirements.some((o) => o.paragraph === r.paragraph && o.counterMeasures.includes(candidate.key));
      if (candidateSimilarity >= thresholds.missing && !covered) missing.push({ requirement: r, candidate, similarity: candidateSimilarity });
      return;
    }
    index.entries.forEach((e, i) => {
      const s = sims[i] ?? 0;
      if (!cited.has(e.key) || s > thresholds.poor) return;
      if (candidateSimilarity < thresholds.better || candidateSimilarity - s < thresholds.margin) return;
      const where = r.references.find((ref) => ref.counterMeasures.includes(e.key)) ?? { line: r.line, column: r.column };
      wrong.push({ requirement: r, line: where.line, column: where.column, cited: e, citedSimilarity: s, candidate, candidateSimilarity });
    });
  });
  return { wrong, missing };
}

/**
 * Similarity of requirement `at` to each counter-measure. A reference at the end of a paragraph often covers
 * the unreferenced sentences before it ("... of MIDs. MID-specific controls ... E/S. [t2 cm4, t7 cm2, 3, 4]"), so a
 * referenced sentence is also read together with them, and the better of the two readings counts.
 */
function similarities(requirements: readonly Requirement[], at: number, index: CounterMeasureIndex): number[] {
  const r = requirements[at] as Requirement;
  const own = index.similarities(r.text);
  if (r.counterMeasures.length === 0) return own;
  const before: string[] = [];
  for (let k = at - 1; k >= 0; k--) {
    const o = requirements[k] as Requirement;
    if (o.paragraph !== r.paragraph || o.counterMeasures.length > 0) break;
    before.unshift(o.text);
  }
  if (before.length === 0) return own;
  const joined = index.similarities([...before, r.text].join(' '));
  return own.map((s, i) => Math.max(s, joined[i] ?? 0));
}

/** Findings: a likely wrong reference is a defect, a probably missing one a note; both quote the texts so an editor can judge. */
export function meaningFindings(file: string, check: MeaningCheck, origin: string): Finding[] {
  const cm = (e: IndexedCounterMeasure): string => `t${e.threat} cm${e.number}`;
  const quote = (text: string): string => `"${text.length > 160 ? `${text.slice(0, 157)}...` : text}"`;
  return [
    ...check.wrong.map((w): Finding => ({
      file,
      line: w.line,
      column: w.column,
      severity: 'defect',
      code: 'xref/likely-wrong',
      message: `likely wrong reference: ${cm(w.cited)} (${origin} line ${w.cited.line}: ${quote(w.cited.text)}) shares almost no words with the sentence (similarity ${w.citedSimilarity.toFixed(2)}); ${cm(w.candidate)} matches it far better (${w.candidateSimilarity.toFixed(2)}: ${quote(w.candidate.text)})`,
      suggestion: `check whether [${cm(w.candidate)}] was meant`,
    })),
    ...check.missing.map((m): Finding => ({
      file,
      line: m.requirement.line,
      column: m.requirement.column,
      severity: 'note',
      code: 'xref/likely-missing',
      message: `this sentence cites no counter-measure but closely matches ${cm(m.candidate)} (similarity ${m.similarity.toFixed(2)}, ${origin} line ${m.candidate.line}: ${quote(m.candidate.text)})`,
      suggestion: `consider adding [${cm(m.candidate)}]`,
    })),
  ];
}
