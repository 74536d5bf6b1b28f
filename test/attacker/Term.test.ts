// Terms: the canonical JSON kept per term (termJson) is canonicalJson's text, whatever the term and however often asked.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/engine/canonicalJson.ts';
import { aenc, hash, mac, name, pk, senc, sign, termJson, tuple, type Term } from '../../src/attacker/Term.ts';

/** Terms of every kind, nested, over names that JSON must escape too. */
const terms = fc.letrec<{ term: Term }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.string({ unit: 'binary', maxLength: 6 }).map(name),
    fc.array(tie('term'), { maxLength: 3 }).map((items) => tuple(...items)),
    fc.tuple(tie('term'), tie('term')).map(([k, b]) => senc(k, b)),
    fc.tuple(tie('term'), tie('term')).map(([k, b]) => aenc(k, b)),
    fc.tuple(tie('term'), tie('term')).map(([k, b]) => sign(k, b)),
    fc.tuple(tie('term'), tie('term')).map(([k, b]) => mac(k, b)),
    tie('term').map(pk),
    tie('term').map(hash),
  ),
})).term;

describe('termJson', () => {
  it("writes canonicalJson's text of every term, the first time and when asked again", () => {
    fc.assert(
      fc.property(terms, (t) => {
        const expected = canonicalJson(t);
        expect(termJson(t)).toBe(expected);
        expect(termJson(t)).toBe(expected);
      }),
    );
  });

  it('writes a shared subterm alike in every term that holds it', () => {
    const key = senc(name('k'), name('"quoted"'));
    const outer = tuple(key, hash(key));
    expect(termJson(key)).toBe(canonicalJson(key));
    expect(termJson(outer)).toBe(canonicalJson(outer));
  });
});
