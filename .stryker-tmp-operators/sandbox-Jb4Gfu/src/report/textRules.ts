// What each finding code of the text tools means, for SARIF rules (short and full description, help): an editor
// reading a code-scanning alert learns what was checked and what to do. A code missing here is described by its tool.
export interface TextRule {
  readonly short: string;
  readonly full: string;
  /** SARIF's default level when it is not the tool's usual one (a weakened requirement is a warning). */
  readonly level?: 'warning';
}


const xref = 'the [tx cmy] cross-references of a TRE function text, against the counter-measures of the threat analysis (003 7.1.2.1)';
const risk = 'the threat analysis (003 clause 7): its scales, risk matrix, summary table and each threat, recomputed';
const diff = 'two versions of a TRE function text, aligned requirement by requirement';

const rules: Readonly<Record<string, TextRule>> = {
  'xref/malformed': { short: 'A cross-reference that does not parse as [tx cmy].', full: `Checks ${xref}. The reference is not written as [tN cmM, ...]; the likely intended reference is suggested.` },
  'xref/duplicate': { short: 'A cross-reference names a counter-measure twice.', full: `Checks ${xref}. A counter-measure repeated within one reference says nothing more.` },
  'xref/void': { short: 'A cross-reference names a void counter-measure.', full: `Checks ${xref}. The counter-measure is a void slot of the analysis (kept for numbering), so the reference supports nothing.` },
  'xref/unknown': { short: 'A cross-reference names a counter-measure the analysis lacks.', full: `Checks ${xref}. No counter-measure of that number exists for that threat.` },
  'xref/coverage': { short: 'Counter-measures no function references.', full: `Checks ${xref}. Lists the counter-measures of each threat that no sentence of the text references.` },
  'xref/likely-wrong': { short: 'A cross-reference whose counter-measure does not match its sentence.', full: `Checks ${xref}. The sentence shares few meaning words with the referenced counter-measure and many with another, which is suggested.` },
  'xref/likely-missing': { short: 'A sentence that probably lacks a cross-reference.', full: `Checks ${xref}. The sentence matches a counter-measure closely but references none.` },
  'risk/excerpt': { short: 'The text is an excerpt of a threat analysis.', full: `Checks ${risk}. Only part of the analysis is there, so whole-analysis checks are left out.` },
  'risk/range': { short: 'A risk level given as a range.', full: `Checks ${risk}. A likelihood or impact stated as a range gives several risks; says whether they agree.` },
  'risk/void': { short: 'A void counter-measure slot.', full: `Checks ${risk}. A placeholder counter-measure kept so that references keep their numbers.` },
  'risk/cm-numbering': { short: 'Counter-measures numbered out of sequence.', full: `Checks ${risk}. Counter-measures of a threat start at 1 and follow each other.` },
  'risk/summary-mismatch': { short: 'The summary table disagrees with a threat\'s analysis.', full: `Checks ${risk}. The risk level in the summary table differs from the level the threat's likelihood and impact give.` },
  'diff/lost-support': { short: 'A counter-measure lost all text support.', full: `Compares ${diff}. No requirement of the new text references the counter-measure any more; the properties that check it are re-run by diff --check.` },
  'diff/gained-support': { short: 'A counter-measure gained text support.', full: `Compares ${diff}. The new text references a counter-measure the old one did not.` },
  'diff/reference-spelling': { short: 'A cross-reference written another way with the same meaning.', full: `Compares ${diff}. The reference names the same counter-measures in another spelling.` },
  'diff/excerpt': { short: 'The new text is an excerpt of the old one.', full: `Compares ${diff}. Clauses the new text leaves out are not counted as removed.` },
  'diff/weakened-requirement': { short: 'A requirement\'s modal verb was weakened.', full: `Compares ${diff}. A "shall" became "should" or "may", or a "must" became "should": what was required is now optional, so the counter-measures it references are no longer required by the text.`, level: 'warning' },
  'diff/reworded': { short: 'A requirement was reworded.', full: `Compares ${diff}. The wording of a requirement changed; its references did not.` },
  'diff/removed-reference': { short: 'A requirement lost a cross-reference.', full: `Compares ${diff}. The new wording of the requirement no longer references a counter-measure the old one did.` },
};

const tools: Readonly<Record<string, string>> = { xref, risk, diff, catalogue: 'the counter-measure catalogue against the threat analysis text' };

/** The rule of a finding code; a code not listed gets its tool's description and its own name in words. */
export function textRule(code: string, tool: string): TextRule {
  const known = rules[code];
  if (known !== undefined) return known;
  const what = (code.split('/')[1] ?? code).replace(/-/g, ' ');
  return { short: `${what[0]?.toUpperCase() ?? ''}${what.slice(1)} (${tool}).`, full: `Checks ${tools[tool] ?? `a TR text (${tool})`}: ${what}.` };
}
