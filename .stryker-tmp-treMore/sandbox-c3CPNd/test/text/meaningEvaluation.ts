// Measures the meaning check on altered copies of the TRE function texts: each correct cited counter-measure
// is replaced by another one (of the same threat, or of another threat) and the check must flag exactly the
// altered one. Unaltered references are the negatives: a flag on one of them counts as a false alarm.
import { checkReferenceMeaning, defaultMeaningThresholds, type MeaningThresholds } from '../../src/text/checkReferenceMeaning.ts';
import type { CounterMeasureIndex } from '../../src/text/CounterMeasureIndex.ts';
import type { Requirement } from '../../src/text/Requirement.ts';

export interface MeaningFigures {
  /** Altered references (positives) and how many of them the check flagged. */
  readonly altered: number;
  readonly flaggedAltered: number;
  /** Of the flagged altered references, how many got the original counter-measure as the better candidate. */
  readonly candidateIsOriginal: number;
  /** Unaltered cited counter-measures (negatives) and how many were flagged (false alarms). */
  readonly unaltered: number;
  readonly flaggedUnaltered: number;
  readonly precision: number;
  readonly recall: number;
}

export type Replacement = 'same-threat' | 'other-threat';

/** The real meaning defects of the unaltered seeds, judged by reading them (docs/text-tools.md): flagging them is
 *  no false alarm. `text:line:cited` for a likely wrong reference. 003's t4 cm5 is network filtering, cited for tamper lockdown. */
export const realWrongReferences: readonly string[] = ['000:24:t4.cm5', '001:30:t4.cm5', '004:66:t4.cm5'];

/** Replacements for cited key `key`: every other counter-measure of its threat, or one of the next threat (cyclic, same number when it has one). */
function replacements(key: string, index: CounterMeasureIndex, kind: Replacement): string[] {
  const e = index.entries.find((x) => x.key === key);
  if (e === undefined) return [];
  if (kind === 'same-threat') return index.entries.filter((x) => x.threat === e.threat && x.key !== key).map((x) => x.key);
  const threats = [...new Set(index.entries.map((x) => x.threat))];
  const next = threats[(threats.indexOf(e.threat) + 1) % threats.length];
  const ofNext = index.entries.filter((x) => x.threat === next);
  return [(ofNext.find((x) => x.number === e.number) ?? ofNext[0])?.key ?? key];
}

export function measureMeaningCheck(requirements: readonly Requirement[], index: CounterMeasureIndex, kind: Replacement, thresholds: MeaningThresholds = defaultMeaningThresholds): MeaningFigures {
  const known = new Set(index.entries.map((e) => e.key));
  const real = new Set(realWrongReferences.map((d) => d.split(':').slice(1).join(':')));
  const baseline = checkReferenceMeaning(requirements, index, thresholds).wrong.filter((w) => !real.has(`${w.requirement.line}:${w.cited.key}`));
  let unaltered = 0;
  let altered = 0;
  let flaggedAltered = 0;
  let candidateIsOriginal = 0;
  requirements.forEach((r, at) => {
    // The sentences of the paragraph before it: the context a paragraph-end reference is read with.
    let first = at;
    while (first > 0 && requirements[first - 1]?.paragraph === r.paragraph) first -= 1;
    const context = requirements.slice(first, at);
    for (const key of r.counterMeasures.filter((k) => known.has(k))) {
      unaltered += 1;
      for (const other of replacements(key, index, kind)) {
        if (r.counterMeasures.includes(other)) continue;
        // The altered copy: the same sentence citing `other` where it cited `key` (references are not part of the compared words).
        const copy: Requirement = {
          ...r,
          counterMeasures: r.counterMeasures.map((k) => (k === key ? other : k)),
          references: r.references.map((ref) => ({ ...ref, counterMeasures: ref.counterMeasures.map((k) => (k === key ? other : k)) })),
        };
        altered += 1;
        const flag = checkReferenceMeaning([...context, copy], index, thresholds).wrong.find((w) => w.requirement === copy && w.cited.key === other);
        if (flag !== undefined) {
          flaggedAltered += 1;
          if (flag.candidate.key === key) candidateIsOriginal += 1;
        }
      }
    }
  });
  const flaggedUnaltered = baseline.length;
  const flagged = flaggedAltered + flaggedUnaltered;
  return { altered, flaggedAltered, candidateIsOriginal, unaltered, flaggedUnaltered, precision: flagged === 0 ? 1 : flaggedAltered / flagged, recall: altered === 0 ? 0 : flaggedAltered / altered };
}
