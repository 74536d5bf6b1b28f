// Aligns the requirement sentences of two versions of a text that were reworded, renamed, moved and split:
// greedy one-to-one matching by word overlap (Dice coefficient on canonical words, best pairs first),
// then containment links for sentences that were split in two or merged into one.
import { canonicalWords } from './canonicalWords.ts';
import type { Requirement } from './Requirement.ts';

/** A group of old sentences and the new sentences they became; one of the two lists may be empty. */
export interface AlignedGroup {
  readonly old: readonly number[];
  readonly new: readonly number[];
  /** Best word overlap between the two sides, 0-1 (0 for added or removed sentences). */
  readonly similarity: number;
}

/** Pairs below this Dice similarity are not the same requirement. */
const matchThreshold = 0.5;
/** A sentence whose words are this much inside another one was cut from it (split) or merged into it. */
const containThreshold = 0.75;
/** Sentences with fewer content words than this are too short to be matched on containment. */
const minWords = 3;

export function alignRequirements(oldReqs: readonly Requirement[], newReqs: readonly Requirement[]): AlignedGroup[] {
  const ow = oldReqs.map((r) => new Set(canonicalWords(r.text, false)));
  const nw = newReqs.map((r) => new Set(canonicalWords(r.text, false)));
  const candidates: Array<{ i: number; j: number; sim: number; drift: number }> = [];
  ow.forEach((a, i) =>
    nw.forEach((b, j) => {
      const sim = dice(a, b);
      // Drift: how far apart the two sit in their texts; breaks ties in favour of sentences in the same place.
      if (sim >= matchThreshold) candidates.push({ i, j, sim, drift: Math.abs(i / Math.max(1, ow.length) - j / Math.max(1, nw.length)) });
    }),
  );
  candidates.sort((x, y) => y.sim - x.sim || x.drift - y.drift || x.i - y.i || x.j - y.j);
  const oldTo = new Map<number, number>();
  const newTo = new Map<number, number>();
  for (const c of candidates) {
    if (oldTo.has(c.i) || newTo.has(c.j)) continue;
    oldTo.set(c.i, c.j);
    newTo.set(c.j, c.i);
  }
  // Links beyond one-to-one: first the other half of a sentence an editor split in two (or of two merged into
  // one), which stands right beside the half that was matched, however short it is...
  const extra: Array<[number, number]> = [];
  const linked = new Set<string>();
  nw.forEach((b, j) => {
    if (newTo.has(j)) return;
    const i = adjacentHalf(j, newTo, b, ow, nw);
    if (i !== undefined) {
      extra.push([i, j]);
      linked.add(`n${j}`);
    }
  });
  ow.forEach((a, i) => {
    if (oldTo.has(i)) return;
    const j = adjacentHalf(i, oldTo, a, nw, ow);
    if (j !== undefined) {
      extra.push([i, j]);
      linked.add(`o${i}`);
    }
  });
  // ...then an unmatched sentence contained in one anywhere on the other side.
  nw.forEach((b, j) => {
    if (newTo.has(j) || linked.has(`n${j}`) || b.size < minWords) return;
    const best = bestContainer(b, ow, j / Math.max(1, nw.length));
    if (best !== undefined) extra.push([best, j]);
  });
  ow.forEach((a, i) => {
    if (oldTo.has(i) || linked.has(`o${i}`) || a.size < minWords) return;
    const best = bestContainer(a, nw, i / Math.max(1, ow.length));
    if (best !== undefined && !extra.some(([x, y]) => x === i || y === best)) extra.push([i, best]);
  });
  return groups(oldReqs.length, newReqs.length, [...oldTo.entries(), ...extra], ow, nw);
}

/**
 * For unmatched sentence `k` on one side: the other-side sentence matched to its neighbour k-1 or k+1, when `k`'s
 * words are inside it and adding them brings the neighbour closer to it (the two halves of one split sentence).
 */
function adjacentHalf(k: number, matched: ReadonlyMap<number, number>, words: ReadonlySet<string>, other: ReadonlyArray<ReadonlySet<string>>, same: ReadonlyArray<ReadonlySet<string>>): number | undefined {
  if (words.size === 0) return undefined;
  for (const neighbour of [k - 1, k + 1]) {
    const partner = matched.get(neighbour);
    const whole = partner === undefined ? undefined : other[partner];
    const half = same[neighbour];
    if (partner === undefined || whole === undefined || half === undefined) continue;
    let inside = 0;
    for (const w of words) if (whole.has(w)) inside += 1;
    if (inside / words.size >= containThreshold && dice(whole, new Set([...half, ...words])) > dice(whole, half)) return partner;
  }
  return undefined;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size + b.size === 0) return 1;
  let common = 0;
  for (const w of a) if (b.has(w)) common += 1;
  return (2 * common) / (a.size + b.size);
}

function bestContainer(words: ReadonlySet<string>, others: ReadonlyArray<ReadonlySet<string>>, position: number): number | undefined {
  let best: number | undefined;
  let bestScore = containThreshold;
  others.forEach((o, k) => {
    let common = 0;
    for (const w of words) if (o.has(w)) common += 1;
    const score = common / words.size - Math.abs(k / Math.max(1, others.length) - position) / 100;
    if (score >= bestScore) {
      best = k;
      bestScore = score;
    }
  });
  return best;
}

/** Connected components of the links, plus singletons for unlinked sentences, in text order. */
function groups(nOld: number, nNew: number, links: ReadonlyArray<readonly [number, number]>, ow: ReadonlyArray<ReadonlySet<string>>, nw: ReadonlyArray<ReadonlySet<string>>): AlignedGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    return p;
  };
  for (const [i, j] of links) parent.set(find(`o${i}`), find(`n${j}`));
  const byRoot = new Map<string, { old: number[]; new: number[] }>();
  const add = (key: string, side: 'old' | 'new', index: number): void => {
    const root = find(key);
    const g = byRoot.get(root) ?? { old: [], new: [] };
    g[side].push(index);
    byRoot.set(root, g);
  };
  for (let i = 0; i < nOld; i++) add(`o${i}`, 'old', i);
  for (let j = 0; j < nNew; j++) add(`n${j}`, 'new', j);
  const out = [...byRoot.values()].map((g) => {
    let sim = 0;
    for (const i of g.old) for (const j of g.new) sim = Math.max(sim, dice(ow[i] ?? new Set(), nw[j] ?? new Set()));
    return { old: g.old, new: g.new, similarity: Math.round(sim * 100) / 100 };
  });
  // New-text order; removed sentences go where their old neighbour went.
  const key = (g: AlignedGroup): number => (g.new.length > 0 ? Math.min(...g.new) : (g.old[0] ?? 0) * (nNew / Math.max(1, nOld)) + 0.5);
  return out.sort((a, b) => key(a) - key(b) || (a.old[0] ?? 0) - (b.old[0] ?? 0));
}
