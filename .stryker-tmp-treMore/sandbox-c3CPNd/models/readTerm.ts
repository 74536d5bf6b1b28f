// How an honest role reads a received term: tagged tuples, signature and MAC checks, decryption.
// Dolev-Yao semantics: a check succeeds exactly when the term was built with the right key.
import { pk, termEquals, type Term } from '../src/attacker/Term.ts';

/** The items of `<tag, ...rest>` when `t` is a tuple whose first item is the name `tag` with `arity` items after it. */
export function fieldsOf(t: Term | undefined, tag: string, arity: number): readonly Term[] | undefined {
  if (t === undefined || t.kind !== 'tuple' || t.items.length !== arity + 1) return undefined;
  const head = t.items[0];
  if (head === undefined || head.kind !== 'name' || head.id !== tag) return undefined;
  return t.items.slice(1);
}

/** The signed body when `t` is a signature verifiable with `publicKey` (a `pk` term). */
export function verifySigned(t: Term | undefined, publicKey: Term): Term | undefined {
  if (t === undefined || t.kind !== 'sign') return undefined;
  return termEquals(pk(t.key), publicKey) ? t.body : undefined;
}

/** The plaintext when `t` is encrypted under the public key of `privateKey`. */
export function decryptWith(t: Term | undefined, privateKey: Term): Term | undefined {
  if (t === undefined || t.kind !== 'aenc') return undefined;
  return termEquals(t.key, pk(privateKey)) ? t.body : undefined;
}

/** True when `t` is the MAC of `body` under `key`. */
export function macMatches(t: Term | undefined, key: Term, body: Term): boolean {
  return t !== undefined && t.kind === 'mac' && termEquals(t.key, key) && termEquals(t.body, body);
}

/** The identifier of a name term, or undefined. */
export function nameId(t: Term | undefined): string | undefined {
  return t !== undefined && t.kind === 'name' ? t.id : undefined;
}

export function same(a: Term | undefined, b: Term | undefined): boolean {
  return a !== undefined && b !== undefined && termEquals(a, b);
}
