// Words of a requirement sentence in a form that survives the TR's renamings (MID -> MCIM, TE -> TRE,
// PS / DP-SP -> DPF): the version diff compares these, not the raw text.
const renames: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bdownload and provisioning (?:service|function)\b/g, 'dpf'],
  [/\bprovisioning sever\b|\bprovisioning server\b/g, 'dpf'],
  [/\b(?:ps|dp-sp|dpf)\b/g, 'dpf'],
  [/\bmides?\b|\bmids?\b|\bmcims?\b/g, 'mcim'],
  [/\btrusted environment\b/g, 'tre'],
  [/\b(?:te|tre|tres)\b/g, 'tre'],
];

/** Lower-case text with the TR's renamings applied: every spelling of a term becomes one word. */
export function renameTerms(lowerCase: string): string {
  let t = lowerCase;
  for (const [pattern, to] of renames) t = t.replace(pattern, to);
  return t;
}

/** Words that carry no requirement content; modal verbs are among them for alignment only. */
const stopwords = new Set(
  'a an the of to and or in for on at by as with from into that which this these those it its is are be been being do does such also any so than then there their them they if where when whose who'.split(' '),
);
const modals = new Set('should shall must may might can could would will'.split(' '));

/** Lower-case, references removed, renamings applied; strict keeps every word (for "did the wording change"). */
export function canonicalWords(text: string, strict: boolean): string[] {
  const t = renameTerms(text.toLowerCase().replace(/\[[^\]]*\]?|\bt\d+\s*,?\s*cm[\s\d,\-]*\]?/g, ' '));
  const words = t.match(/[a-z0-9][a-z0-9/'-]*/g) ?? [];
  if (strict) return words;
  return words.filter((w) => !stopwords.has(w) && !modals.has(w)).map(stem);
}

/** Plural and common verb endings: "provisions", "provisioned" and "provisioning" count as the same word. */
function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  // "include", "includes", "included", "including" all end as "includ".
  return w.length > 4 && w.endsWith('e') ? w.slice(0, -1) : w;
}
