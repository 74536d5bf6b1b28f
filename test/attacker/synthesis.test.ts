// Typed synthesis over templates: built under derivable keys only, held terms placed where their shape fits,
// slots no receiver inspects at one value, and the candidates finite and in a fixed order.
import { describe, expect, it } from 'vitest';
import { canDerive, holds, knowledgeOf, knownTerms, learn, type Knowledge } from '../../src/attacker/knowledge.ts';
import { synthesise, synthesisReadsAlike, type SlotTyping } from '../../src/attacker/synthesis.ts';
import { mac, name, showTerm, sign, tuple, type Term } from '../../src/attacker/Term.ts';

/** Names typed by prefix: `n:` nonces, `k:` keys; the representative of every type is its `own` value. */
const typing: SlotTyping = {
  domain: (type, knowledge) =>
    [...knowledge.terms.values()].filter((t) => t.kind === 'name' && t.id.startsWith(`${type}:`)).sort((a, b) => showTerm(a).localeCompare(showTerm(b))),
  representative: (type) => name(`${type}:own`),
  isOfType: (value, type) => value.kind === 'name' && value.id.startsWith(`${type}:`),
};
const texts = (ts: readonly Term[]): string[] => ts.map(showTerm);

describe('synthesise', () => {
  const template = sign(name('?k'), tuple(name('msg'), name('?n'), name('?n#2')));

  it('fills each slot with every held value of its type, under every key of the slot it derives', () => {
    const kn = knowledgeOf([name('msg'), name('n:1'), name('n:2'), name('k:mine')]);
    const out = synthesise(template, kn, typing);
    expect(out).toHaveLength(4);
    expect(texts(out)).toContain(showTerm(sign(name('k:mine'), tuple(name('msg'), name('n:2'), name('n:1')))));
  });

  it('never signs under a key it lacks, but places a signature it read wherever its shape fits', () => {
    const read = sign(name('k:theirs'), tuple(name('msg'), name('n:1'), name('n:1')));
    const kn = knowledgeOf([name('msg'), read]);
    // Analysis yields n:1 and the tag; k:theirs is only a key inside a signature.
    expect(texts(synthesise(template, kn, typing))).toEqual([showTerm(read)]);
    const outer = tuple(name('wrap'), name('?n'), sign(name('?k'), tuple(name('msg'), name('?n#a'), name('?n#b'))));
    const kn2 = knowledgeOf([name('wrap'), name('n:2'), read]);
    // The read signature goes out beside a nonce of another message: it binds nothing outside it.
    expect(texts(synthesise(outer, kn2, typing))).toEqual([showTerm(tuple(name('wrap'), name('n:1'), read)), showTerm(tuple(name('wrap'), name('n:2'), read))]);
  });

  it('builds a MAC only under a key it holds, and every candidate is derivable', () => {
    const t = tuple(name('msg'), name('?n'), mac(name('?k'), name('?n')));
    const without = knowledgeOf([name('msg'), name('n:1')]);
    expect(synthesise(t, without, typing)).toEqual([]);
    const withKey = knowledgeOf([name('msg'), name('n:1'), name('k:1')]);
    const out = synthesise(t, withKey, typing);
    expect(texts(out)).toEqual([showTerm(tuple(name('msg'), name('n:1'), mac(name('k:1'), name('n:1'))))]);
    expect(out.every((c) => canDerive(withKey, c))).toBe(true);
  });

  it('gives a slot no receiver inspects its one representative, and a slot with a prefix names a value after it', () => {
    const kn = knowledgeOf([name('msg'), name('n:1'), name('n:2'), name('n:own'), name('x:n:1'), name('x:n:2')]);
    expect(texts(synthesise(tuple(name('msg'), name('?n!')), kn, typing))).toEqual(['<msg, n:own>']);
    // x:n:own is a name it does not hold: not derivable, so not a candidate.
    expect(texts(synthesise(tuple(name('msg'), name('x:?n')), kn, typing))).toEqual(['<msg, x:n:1>', '<msg, x:n:2>']);
  });

  it('is finite and deterministic: the same knowledge gives the same candidates in the same order', () => {
    const kn = knowledgeOf([name('msg'), name('n:2'), name('n:1'), name('k:b'), name('k:a')]);
    const first = texts(synthesise(template, kn, typing));
    expect(first).toEqual(texts(synthesise(template, knowledgeOf([name('k:a'), name('n:1'), name('msg'), name('k:b'), name('n:2')]), typing)));
    expect(first).toEqual([...first].sort());
    expect(first).toHaveLength(8);
  });
});

describe('synthesisReadsAlike', () => {
  const template = tuple(name('msg'), name('?n'), mac(name('?k'), name('?n')));
  const before = knowledgeOf([name('msg'), name('n:1'), name('k:1')]);
  /** Whether the template reads `before` and `before` with `term` alike, and whether synthesis gives the same. */
  const after = (term: Term): { alike: boolean; same: boolean } => {
    const grown: Knowledge = learn(before, term);
    const added = knownTerms(grown).filter((t) => !holds(before, t));
    const alike = synthesisReadsAlike(template, before, grown, added, typing);
    return { alike, same: texts(synthesise(template, before, typing)).join() === texts(synthesise(template, grown, typing)).join() };
  };

  it('says alike for a term synthesis does not read: the candidates are the same', () => {
    expect(after(name('other'))).toEqual({ alike: true, same: true });
  });

  it('says not alike for a new value of a slot\'s type, a new key, or a held MAC that fits the template', () => {
    expect(after(name('n:2'))).toEqual({ alike: false, same: false });
    expect(after(name('k:2'))).toEqual({ alike: false, same: false });
    expect(after(mac(name('k:theirs'), name('n:1')))).toEqual({ alike: false, same: false });
  });

  it('makes no promise when a slot takes a value the smaller knowledge does not hold', () => {
    const opaque = tuple(name('msg'), name('?n!'));
    // The representative n:own is not held before: a candidate with it is derivable only once it is.
    const grown = learn(before, name('n:own'));
    expect(synthesisReadsAlike(opaque, before, grown, [name('n:own')], typing)).toBe(false);
    expect(texts(synthesise(opaque, before, typing))).toEqual([]);
    expect(texts(synthesise(opaque, grown, typing))).toEqual(['<msg, n:own>']);
  });
});
