// termJson: the canonical JSON of a term, the same text canonicalJson gives, memoised per term object.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aenc, hash, mac, name, pk, senc, sign, termJson, tuple, type Term } from '../../src/attacker/Term.ts';
import { canonicalJson } from '../../src/engine/canonicalJson.ts';

/** Terms of every kind, with names that need escaping in JSON, and shared subterms (a synthesised term reuses known
 *  ones, which the memo then answers). */
const terms: fc.Arbitrary<Term> = fc.letrec<{ term: Term }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string(), fc.constantFrom('a"b', 'c\\d', 'e\nf', '\ud800', 'ok')).map(name),
    fc.array(tie('term'), { maxLength: 4 }).map((items) => tuple(...items)),
    fc.tuple(fc.constantFrom(senc, aenc, sign, mac), tie('term'), tie('term')).map(([make, key, body]) => make(key, body)),
    tie('term').map(pk),
    tie('term').map(hash),
    tie('term').map((t) => tuple(t, t)),
  ),
})).term;

describe('termJson', () => {
  it('is canonicalJson of the term, asked once or again', () => {
    fc.assert(
      fc.property(terms, (t) => {
        expect(termJson(t)).toBe(canonicalJson(t));
        expect(termJson(t)).toBe(canonicalJson(t));
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart terms that differ in one name, and reads back into the term', () => {
    const a = senc(name('k'), tuple(name('x'), hash(name('y'))));
    const b = senc(name('k'), tuple(name('x'), hash(name('z'))));
    expect(termJson(a)).not.toBe(termJson(b));
    expect(JSON.parse(termJson(a))).toEqual(a);
  });

  it('keys a term written with a field its kind does not have as canonicalJson does', () => {
    const odd = { kind: 'hash', body: name('x'), note: 'y' } as unknown as Term;
    expect(termJson(tuple(odd, name('z')))).toBe(canonicalJson(tuple(odd, name('z'))));
  });
});
