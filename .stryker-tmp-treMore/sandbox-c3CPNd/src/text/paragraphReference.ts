// The reference a sentence is covered by when it cites nothing itself: the next reference in its paragraph, as
// a reference at a paragraph's end usually covers the unreferenced sentences before it (the same reading the
// meaning check of xref uses). `diff` uses it so that rewording a covered sentence touches what the paragraph cites.
import type { Requirement } from './Requirement.ts';

export interface CoveringReference {
  /** Line of the sentence whose reference covers it. */
  readonly line: number;
  readonly counterMeasures: readonly string[];
}

/** Undefined when the sentence cites something itself, or nothing after it in its paragraph does. */
export function coveringReference(requirements: readonly Requirement[], at: number): CoveringReference | undefined {
  const r = requirements[at];
  if (r === undefined || r.counterMeasures.length > 0) return undefined;
  for (let k = at + 1; k < requirements.length; k++) {
    const o = requirements[k] as Requirement;
    if (o.paragraph !== r.paragraph) return undefined;
    if (o.counterMeasures.length > 0) return { line: o.line, counterMeasures: o.counterMeasures };
  }
  return undefined;
}
