// What `trecheck diff` does not compare because one version quotes only part of the other: a pCR quotes the
// clauses it changes, and often a clause only up to its "End of change" marker. Sentences of the other version
// outside what was quoted are neither removed nor added, and their references neither lost nor gained.
import type { AlignedGroup } from './alignRequirements.ts';
import { canonicalWords } from './canonicalWords.ts';
import type { RequirementText } from './extractRequirements.ts';
import type { Requirement } from './Requirement.ts';

/** A run of sentences of one version that the other does not quote. */
export interface ExcerptPart {
  /** The version whose sentences these are (not the one that quotes less). */
  readonly side: 'old' | 'new';
  readonly title: string;
  readonly from: number;
  readonly to: number;
  readonly sentences: number;
  /** The whole clause is missing from the other version, or only what follows the change marker on this line of it. */
  readonly afterMarker?: number;
}

export interface Excerpt {
  readonly sections: readonly ExcerptPart[];
}

export interface ExcerptScope {
  readonly excerpt: Excerpt | undefined;
  /** Indices of OLD and NEW sentences that are not compared. */
  readonly oldOutside: ReadonlySet<number>;
  readonly newOutside: ReadonlySet<number>;
}

const sameClause = (a: string, b: string): boolean => canonicalWords(a, false).join(' ') === canonicalWords(b, false).join(' ');

export function findExcerpt(oldText: RequirementText, newText: RequirementText, groups: readonly AlignedGroup[]): ExcerptScope {
  const o = oldText.requirements;
  const n = newText.requirements;
  const oldAligned = new Set(groups.filter((g) => g.new.length > 0).flatMap((g) => g.old));
  const newAligned = new Set(groups.filter((g) => g.old.length > 0).flatMap((g) => g.new));
  const parts: ExcerptPart[] = [];
  const oldOutside = new Set<number>();
  const newOutside = new Set<number>();
  // Whole clauses: NEW quotes some clauses of OLD (as before), or OLD, a contribution with change markers, some of NEW.
  const wholeClauses = (reqs: readonly Requirement[], aligned: ReadonlySet<number>, side: 'old' | 'new', into: Set<number>): void => {
    const titles = [...new Set(reqs.map((r) => r.section))];
    const left = titles
      .map((title) => ({ title, indices: reqs.map((r, i) => (r.section === title ? i : -1)).filter((i) => i >= 0) }))
      .filter((x) => x.indices.every((i) => !aligned.has(i)));
    // Leaving out every clause is a different text, not an excerpt of this one.
    if (left.length === 0 || left.length === titles.length) return;
    for (const x of left) {
      for (const i of x.indices) into.add(i);
      parts.push({ side, title: x.title, from: (reqs[x.indices[0] ?? 0] as Requirement).line, to: (reqs[x.indices[x.indices.length - 1] ?? 0] as Requirement).line, sentences: x.indices.length });
    }
  };
  if (n.length < o.length) wholeClauses(o, oldAligned, 'old', oldOutside);
  if (o.length < n.length && oldText.cuts.length > 0) wholeClauses(n, newAligned, 'new', newOutside);
  // A clause one version quotes only up to a change marker: the other's sentences of it after the last one aligned.
  const tails = (cut: RequirementText, other: readonly Requirement[], aligned: ReadonlySet<number>, side: 'old' | 'new', into: Set<number>): void => {
    for (const c of cut.cuts) {
      const indices = other.map((r, i) => (sameClause(r.section, c.section) && !into.has(i) ? i : -1)).filter((i) => i >= 0);
      const lastAligned = Math.max(-1, ...indices.filter((i) => aligned.has(i)));
      const tail = indices.filter((i) => i > lastAligned);
      if (tail.length === 0) continue;
      for (const i of tail) into.add(i);
      const first = other[tail[0] ?? 0] as Requirement;
      parts.push({ side, title: first.section, from: first.line, to: (other[tail[tail.length - 1] ?? 0] as Requirement).line, sentences: tail.length, afterMarker: c.line });
    }
  };
  tails(newText, o, oldAligned, 'old', oldOutside);
  tails(oldText, n, newAligned, 'new', newOutside);
  return { excerpt: parts.length === 0 ? undefined : { sections: parts }, oldOutside, newOutside };
}

/** The note that says, once, what was not compared and why. */
export function describeExcerpt(excerpt: Excerpt, oldText: RequirementText, newText: RequirementText): string {
  const said: string[] = [];
  for (const side of ['old', 'new'] as const) {
    const parts = excerpt.sections.filter((x) => x.side === side);
    if (parts.length === 0) continue;
    const [quoting, quoted] = side === 'old' ? [newText, oldText] : [oldText, newText];
    const what = parts.map((x) =>
      x.afterMarker === undefined
        ? `"${x.title}" (lines ${x.from}-${x.to})`
        : `the end of "${x.title}" (lines ${x.from}-${x.to}; ${quoting.file} quotes it only up to the change marker on line ${x.afterMarker})`,
    );
    const count = parts.reduce((k, x) => k + x.sentences, 0);
    said.push(`${quoting.file} quotes only part of ${quoted.file}: it leaves out ${what.join(', ')}; those ${count} sentences are not compared (not listed as ${side === 'old' ? 'removed' : 'added'}, their references not counted as ${side === 'old' ? 'lost' : 'gained'} support)`);
  }
  return said.join('; ');
}
