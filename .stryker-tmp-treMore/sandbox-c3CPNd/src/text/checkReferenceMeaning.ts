// The meaning check of `[tx cmy]` references: compares each requirement sentence with the text of the
// counter-measures it cites (threat analysis, TR 33.812 7.1.2.1) and with all the others. A cited
// counter-measure that shares next to no words with the sentence, while another one clearly does, is
// likely a wrong reference, and so is a lone pick from a threat that scores near nothing while a counter-measure
// cited beside it explains the sentence; a sentence with no reference that closely matches one probably lacks it,
// as does a paragraph-end sentence that is another counter-measure's own words when its reference fits the paragraph.
// Precision over recall: a false "wrong reference" costs an editor's trust, so both bars are high
// (figures measured on altered copies of the seeds are in docs/text-tools.md).
import { compareKeys, renderKeys } from './counterMeasureKeys.ts';
import type { CounterMeasureIndex, IndexedCounterMeasure } from './CounterMeasureIndex.ts';
import type { Finding } from './Finding.ts';
import type { Requirement } from './Requirement.ts';

export interface MeaningThresholds {
  /** A cited counter-measure at or below this cosine similarity is a poor match for its sentence. */
  readonly poor: number;
  /** Another counter-measure (uncited, or cited beside it) at or above this is a clearly better one... */
  readonly better: number;
  /** ...and must beat the cited one by at least this much. */
  readonly margin: number;
  /** A cited counter-measure at or below this scores near nothing: judged against the others cited beside it too. */
  readonly nearNothing: number;
  /** An unreferenced sentence at or above this similarity to a counter-measure probably lacks its reference. */
  readonly missing: number;
  /** Read each counter-measure with its threat's description too (the better of the two readings counts). */
  readonly threatContext: boolean;
}

/** Chosen on the tuning copies of the seeds (docs/text-tools.md); measured on the held-out copies. */
export const defaultMeaningThresholds: MeaningThresholds = { poor: 0.2, nearNothing: 0.02, better: 0.35, margin: 0.4, missing: 0.6, threatContext: true };

export interface WrongReference {
  readonly requirement: Requirement;
  /** Where the reference citing it stands. */
  readonly line: number;
  readonly column: number;
  readonly cited: IndexedCounterMeasure;
  readonly citedSimilarity: number;
  readonly candidate: IndexedCounterMeasure;
  readonly candidateSimilarity: number;
  /** The better counter-measure is cited beside it: the sentence is explained without it. */
  readonly candidateCited: boolean;
}

export interface MissingReference {
  readonly requirement: Requirement;
  readonly candidate: IndexedCounterMeasure;
  readonly similarity: number;
  /** Set when the sentence ends a paragraph with a reference that fits the paragraph but not this sentence's own words. */
  readonly paragraphEnd?: { readonly line: number; readonly column: number; readonly cited: readonly string[]; readonly citedSimilarity: number };
}

export interface MeaningCheck {
  readonly wrong: readonly WrongReference[];
  readonly missing: readonly MissingReference[];
}

export function checkReferenceMeaning(requirements: readonly Requirement[], index: CounterMeasureIndex, thresholds = defaultMeaningThresholds): MeaningCheck {
  const wrong: WrongReference[] = [];
  const missing: MissingReference[] = [];
  requirements.forEach((r, at) => {
    const { alone, best: sims } = similarities(requirements, at, index, thresholds.threatContext);
    const cited = new Set(r.counterMeasures);
    const inParagraph = (key: string): boolean => requirements.some((o) => o.paragraph === r.paragraph && o.counterMeasures.includes(key));
    const candidate = bestUncited(index, cited, sims);
    if (candidate === undefined) return;
    if (cited.size === 0) {
      // A reference elsewhere in the paragraph that cites the candidate covers this sentence too.
      if (candidate.similarity >= thresholds.missing && !inParagraph(candidate.entry.key)) missing.push({ requirement: r, candidate: candidate.entry, similarity: candidate.similarity });
      return;
    }
    const citedEntries = index.entries.map((e, i) => ({ entry: e, similarity: sims[i] ?? 0 })).filter((c) => cited.has(c.entry.key));
    for (const c of citedEntries) {
      if (c.similarity > thresholds.poor) continue;
      const where = r.references.find((ref) => ref.counterMeasures.includes(c.entry.key)) ?? { line: r.line, column: r.column };
      const clearlyBetter = (x: { similarity: number }): boolean => x.similarity >= thresholds.better && x.similarity - c.similarity >= thresholds.margin;
      // Judged per cited counter-measure: a co-cited one that explains the sentence does not excuse this one, but only
      // a lone pick from its threat is judged so ("[t4 cm5, t6 cm5]"); a run such as "t4 cm1, 2, 3, 4" sweeps a threat on purpose.
      const alsoCited = citedEntries.filter((o) => o !== c && clearlyBetter(o)).sort((a, b) => b.similarity - a.similarity)[0];
      const loneOfThreat = c.similarity <= thresholds.nearNothing && citedEntries.filter((o) => o.entry.threat === c.entry.threat).length === 1;
      const better = clearlyBetter(candidate) ? { ...candidate, cited: false } : alsoCited !== undefined && loneOfThreat ? { ...alsoCited, cited: true } : undefined;
      if (better === undefined) continue;
      wrong.push({ requirement: r, line: where.line, column: where.column, cited: c.entry, citedSimilarity: c.similarity, candidate: better.entry, candidateSimilarity: better.similarity, candidateCited: better.cited });
    }
    // A reference at a paragraph's end fits the paragraph, but this sentence alone is another counter-measure's own words.
    if (alone === sims) return;
    const own = bestUncited(index, cited, alone);
    const citedAlone = Math.max(...index.entries.map((e, i) => (cited.has(e.key) ? (alone[i] ?? 0) : 0)));
    if (own === undefined || inParagraph(own.entry.key) || own.similarity < thresholds.missing || own.similarity - citedAlone < thresholds.margin) return;
    const ref = r.references[r.references.length - 1] ?? { line: r.line, column: r.column };
    missing.push({ requirement: r, candidate: own.entry, similarity: own.similarity, paragraphEnd: { line: ref.line, column: ref.column, cited: [...cited], citedSimilarity: citedAlone } });
  });
  return { wrong, missing };
}

/** The counter-measure the sentence does not cite that matches it best: cited ones are never offered as the "better" one. */
function bestUncited(index: CounterMeasureIndex, cited: ReadonlySet<string>, sims: readonly number[]): { entry: IndexedCounterMeasure; similarity: number } | undefined {
  let best: { entry: IndexedCounterMeasure; similarity: number } | undefined;
  index.entries.forEach((entry, i) => {
    const similarity = sims[i] ?? 0;
    if (!cited.has(entry.key) && (best === undefined || similarity > best.similarity)) best = { entry, similarity };
  });
  return best;
}

/**
 * Similarity of requirement `at` to each counter-measure. A reference at the end of a paragraph often covers
 * the unreferenced sentences before it ("... of MIDs. MID-specific controls ... E/S. [t2 cm4, t7 cm2, 3, 4]"), so a
 * referenced sentence is also read together with them, and the better of the two readings counts (`best`); `alone`
 * is the sentence's own reading (the same array when there is nothing before it). With `threatContext` each
 * counter-measure is also read with its threat's description, as a short one says little on its own.
 */
function similarities(requirements: readonly Requirement[], at: number, index: CounterMeasureIndex, threatContext: boolean): { alone: number[]; best: number[] } {
  const r = requirements[at] as Requirement;
  const read = (text: string): number[] => {
    const plain = index.similarities(text);
    if (!threatContext) return plain;
    const context = index.similaritiesInContext(text);
    return plain.map((s, i) => Math.max(s, context[i] ?? 0));
  };
  const alone = read(r.text);
  if (r.counterMeasures.length === 0) return { alone, best: alone };
  const before: string[] = [];
  for (let k = at - 1; k >= 0; k--) {
    const o = requirements[k] as Requirement;
    if (o.paragraph !== r.paragraph || o.counterMeasures.length > 0) break;
    before.unshift(o.text);
  }
  if (before.length === 0) return { alone, best: alone };
  const joined = read([...before, r.text].join(' '));
  return { alone, best: alone.map((s, i) => Math.max(s, joined[i] ?? 0)) };
}

/** Findings: a likely wrong reference is a defect, a probably missing one a note; both quote the texts so an editor can judge. */
export function meaningFindings(file: string, check: MeaningCheck, origin: string): Finding[] {
  const cm = (e: IndexedCounterMeasure): string => `t${e.threat} cm${e.number}`;
  const quote = (text: string): string => `"${text.length > 160 ? `${text.slice(0, 157)}...` : text}"`;
  const at = (e: IndexedCounterMeasure): string => `${origin} line ${e.line}: ${quote(e.text)}`;
  return [
    ...check.wrong.map((w): Finding => {
      const head = `likely wrong reference: ${cm(w.cited)} (${at(w.cited)}) shares almost no words with the sentence (similarity ${w.citedSimilarity.toFixed(2)})`;
      const ref = w.requirement.references.find((r) => r.line === w.line && r.column === w.column);
      return {
        file,
        line: w.line,
        column: w.column,
        severity: 'defect',
        code: 'xref/likely-wrong',
        message: w.candidateCited
          ? `${head}; ${cm(w.candidate)}, cited beside it, explains the sentence (${w.candidateSimilarity.toFixed(2)}: ${quote(w.candidate.text)})`
          : `${head}; ${cm(w.candidate)} matches it far better (${w.candidateSimilarity.toFixed(2)}: ${quote(w.candidate.text)})`,
        suggestion: w.candidateCited
          ? `check whether ${cm(w.cited)} belongs here; without it the reference is ${renderKeys((ref?.counterMeasures ?? []).filter((k) => k !== w.cited.key))}`
          : `check whether [${cm(w.candidate)}] was meant`,
      };
    }),
    ...check.missing.map((m): Finding => {
      const end = m.paragraphEnd;
      if (end === undefined) {
        return {
          file,
          line: m.requirement.line,
          column: m.requirement.column,
          severity: 'note',
          code: 'xref/likely-missing',
          message: `this sentence cites no counter-measure but closely matches ${cm(m.candidate)} (similarity ${m.similarity.toFixed(2)}, ${at(m.candidate)})`,
          suggestion: `consider adding [${cm(m.candidate)}]`,
        };
      }
      const cited = renderKeys(end.cited);
      return {
        file,
        line: end.line,
        column: end.column,
        severity: 'note',
        code: 'xref/likely-missing',
        message: `${cited} ends a paragraph and fits the sentences before it, but this sentence alone is ${cm(m.candidate)}'s own words (similarity ${m.similarity.toFixed(2)}, ${at(m.candidate)}), which the paragraph does not cite (${cited} scores ${end.citedSimilarity.toFixed(2)} on it alone)`,
        suggestion: `consider ${renderKeys([...end.cited, m.candidate.key].sort(compareKeys))}`,
      };
    }),
  ];
}
