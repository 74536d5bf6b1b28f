// Counter-measure keys as the text tools use them, `t5.cm3` (the catalogue's id form for Alternative 1),
// converted from reference readings and back to the bracket form editors write.
import { expandSegments, renderReference, type ReferenceSegment } from './findReferences.ts';

/** Distinct keys of a reading, in threat then counter-measure order. */
export function keysOf(segments: readonly ReferenceSegment[]): string[] {
  const pairs = expandSegments(segments);
  pairs.sort((a, b) => a.threat - b.threat || a.cm - b.cm);
  return [...new Set(pairs.map((p) => `t${p.threat}.cm${p.cm}`))];
}

/** "[t1 cm1, 2, t4 cm3]" for keys t1.cm1, t1.cm2, t4.cm3; "[]" for none. */
export function renderKeys(keys: readonly string[]): string {
  const segments: ReferenceSegment[] = [];
  for (const key of keys) {
    const m = /^t(\d+)\.cm(\d+)$/.exec(key);
    if (m?.[1] === undefined || m[2] === undefined) continue;
    const threat = Number(m[1]);
    const cm = Number(m[2]);
    segments.push({ threat, from: cm, to: cm });
  }
  return segments.length === 0 ? '[]' : renderReference(segments);
}

/** t2.cm10 after t2.cm9, t10 after t9. */
export function compareKeys(a: string, b: string): number {
  const [ta, ca] = (a.match(/\d+/g) ?? []).map(Number);
  const [tb, cb] = (b.match(/\d+/g) ?? []).map(Number);
  return (ta ?? 0) - (tb ?? 0) || (ca ?? 0) - (cb ?? 0);
}
