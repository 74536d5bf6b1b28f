// The attacker's derivation of a secret: the terms read and the analysis steps, each using only earlier ones.
import { describe, expect, it } from 'vitest';
import { derivationOf, formatDerivation } from '../../src/attacker/derivation.ts';
import { canDerive, knowledgeOf } from '../../src/attacker/knowledge.ts';
import { aenc, mac, name, pk, sign, tuple } from '../../src/attacker/Term.ts';

const [secret, k, sk, n] = ['secret', 'k', 'sk', 'n'].map(name) as [ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>];

describe('derivationOf', () => {
  it('reads, takes a signed body apart and decrypts with a key read in another message, in order', () => {
    const cipher = aenc(pk(sk), tuple(n, secret));
    const signed = sign(name('other'), tuple(name('tag'), cipher));
    const steps = derivationOf([], [signed, tuple(name('leak'), sk)], secret)!;
    expect(formatDerivation(steps)).toEqual([
      'read sign(<tag, aenc(<n, secret>, pk(sk))>, other)',
      '<tag, aenc(<n, secret>, pk(sk))>: body of the signature sign(<tag, aenc(<n, secret>, pk(sk))>, other)',
      'aenc(<n, secret>, pk(sk)): projection of <tag, aenc(<n, secret>, pk(sk))>',
      'read <leak, sk>',
      'sk: projection of <leak, sk>',
      '<n, secret>: decryption of aenc(<n, secret>, pk(sk)) with sk',
      'secret: projection of <n, secret>',
    ]);
  });

  it('gives no derivation of what analysis does not yield, as knowledge.ts agrees', () => {
    const observed = [aenc(pk(sk), secret), mac(k, secret), tuple(name('x'), k)];
    expect(derivationOf([], observed, secret)).toBeUndefined();
    expect(canDerive(knowledgeOf(observed), secret)).toBe(false);
  });

  it('names what the attacker knew from the start', () => {
    expect(formatDerivation(derivationOf([k], [], k)!)).toEqual(['knew k']);
  });
});
