// Reading the raw terms that roles recorded (their ghost logs) the way an observer does: by the term's structure,
// not by the model's checks (models/readTerm.ts), so that a property judges a message itself: who signed it
// (the private key it is built with), what it names, what it carries inside any encryption.
import { termEquals, type Term } from '../../src/attacker/Term.ts';
import { isShoId, type ShoId } from '../../models/roleIds.ts';

/** The SHO whose private key signed `t` (`sign(body, sk:shoN)`), or undefined for any other signer or no signature. */
export function shoSigner(t: Term): ShoId | undefined {
  if (t.kind !== 'sign' || t.key.kind !== 'name') return undefined;
  const sho = t.key.id.replace(/^sk:/, '');
  return t.key.id.startsWith('sk:') && isShoId(sho) ? sho : undefined;
}

const signedBody = (t: Term): Term | undefined => (t.kind === 'sign' ? t.body : t);

/** The items after the tag of `<tag, ...>`, or undefined. */
function tagged(t: Term | undefined, tag: string): readonly Term[] | undefined {
  if (t?.kind !== 'tuple') return undefined;
  const head = t.items[0];
  return head?.kind === 'name' && head.id === tag ? t.items.slice(1) : undefined;
}

/** The plaintext under any encryption: an observer sees what was put inside. */
const opened = (t: Term | undefined): Term | undefined => (t?.kind === 'aenc' || t?.kind === 'senc' ? opened(t.body) : t);

const idOf = (t: Term | undefined): string | undefined => (t?.kind === 'name' ? t.id : undefined);

/** What an MCIM object (M2MSIMMobj) or an activation object says: the SHO it is for, its nonce, and the token inside. */
export interface ObjectView {
  readonly signer: ShoId | undefined;
  readonly nonce: string | undefined;
  /** The SHO whose MCIM the object installs or activates. */
  readonly sho: string | undefined;
  readonly token: Term | undefined;
}

export function objectView(t: Term): ObjectView {
  const signer = shoSigner(t);
  const body = signedBody(t);
  const mobj = tagged(body, 'M2MSIMMobj');
  if (mobj !== undefined) {
    const content = tagged(opened(mobj[2]), 'mcim');
    return { signer, nonce: idOf(mobj[1]), sho: idOf(content?.[0]), token: content?.[4] };
  }
  const activation = tagged(body, 'activateMcim');
  return { signer, nonce: idOf(activation?.[1]), sho: idOf(activation?.[2]), token: undefined };
}

/** What a lifecycle command says: the MCIM it names and the event. */
export function commandView(t: Term): { readonly signer: ShoId | undefined; readonly mcim: string | undefined; readonly event: string | undefined } {
  const f = tagged(signedBody(t), 'lifecycle');
  return { signer: shoSigner(t), mcim: idOf(f?.[1]), event: idOf(f?.[2]) };
}

/** The device (PCID) a lifecycle command names: the SHO's signed command, or the subscriber's own command (a MAC'd
 *  `userLifecycle` around the same body, 003 t7 cm3). */
export function commandDevice(t: Term): Term | undefined {
  const user = tagged(t, 'userLifecycle');
  return tagged(user === undefined ? signedBody(t) : user[0], 'lifecycle')?.[0];
}

/** What a platform credential certifies (5.1.3.5.8 (3)): the PCID and the TRE public key in its body. */
export function pfcView(t: Term): { readonly pcid: Term | undefined; readonly key: Term | undefined } {
  const f = tagged(signedBody(t), 'PfC');
  return { pcid: f?.[0], key: f?.[1] };
}

/** What an MCIM update says (5.1.2.3 [t7 cm7]): who signed it and the MCIM it names (`mcim:<sho>`). */
export function updateView(t: Term): { readonly signer: ShoId | undefined; readonly mcim: string | undefined } {
  const f = tagged(signedBody(t), 'mcimUpdate');
  return { signer: shoSigner(t), mcim: idOf(f?.[1]) };
}

/** The SHO whose MCIM a registry instance id names: `mcim:<sho>` or `mcim:<sho>#<n>`. */
export function instanceOwner(instance: string): string | undefined {
  return /^mcim:([^#]+)(#\d+)?$/.exec(instance)?.[1];
}

/** How many times `t` occurs in `ts`. */
export const occurrences = (ts: readonly Term[], t: Term): number => ts.filter((x) => termEquals(x, t)).length;

/** Each distinct term of `applied` that occurs more often there than in `issued` (injective agreement, Lowe). */
export function appliedMoreThanIssued(applied: readonly Term[], issued: readonly Term[]): Term[] {
  const distinct = applied.filter((t, i) => applied.findIndex((x) => termEquals(x, t)) === i);
  return distinct.filter((t) => occurrences(applied, t) > occurrences(issued, t));
}
