// The words a sentence or a counter-measure is compared on by the meaning check: lower case, references and
// stopwords out, the TR's renamings applied (MID -> MCIM, TE -> TRE), each word reduced to its Porter stem
// (M. F. Porter, "An algorithm for suffix stripping", 1980) so "provisioned" and "provisioning" are one word.
import { stemmer } from 'stemmer';
import { renameTerms } from './canonicalWords.ts';

/** Function words, modal verbs, and words every TRE requirement and counter-measure shares, which say nothing about which one it is. */
const stopwords = new Set(
  (
    'a an the of to and or in for on at by as with from into that which this these those it its is are be been being do does such also any so than ' +
    'then there their them they if where when whose who not no should shall must may might can could would will e.g i.e etc other same each all ' +
    'only some more most via per use used using'
  ).split(' '),
);

export function meaningWords(text: string): string[] {
  const t = renameTerms(text.toLowerCase().replace(/\[[^\]]*\]?|\bt\d+\s*,?\s*cm[\s\d,-]*\]?/g, ' '));
  const words = t.match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g) ?? [];
  // British and American spellings mix in the TR ("authorised", "authorization"): one spelling before stemming.
  return words.filter((w) => w.length > 1 && !stopwords.has(w)).map((w) => stemmer(w.replace(/(?<=[a-z]{3})is(e|ed|es|ing|ation|ations)$/, 'iz$1')));
}
