// How the attacker came to hold a term: the terms it read (or knew from the start) and the analysis steps
// (projection, reading a signed body, decryption with a key it holds) that lead from them to the term, in an order
// where each step uses only what earlier steps gave. What Tamarin shows as the attacker's part of an attack.
import { showTerm, type Term } from './Term.ts';

export type DerivationStep =
  /** A term the attacker read on a channel (an observed message) or knew from the start. */
  | { readonly kind: 'read' | 'initial'; readonly term: Term }
  /** An item of a tuple it holds. */
  | { readonly kind: 'project'; readonly term: Term; readonly from: Term }
  /** The body of a signature it holds (signatures with message recovery). */
  | { readonly kind: 'signed-body'; readonly term: Term; readonly from: Term }
  /** The plaintext of a ciphertext it holds, opened with `key` (the private key of an asymmetric one). */
  | { readonly kind: 'decrypt'; readonly term: Term; readonly from: Term; readonly key: Term };

type Origin = DerivationStep;

/** The steps by which the attacker, knowing `initial` and having read `observed`, holds `secret`; undefined when
 *  analysis does not give it. The same closure as knowledge.ts, with how each term was first obtained. */
export function derivationOf(initial: readonly Term[], observed: readonly Term[], secret: Term): DerivationStep[] | undefined {
  const origins = new Map<string, Origin>();
  const locked: (Term & { kind: 'senc' | 'aenc' })[] = [];
  const add = (origin: Origin): void => {
    const text = showTerm(origin.term);
    if (origins.has(text)) return;
    origins.set(text, origin);
    const t = origin.term;
    if (t.kind === 'tuple') for (const item of t.items) add({ kind: 'project', term: item, from: t });
    else if (t.kind === 'sign') add({ kind: 'signed-body', term: t.body, from: t });
    else if (t.kind === 'senc' || t.kind === 'aenc') locked.push(t as Term & { kind: 'senc' | 'aenc' });
  };
  for (const t of initial) add({ kind: 'initial', term: t });
  for (const t of observed) add({ kind: 'read', term: t });
  // Open ciphertexts while some key became available (each opened at most once).
  for (let opened = true; opened; ) {
    opened = false;
    for (let i = locked.length - 1; i >= 0; i--) {
      const cipher = locked[i]!;
      const key = cipher.kind === 'aenc' ? (cipher.key.kind === 'pk' ? cipher.key.of : undefined) : cipher.key;
      if (key === undefined || !origins.has(showTerm(key))) continue;
      locked.splice(i, 1);
      add({ kind: 'decrypt', term: cipher.body, from: cipher, key });
      opened = true;
    }
  }
  if (!origins.has(showTerm(secret))) return undefined;
  const steps: DerivationStep[] = [];
  const done = new Set<string>();
  const visit = (t: Term): void => {
    const text = showTerm(t);
    if (done.has(text)) return;
    done.add(text);
    const o = origins.get(text)!;
    if (o.kind === 'project' || o.kind === 'signed-body') visit(o.from);
    if (o.kind === 'decrypt') {
      visit(o.from);
      visit(o.key);
    }
    steps.push(o);
  };
  visit(secret);
  return steps;
}

/** One line per step, terms shortened to `width` characters. */
export function formatDerivation(steps: readonly DerivationStep[], width = 120): string[] {
  const short = (t: Term): string => {
    const s = showTerm(t);
    return s.length <= width ? s : `${s.slice(0, width - 3)}...`;
  };
  return steps.map((s) => {
    switch (s.kind) {
      case 'read':
        return `read ${short(s.term)}`;
      case 'initial':
        return `knew ${short(s.term)}`;
      case 'project':
        return `${short(s.term)}: projection of ${short(s.from)}`;
      case 'signed-body':
        return `${short(s.term)}: body of the signature ${short(s.from)}`;
      case 'decrypt':
        return `${short(s.term)}: decryption of ${short(s.from)} with ${short(s.key)}`;
    }
  });
}
