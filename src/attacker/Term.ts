// Message terms with explicit cryptographic structure (Dolev-Yao): what a network attacker
// can read, replay and forge is decided by the structure and the keys it knows, not by strings.

export type Term =
  /** An atomic name: agent identity, nonce, key, constant. */
  | { readonly kind: 'name'; readonly id: string }
  /** Concatenation; projections are free to anyone holding the tuple. */
  | { readonly kind: 'tuple'; readonly items: readonly Term[] }
  /** Symmetric encryption of body under key. */
  | { readonly kind: 'senc'; readonly key: Term; readonly body: Term }
  /** Asymmetric encryption of body under the public key `key` (a `pk` term); opened with the private key. */
  | { readonly kind: 'aenc'; readonly key: Term; readonly body: Term }
  /** The public key of private key `of`. */
  | { readonly kind: 'pk'; readonly of: Term }
  /** Signature over body with private key `key`; the body stays readable (signature with message recovery). */
  | { readonly kind: 'sign'; readonly key: Term; readonly body: Term }
  /** Message authentication code over body with symmetric key `key`; reveals nothing of body. */
  | { readonly kind: 'mac'; readonly key: Term; readonly body: Term }
  /** One-way hash. */
  | { readonly kind: 'hash'; readonly body: Term };

export type TermKind = Term['kind'];

export const name = (id: string): Term => ({ kind: 'name', id });
export const tuple = (...items: Term[]): Term => ({ kind: 'tuple', items });
export const senc = (key: Term, body: Term): Term => ({ kind: 'senc', key, body });
export const aenc = (publicKey: Term, body: Term): Term => ({ kind: 'aenc', key: publicKey, body });
export const pk = (privateKey: Term): Term => ({ kind: 'pk', of: privateKey });
export const sign = (privateKey: Term, body: Term): Term => ({ kind: 'sign', key: privateKey, body });
export const mac = (key: Term, body: Term): Term => ({ kind: 'mac', key, body });
export const hash = (body: Term): Term => ({ kind: 'hash', body });

/** The text of each compound term shown so far: terms are immutable, and synthesis and analysis ask for the text
 *  of the same subterms again and again (every `has` of a knowledge set), which without this is quadratic in depth. */
const shown = new WeakMap<Term, string>();

/** Canonical, human-readable text of a term; equal terms and only those have equal text. */
export function showTerm(t: Term): string {
  if (t.kind === 'name') return t.id;
  let text = shown.get(t);
  if (text === undefined) {
    text = showCompound(t);
    shown.set(t, text);
  }
  return text;
}

function showCompound(t: Term): string {
  switch (t.kind) {
    case 'name':
      return t.id;
    case 'tuple':
      return `<${t.items.map(showTerm).join(', ')}>`;
    case 'senc':
    case 'aenc':
    case 'sign':
    case 'mac':
      return `${t.kind}(${showTerm(t.body)}, ${showTerm(t.key)})`;
    case 'pk':
      return `pk(${showTerm(t.of)})`;
    case 'hash':
      return `h(${showTerm(t.body)})`;
  }
}

export function termEquals(a: Term, b: Term): boolean {
  return a === b || showTerm(a) === showTerm(b);
}
