// A requirement weakened by its modal verb: "shall" or "must" in the old sentence where the new one, at the same
// place among its modal verbs, says "should" or "may" (what was required is now optional, ETSI/3GPP drafting rules).
const modal = /\b(shall|must|should|may)\b/gi;
const required = new Set(['shall', 'must']);

/** The weakened verbs, old -> new, in sentence order; empty when no required verb became optional. */
export function weakenedModals(oldText: string, newText: string): { readonly from: string; readonly to: string }[] {
  const a = [...oldText.matchAll(modal)].map((m) => m[1]!.toLowerCase());
  const b = [...newText.matchAll(modal)].map((m) => m[1]!.toLowerCase());
  // Modal verbs added or dropped: the sentence was rewritten, not weakened in place.
  if (a.length !== b.length) return [];
  return a.flatMap((from, i) => {
    const to = b[i]!;
    return required.has(from) && !required.has(to) ? [{ from, to }] : [];
  });
}
