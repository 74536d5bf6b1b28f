// The held-out set for the meaning check of references: altered copies of the TRE texts that no threshold is
// tuned on. Made apart from the tuning copies of meaningEvaluation.ts (every replacement by the same threat, and
// one by the next threat): a random well-formed reference of a random text has one cited counter-measure replaced
// by a random counter-measure of any *other* threat that the tuning copies never use, drawn with a fixed seed.
// The cases are stored in test/fixtures/text/meaning-held-out.json (scripts/makeMeaningHeldOut.ts writes it);
// a test checks that the file is what the seed gives.
import fc from 'fast-check';
import { checkReferenceMeaning, type MeaningThresholds } from '../../src/text/checkReferenceMeaning.ts';
import type { CounterMeasureIndex } from '../../src/text/CounterMeasureIndex.ts';
import { extractRequirements } from '../../src/text/extractRequirements.ts';
import { findReferences } from '../../src/text/findReferences.ts';
import type { SourceText } from '../../src/text/SourceText.ts';

export interface HeldOutCase {
  /** Seed prefix of the altered text ("000"). */
  readonly text: string;
  readonly line: number;
  readonly column: number;
  /** The reference as written in the seed, and as written in the altered copy. */
  readonly before: string;
  readonly after: string;
  /** `t4.cm5` replaced by `t9.cm2`. */
  readonly replaced: string;
  readonly replacement: string;
}

export interface HeldOutSet {
  readonly seed: number;
  readonly rule: string;
  readonly cases: readonly HeldOutCase[];
}

export const heldOutSeed = 21_2026;
export const heldOutRule =
  'one well-formed reference of 000, 001 or 004 (inside the TRE clause), one cited counter-measure replaced by a counter-measure of another threat that the tuning copies do not use (not the same threat, not the next threat), not already cited by the sentence';

const key = (threat: number, cm: number): string => `t${threat}.cm${cm}`;
const parseKey = (k: string): { threat: number; cm: number } => {
  const m = /^t(\d+)\.cm(\d+)$/.exec(k);
  return { threat: Number(m?.[1]), cm: Number(m?.[2]) };
};

/** "[t4 cm1, 2, 3, 4, t9 cm2]": keys sorted by threat and number, runs of three or more written as ranges. */
export function writeReference(keys: readonly string[]): string {
  const byThreat = new Map<number, number[]>();
  for (const k of keys) {
    const { threat, cm } = parseKey(k);
    byThreat.set(threat, [...(byThreat.get(threat) ?? []), cm]);
  }
  const groups = [...byThreat.entries()].sort(([a], [b]) => a - b).map(([threat, cms]) => {
    const sorted = [...new Set(cms)].sort((a, b) => a - b);
    const parts: string[] = [];
    for (let i = 0; i < sorted.length; ) {
      let j = i;
      while (j + 1 < sorted.length && (sorted[j + 1] ?? 0) === (sorted[j] ?? 0) + 1) j += 1;
      if (j - i >= 2) parts.push(`${sorted[i]} - ${sorted[j]}`);
      else for (let k = i; k <= j; k++) parts.push(`${sorted[k]}`);
      i = j + 1;
    }
    return `t${threat} cm${parts.join(', ')}`;
  });
  return `[${groups.join(', ')}]`;
}

/** The counter-measures the tuning copies put in place of `replaced`: its own threat's, and the next threat's pick. */
function tuningReplacements(replaced: string, index: CounterMeasureIndex): Set<string> {
  const { threat, cm } = parseKey(replaced);
  const same = index.entries.filter((e) => e.threat === threat).map((e) => e.key);
  const threats = [...new Set(index.entries.map((e) => e.threat))];
  const next = threats[(threats.indexOf(threat) + 1) % threats.length];
  const ofNext = index.entries.filter((e) => e.threat === next);
  const pick = (ofNext.find((e) => e.number === cm) ?? ofNext[0])?.key;
  return new Set([...same, ...(pick === undefined ? [] : [pick])]);
}

/** Draws `count` distinct cases from the texts with the fixed seed. */
export function makeHeldOutCases(texts: Readonly<Record<string, SourceText>>, index: CounterMeasureIndex, count = 40, seed = heldOutSeed): HeldOutSet {
  const known = new Set(index.entries.map((e) => e.key));
  const pool = Object.entries(texts).flatMap(([text, source]) => {
    const inScope = new Set(extractRequirements(source).requirements.flatMap((r) => r.references.map((ref) => `${ref.line}:${ref.column}`)));
    const sentenceKeys = new Map(extractRequirements(source).requirements.flatMap((r) => r.references.map((ref) => [`${ref.line}:${ref.column}`, r.counterMeasures] as const)));
    return findReferences(source.lines)
      .filter((ref) => ref.problems.length === 0 && inScope.has(`${ref.line}:${ref.column}`))
      .map((ref) => ({ text, ref, cited: (sentenceKeys.get(`${ref.line}:${ref.column}`) ?? []).filter((k) => known.has(k)) }));
  });
  const draws = fc.sample(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { seed, numRuns: count * 20 });
  const cases: HeldOutCase[] = [];
  const seen = new Set<string>();
  for (const [a, b, c] of draws) {
    if (cases.length >= count) break;
    const site = pool[a % pool.length];
    if (site === undefined) continue;
    const own = site.ref.segments.flatMap((s) => Array.from({ length: s.to - s.from + 1 }, (_, k) => key(s.threat, s.from + k))).filter((k) => known.has(k));
    const replaced = own[b % own.length];
    if (replaced === undefined) continue;
    const excluded = tuningReplacements(replaced, index);
    const choices = index.entries.map((e) => e.key).filter((k) => !excluded.has(k) && !site.cited.includes(k));
    const replacement = choices[c % choices.length];
    const id = `${site.text}:${site.ref.line}:${site.ref.column}:${replaced}`;
    if (replacement === undefined || seen.has(id)) continue;
    seen.add(id);
    const after = writeReference(own.map((k) => (k === replaced ? replacement : k)));
    cases.push({ text: site.text, line: site.ref.line, column: site.ref.column, before: site.ref.raw, after, replaced, replacement });
  }
  return { seed, rule: heldOutRule, cases };
}

/** The seed text with the case's reference rewritten. */
export function applyCase(source: SourceText, c: HeldOutCase): SourceText {
  const lines = [...source.lines];
  const text = lines[c.line - 1] ?? '';
  const at = c.column - 1;
  if (text.slice(at, at + c.before.length) !== c.before) throw new Error(`held-out case ${c.text}:${c.line}:${c.column} no longer matches its seed text`);
  lines[c.line - 1] = text.slice(0, at) + c.after + text.slice(at + c.before.length);
  return { ...source, lines };
}

export interface HeldOutOutcome {
  readonly case: HeldOutCase;
  /** The replacement was flagged as likely wrong. */
  readonly found: boolean;
  /** Other counter-measures of the altered copy flagged that the unaltered text does not flag: false flags. */
  readonly falseFlags: readonly string[];
}

export interface HeldOutFigures {
  readonly outcomes: readonly HeldOutOutcome[];
  readonly found: number;
  readonly falseFlags: number;
  readonly precision: number;
  readonly recall: number;
}

const flagsOf = (source: SourceText, index: CounterMeasureIndex, thresholds?: MeaningThresholds): string[] =>
  checkReferenceMeaning(extractRequirements(source).requirements, index, thresholds).wrong.map((w) => `${w.line}:${w.column}:${w.cited.key}`);

/** Runs the check on each altered copy; precision = found / (found + false flags), recall = found / cases. */
export function evaluateHeldOut(set: HeldOutSet, texts: Readonly<Record<string, SourceText>>, index: CounterMeasureIndex, thresholds?: MeaningThresholds): HeldOutFigures {
  const unaltered = new Map(Object.entries(texts).map(([p, s]) => [p, new Set(flagsOf(s, index, thresholds))]));
  const outcomes = set.cases.map((c): HeldOutOutcome => {
    const source = texts[c.text];
    if (source === undefined) throw new Error(`held-out case names text ${c.text}, which was not given`);
    // A later reference on the altered line moved by the difference in length: read its flags where they stood.
    const shift = c.after.length - c.before.length;
    const flags = flagsOf(applyCase(source, c), index, thresholds).map((f) => {
      const [line, column, key] = f.split(':');
      return Number(line) === c.line && Number(column) > c.column ? `${line}:${Number(column) - shift}:${key}` : f;
    });
    const mine = `${c.line}:${c.column}:${c.replacement}`;
    const before = unaltered.get(c.text) ?? new Set<string>();
    return { case: c, found: flags.includes(mine), falseFlags: flags.filter((f) => f !== mine && !before.has(f)) };
  });
  const found = outcomes.filter((o) => o.found).length;
  const falseFlags = outcomes.reduce((n, o) => n + o.falseFlags.length, 0);
  return { outcomes, found, falseFlags, precision: found + falseFlags === 0 ? 1 : found / (found + falseFlags), recall: outcomes.length === 0 ? 0 : found / outcomes.length };
}
