// `trecheck diff`: what a change of the TRE function text does to the security argument - requirements
// added, removed, reworded, split or merged, with their cross-references; the counter-measures that gained
// or lost all text support; and the properties (by the counter-measures they check) that the change touches.
import { alignRequirements } from './alignRequirements.ts';
import { canonicalWords } from './canonicalWords.ts';
import { compareKeys, renderKeys } from './counterMeasureKeys.ts';
import type { Finding } from './Finding.ts';
import type { PropertyCoverage } from './PropertyCoverage.ts';
import type { Requirement } from './Requirement.ts';
import type { RequirementText } from './extractRequirements.ts';
import { describeExcerpt, findExcerpt, type Excerpt } from './findExcerpt.ts';
import { findRenames } from './findRenames.ts';
import { weakenedModals } from './weakenedModal.ts';
import { findTermRenames, isOnlyRenamed } from './findTermRenames.ts';
import { coveringReference } from './paragraphReference.ts';
import { wordDiff } from './wordDiff.ts';

export type DiffKind = 'unchanged' | 'renamed' | 'moved' | 'references' | 'reworded' | 'weakened' | 'split' | 'merged' | 'regrouped' | 'added' | 'removed';

export interface DiffEntry {
  readonly kind: DiffKind;
  readonly old: readonly Requirement[];
  readonly new: readonly Requirement[];
  /** Counter-measures the new side references and the old did not, and the reverse. */
  readonly referencesAdded: readonly string[];
  readonly referencesRemoved: readonly string[];
  /** For a one-to-one change: the wording change, `{-old-}{+new+}`. */
  readonly words?: string;
  /** Old clause title, when the requirement now sits in a clause of another title. */
  readonly movedFrom?: string;
  /** The paragraph references that cover its sentences that cite nothing themselves, per side. */
  readonly covered?: readonly CoveredBy[];
}

/** The counter-measures of the paragraph references covering an entry's sentences on one side, and their lines there. */
export interface CoveredBy {
  readonly side: 'old' | 'new';
  readonly counterMeasures: readonly string[];
  readonly lines: readonly number[];
}

export interface SupportChange {
  readonly counterMeasure: string;
  /** Lines that referenced it (old file for lost support, new file for gained). */
  readonly lines: readonly number[];
}

/** A renaming found between the versions and in how many aligned sentences it occurs. */
export interface RenameCount {
  readonly from: string;
  readonly to: string;
  readonly sentences: number;
}

export interface DiffOptions {
  /** Void counter-measures (`t10.cm8`): slots kept for numbering, which neither gain nor lose support. */
  readonly voids?: ReadonlySet<string>;
}

export interface DiffReport {
  readonly renames: readonly RenameCount[];
  readonly excerpt: Excerpt | undefined;
  readonly old: RequirementText;
  readonly new: RequirementText;
  readonly entries: readonly DiffEntry[];
  readonly gained: readonly SupportChange[];
  readonly lost: readonly SupportChange[];
  /** Counter-measures referenced by any requirement that changed (either side): what properties must re-check. */
  readonly touched: readonly string[];
  readonly affectedProperties: readonly PropertyCoverage[];
  /** Lost support as defects (exit 1), gained support as notes. */
  readonly findings: readonly Finding[];
}

export function buildDiffReport(oldText: RequirementText, newText: RequirementText, coverage: readonly PropertyCoverage[], options: DiffOptions = {}): DiffReport {
  const o = oldText.requirements;
  const n = newText.requirements;
  const voids = options.voids ?? new Set<string>();
  const groups = alignRequirements(o, n);
  // Sentences one version does not quote are not "removed" or "added" by it: they are said once, in the excerpt note.
  const { excerpt, oldOutside, newOutside } = findExcerpt(oldText, newText, groups);
  const outside = (i: number): boolean => oldOutside.has(i);
  const aligned = groups
    .filter((g) => !(g.new.length === 0 && g.old.every(outside)) && !(g.old.length === 0 && g.new.every((j) => newOutside.has(j))))
    .map((g) => withCoverage(entry(g.old.map((i) => o[i] as Requirement), g.new.map((j) => n[j] as Requirement)), g, o, n));
  // A term renamed across several sentences ("security controls" -> "security policies") is one rename, not rewordings.
  const termRenames = findTermRenames(aligned);
  const entries = aligned.map((e): DiffEntry => (isOnlyRenamed(e, termRenames) ? { ...e, kind: 'renamed', words: undefined } : e));
  const support = (reqs: readonly Requirement[]): Map<string, number[]> => {
    const m = new Map<string, number[]>();
    for (const r of reqs) for (const c of r.counterMeasures) if (!voids.has(c)) m.set(c, [...(m.get(c) ?? []), r.line]);
    return m;
  };
  const before = support(o.filter((_, i) => !outside(i)));
  const after = support(n.filter((_, j) => !newOutside.has(j)));
  const supportOnlyIn = (a: Map<string, number[]>, b: Map<string, number[]>): SupportChange[] =>
    keysMissingFrom(a.keys(), b).map((counterMeasure) => ({ counterMeasure, lines: a.get(counterMeasure) ?? [] }));
  const lost = supportOnlyIn(before, support(n));
  const gained = supportOnlyIn(after, support(o));
  const touchedSet = new Set<string>();
  for (const e of entries) {
    if (e.kind === 'unchanged' || e.kind === 'renamed' || e.kind === 'moved') continue;
    for (const c of [...[...e.old, ...e.new].flatMap((r) => r.counterMeasures), ...(e.covered ?? []).flatMap((c) => c.counterMeasures)]) touchedSet.add(c);
  }
  const touched = [...touchedSet].sort(compareKeys);
  const affectedProperties = coverage.filter((p) => p.counterMeasures.some((c) => touchedSet.has(c)));
  const findings: Finding[] = [
    // One defect per threat: an excerpt that drops a whole clause would otherwise print dozens of lines.
    ...groupByThreat(lost).map((g): Finding => {
      const lines = [...new Set(g.flatMap((s) => s.lines))].sort((a, b) => a - b);
      return {
        file: oldText.file,
        line: lines[0] as number,
        ...columnOf(o, lines[0] as number, g),
        severity: 'defect',
        code: 'diff/lost-support',
        message: `${renderKeys(g.map((s) => s.counterMeasure)).slice(1, -1)} lost all text support: ${newText.file} no longer references ${g.length === 1 ? 'it' : 'them'} (referenced on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')})`,
      };
    }),
    // Gained support is good news and often comes in bulk (a first version with references): one note per threat.
    ...groupByThreat(gained).map((g): Finding => ({
      file: newText.file,
      line: Math.min(...g.flatMap((s) => s.lines)),
      ...columnOf(n, Math.min(...g.flatMap((s) => s.lines)), g),
      severity: 'note',
      code: 'diff/gained-support',
      message: `${renderKeys(g.map((s) => s.counterMeasure)).slice(1, -1)} gained text support (${oldText.file} did not reference ${g.length === 1 ? 'it' : 'them'})`,
    })),
    ...entries.flatMap((e) => respelled(e, newText.file)),
    ...(excerpt === undefined ? [] : [excerptNote(excerpt, oldText, newText)]),
  ];
  return { renames: [...countRenames(entries), ...termRenames], excerpt, old: oldText, new: newText, entries, gained, lost, touched, affectedProperties, findings };
}

function excerptNote(excerpt: Excerpt, oldText: RequirementText, newText: RequirementText): Finding {
  const quoting = excerpt.sections.some((x) => x.side === 'old') ? newText : oldText;
  return {
    file: quoting.file,
    line: quoting.requirements[0]?.line ?? 1,
    column: quoting.requirements[0]?.column ?? 1,
    severity: 'note',
    code: 'diff/excerpt',
    message: describeExcerpt(excerpt, oldText, newText),
  };
}

/** A reference written another way with the same meaning ("[t10 cm 1 through 11]" -> "[t10 cm 1 - 11]"): a note. */
function respelled(e: DiffEntry, newFile: string): Finding[] {
  const [a] = e.old;
  const [b] = e.new;
  if (e.old.length !== 1 || e.new.length !== 1 || a === undefined || b === undefined || a.references.length !== b.references.length) return [];
  const squeeze = (t: string): string => t.replace(/\s+/g, ' ');
  return b.references.flatMap((nr, k): Finding[] => {
    const or = a.references[k];
    if (or === undefined || or.counterMeasures.join() !== nr.counterMeasures.join() || squeeze(or.raw) === squeeze(nr.raw)) return [];
    return [{ file: newFile, line: nr.line, column: nr.column, severity: 'note', code: 'diff/reference-spelling', message: `"${or.raw}" (was line ${or.line}) is now written "${nr.raw}": the same counter-measures` }];
  });
}

function countRenames(entries: readonly DiffEntry[]): RenameCount[] {
  const counts = new Map<string, RenameCount>();
  for (const e of entries) {
    const [a] = e.old;
    const [b] = e.new;
    if (e.old.length !== 1 || e.new.length !== 1 || a === undefined || b === undefined) continue;
    const seen = new Set<string>();
    for (const r of findRenames(a.text, b.text)) {
      const key = `${r.from} -> ${r.to}`;
      if (seen.has(key)) continue;
      seen.add(key);
      counts.set(key, { ...r, sentences: (counts.get(key)?.sentences ?? 0) + 1 });
    }
  }
  return [...counts.values()].sort((x, y) => y.sentences - x.sentences || (x.from < y.from ? -1 : 1));
}

/** Adds the paragraph references that cover the entry's unreferenced sentences (xref reads references so too), per side. */
function withCoverage(e: DiffEntry, g: { readonly old: readonly number[]; readonly new: readonly number[] }, o: readonly Requirement[], n: readonly Requirement[]): DiffEntry {
  const side = (reqs: readonly Requirement[], indices: readonly number[], which: 'old' | 'new'): CoveredBy[] => {
    const covers = indices.map((i) => coveringReference(reqs, i)).filter((c) => c !== undefined);
    if (covers.length === 0) return [];
    return [{ side: which, counterMeasures: [...new Set(covers.flatMap((c) => c.counterMeasures))].sort(compareKeys), lines: [...new Set(covers.map((c) => c.line))] }];
  };
  const covered = [...side(o, g.old, 'old'), ...side(n, g.new, 'new')];
  // Shown once when both sides are covered by the same counter-measures (NEW's lines then).
  const [a, b] = covered;
  const once = a !== undefined && b !== undefined && a.counterMeasures.join() === b.counterMeasures.join() ? [b] : covered;
  return once.length === 0 ? e : { ...e, covered: once };
}

function entry(old: readonly Requirement[], neu: readonly Requirement[]): DiffEntry {
  const before = new Set(old.flatMap((r) => r.counterMeasures));
  const after = new Set(neu.flatMap((r) => r.counterMeasures));
  const referencesAdded = keysMissingFrom(after, before);
  const referencesRemoved = keysMissingFrom(before, after);
  const base = { old, new: neu, referencesAdded, referencesRemoved };
  if (old.length === 0) return { kind: 'added', ...base };
  if (neu.length === 0) return { kind: 'removed', ...base };
  if (old.length > 1 && neu.length > 1) return { kind: 'regrouped', ...base };
  if (neu.length > 1) return { kind: 'split', ...base };
  if (old.length > 1) return { kind: 'merged', ...base };
  const [a, b] = [old[0] as Requirement, neu[0] as Requirement];
  // Loose words: "General Functions of the TE" and "General Functions of a TRE" are the same clause.
  const sectionMoved = canonicalWords(a.section, false).join(' ') !== canonicalWords(b.section, false).join(' ');
  const moved = sectionMoved ? { movedFrom: a.section } : {};
  const sameWords = canonicalWords(a.text, true).join(' ') === canonicalWords(b.text, true).join(' ');
  const sameRefs = referencesAdded.length === 0 && referencesRemoved.length === 0;
  // "shall" -> "should"/"may", "must" -> "should": a requirement made optional, its own kind (weakenedModal.ts).
  if (weakenedModals(a.text, b.text).length > 0) return { kind: 'weakened', ...base, words: wordDiff(a.text, b.text), ...moved };
  if (!sameWords) return { kind: 'reworded', ...base, words: wordDiff(a.text, b.text), ...moved };
  if (!sameRefs) return { kind: 'references', ...base, words: wordDiff(a.text, b.text), ...moved };
  if (sectionMoved) return { kind: 'moved', ...base, ...moved };
  return { kind: a.text === b.text ? 'unchanged' : 'renamed', ...base };
}

/** The column of the reference on `line` that names one of the changed counter-measures, when there is one. */
function columnOf(reqs: readonly Requirement[], line: number, g: readonly SupportChange[]): { column?: number } {
  const at = reqs.flatMap((r) => r.references).find((ref) => ref.line === line && ref.counterMeasures.some((c) => g.some((x) => x.counterMeasure === c)));
  return at === undefined ? {} : { column: at.column };
}

function groupByThreat(changes: readonly SupportChange[]): SupportChange[][] {
  const groups = new Map<string, SupportChange[]>();
  for (const c of changes) {
    const threat = c.counterMeasure.split('.')[0] ?? '';
    groups.set(threat, [...(groups.get(threat) ?? []), c]);
  }
  return [...groups.values()];
}

/** The keys of `a` that `b` lacks, in counter-measure order. */
function keysMissingFrom<K extends string>(a: Iterable<K>, b: { has(key: K): boolean }): K[] {
  return [...a].filter((k) => !b.has(k)).sort(compareKeys);
}
