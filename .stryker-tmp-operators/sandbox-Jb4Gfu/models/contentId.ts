// Real bytes for message terms: a SHA-256 content identifier, computed once per distinct term and cached.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { showTerm, type Term } from '../src/attacker/Term.ts';

const cache = new Map<string, string>();

/** Hex SHA-256 of the canonical text of `term`: used as content id, MAC/token value and code measurement.
 *  Cached by text, so a search that meets the same message a million times hashes it once (MEASURED.md). */
export function contentId(term: Term): string {
  const text = showTerm(term);
  let id = cache.get(text);
  if (id === undefined) {
    id = bytesToHex(sha256(utf8ToBytes(text)));
    cache.set(text, id);
  }
  return id;
}
