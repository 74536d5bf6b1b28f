// Dolev-Yao knowledge: what analysis opens, what synthesis builds, and the canonical key.
import { describe, expect, it } from 'vitest';
import { canDerive, holds, knowledgeOf, learn } from '../../src/attacker/knowledge.ts';
import { aenc, hash, mac, name, pk, senc, sign, tuple } from '../../src/attacker/Term.ts';

const [a, b, k, sk, secret, n] = ['A', 'B', 'k', 'sk', 'secret', 'N'].map(name) as [
  ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>,
];

describe('knowledge analysis', () => {
  it('projects tuples, nested ones included', () => {
    const kn = knowledgeOf([tuple(a, tuple(n, b))]);
    expect(holds(kn, n)).toBe(true);
    expect(holds(kn, b)).toBe(true);
  });

  it('opens symmetric ciphertexts only with the key, also when the key arrives later', () => {
    const locked = knowledgeOf([senc(k, secret)]);
    expect(holds(locked, secret)).toBe(false);
    expect(canDerive(locked, secret)).toBe(false);
    expect(holds(learn(locked, tuple(a, k)), secret)).toBe(true);
  });

  it('opens public-key ciphertexts with the private key, not with the public one', () => {
    const cipher = aenc(pk(sk), secret);
    expect(holds(knowledgeOf([cipher, pk(sk)]), secret)).toBe(false);
    expect(holds(knowledgeOf([cipher, sk]), secret)).toBe(true);
  });

  it('reads signed bodies but cannot forge a signature without the key', () => {
    const kn = knowledgeOf([sign(sk, secret), n]);
    expect(holds(kn, secret)).toBe(true);
    expect(canDerive(kn, sign(sk, n))).toBe(false);
    expect(canDerive(learn(kn, sk), sign(sk, n))).toBe(true);
  });

  it('never inverts MACs or hashes', () => {
    const kn = knowledgeOf([mac(k, secret), hash(n), k]);
    expect(holds(kn, secret)).toBe(false);
    expect(holds(kn, n)).toBe(false);
    expect(canDerive(kn, mac(k, secret))).toBe(true);
    expect(canDerive(kn, mac(k, n))).toBe(false);
  });

  it('chains: a key inside one ciphertext opens another', () => {
    expect(holds(knowledgeOf([senc(k, secret), aenc(pk(sk), k), sk]), secret)).toBe(true);
  });
});

describe('knowledge synthesis', () => {
  it('builds tuples, encryptions, hashes and public keys from known parts only', () => {
    const kn = knowledgeOf([a, n, pk(sk), k]);
    expect(canDerive(kn, aenc(pk(sk), tuple(n, a)))).toBe(true);
    expect(canDerive(kn, senc(k, hash(tuple(a, n))))).toBe(true);
    expect(canDerive(kn, aenc(pk(sk), tuple(n, b)))).toBe(false);
    expect(canDerive(kn, pk(sk))).toBe(true);
    expect(canDerive(kn, pk(k))).toBe(true);
    expect(canDerive(kn, sk)).toBe(false);
  });
});

describe('knowledge key', () => {
  it('does not depend on the order things were learned in', () => {
    const one = learn(learn(knowledgeOf([a]), senc(k, n)), k);
    const two = learn(knowledgeOf([k, senc(k, n)]), a);
    expect(one.key).toBe(two.key);
    expect(one.key).not.toBe(knowledgeOf([a, k]).key);
  });

  it('learning something already known returns the same knowledge', () => {
    const kn = knowledgeOf([tuple(a, b)]);
    expect(learn(kn, a)).toBe(kn);
    expect(learn(kn, n)).not.toBe(kn);
  });

  it('is made when first read (the TR world never reads it), and a structured clone holds it as data', () => {
    const kn = knowledgeOf([a, b]);
    expect(typeof Object.getOwnPropertyDescriptor(kn, 'key')?.get).toBe('function');
    const copy = structuredClone(kn);
    expect(Object.getOwnPropertyDescriptor(copy, 'key')?.value).toBe(kn.key);
    expect(JSON.parse(JSON.stringify({ key: kn.key }))).toEqual({ key: [...kn.terms.keys()].sort().join('\n') });
  });

  it('survives structured cloning (worker threads)', () => {
    const kn = knowledgeOf([senc(k, secret), a]);
    const copy = structuredClone(kn);
    expect(copy.key).toBe(kn.key);
    expect(canDerive(learn(copy, k), secret)).toBe(true);
  });
});
