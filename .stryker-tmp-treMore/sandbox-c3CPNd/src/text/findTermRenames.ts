// Terms an editor renamed throughout a text that the TR's known renamings do not cover ("security controls" ->
// "security policies"): the same short run of words replaced by the same other run in several reworded
// sentences is one rename, listed once with its count, and a sentence changed only by such renames is renamed.
import { canonicalWords } from './canonicalWords.ts';
import { replacedRuns } from './findRenames.ts';

/** What this needs of a diff entry (structural, so the diff report's module is not imported back). */
interface ChangedPair {
  readonly kind: string;
  readonly old: ReadonlyArray<{ readonly text: string }>;
  readonly new: ReadonlyArray<{ readonly text: string }>;
  readonly referencesAdded: readonly string[];
  readonly referencesRemoved: readonly string[];
}

export interface TermRename {
  readonly from: string;
  readonly to: string;
  readonly sentences: number;
}

/** A replacement seen in at least this many sentences is a renamed term, not a coincidence of rewordings. */
const minSentences = 2;
/** Longer runs are rewordings, not terms. */
const maxWords = 3;

const key = (from: string, to: string): string => `${from.toLowerCase()} -> ${to.toLowerCase()}`;
const words = (t: string): number => t.split(/\s+/).filter(Boolean).length;
/** A term carries content on both sides, and other content: "should" -> "may" is a modal change, not a renamed term. */
const isTerm = (from: string, to: string): boolean =>
  words(from) <= maxWords &&
  words(to) <= maxWords &&
  canonicalWords(from, false).length > 0 &&
  canonicalWords(to, false).length > 0 &&
  // "the TE" -> "a TRE" changes an article and a known renaming, no term.
  canonicalWords(from, false).join(' ') !== canonicalWords(to, false).join(' ');

function runsOf(e: ChangedPair): ReturnType<typeof replacedRuns> {
  const [a] = e.old;
  const [b] = e.new;
  if (e.kind !== 'reworded' || e.old.length !== 1 || e.new.length !== 1 || a === undefined || b === undefined) return [];
  return replacedRuns(a.text, b.text);
}

export function findTermRenames(entries: readonly ChangedPair[]): TermRename[] {
  const counts = new Map<string, TermRename>();
  for (const e of entries) {
    const seen = new Set<string>();
    for (const r of runsOf(e)) {
      const k = key(r.from, r.to);
      if (r.same || !isTerm(r.from, r.to) || seen.has(k)) continue;
      seen.add(k);
      counts.set(k, { from: r.from, to: r.to, sentences: (counts.get(k)?.sentences ?? 0) + 1 });
    }
  }
  return [...counts.values()].filter((c) => c.sentences >= minSentences).sort((x, y) => y.sentences - x.sentences || (x.from < y.from ? -1 : 1));
}

/** A reworded sentence whose every replaced run is a known renaming or one of `renames`, with its references kept. */
export function isOnlyRenamed(e: ChangedPair, renames: readonly TermRename[]): boolean {
  if (renames.length === 0 || e.referencesAdded.length > 0 || e.referencesRemoved.length > 0) return false;
  const found = new Set(renames.map((r) => key(r.from, r.to)));
  const runs = runsOf(e);
  return runs.length > 0 && runs.every((r) => r.same || found.has(key(r.from, r.to))) && runs.some((r) => found.has(key(r.from, r.to)));
}
