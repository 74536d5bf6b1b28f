// Dolev-Yao attacker knowledge: the set of terms the attacker holds, closed under analysis
// (project tuples, decrypt with derivable keys, read signed bodies; never invert MACs or hashes),
// with synthesis (can it build a term) and a canonical key so knowledge can be part of a state.
// After Dolev and Yao, "On the security of public key protocols", IEEE Trans. IT 29(2), 1983.
import { showTerm, type Term } from './Term.ts';

/** What the attacker holds, analysed. Plain data (a Map and a string), so states holding it survive
 *  structured cloning between worker threads; use the functions below, never mutate. */
export interface Knowledge {
  /** Analysed terms by their canonical text. */
  readonly terms: ReadonlyMap<string, Term>;
  /** Canonical key: equal knowledge, and only equal knowledge, has an equal key. */
  readonly key: string;
}

const emptyKnowledge: Knowledge = { terms: new Map(), key: '' };

/** Knowledge from initial terms (public keys, names, the attacker's own secrets). */
export function knowledgeOf(terms: readonly Term[]): Knowledge {
  return learnAll(emptyKnowledge, terms);
}

/** Learns `term` (for example an intercepted message) and everything analysis yields from it. */
export function learn(knowledge: Knowledge, term: Term): Knowledge {
  return learnAll(knowledge, [term]);
}

/** Returns `knowledge` itself when nothing is new, so callers can tell by identity. */
function learnAll(knowledge: Knowledge, terms: readonly Term[]): Knowledge {
  if (terms.every((t) => knowledge.terms.has(showTerm(t)))) return knowledge;
  const next = new Map(knowledge.terms);
  analyse(next, terms);
  return knowledgeOfTerms(next);
}

/** Knowledge of analysed `terms`, its key made when first read: the TR world's tables never read it, and sorting and
 *  joining every term at each observation cost a first search a twentieth of its allocations. An own enumerable
 *  getter, so a structured clone still copies the key as data. */
function knowledgeOfTerms(terms: ReadonlyMap<string, Term>): Knowledge {
  let key: string | undefined;
  return Object.defineProperty({ terms } as { terms: ReadonlyMap<string, Term>; key: string }, 'key', {
    enumerable: true,
    get: () => (key ??= [...terms.keys()].sort().join('\n')),
  });
}

/** True when `term` is held after analysis (not merely buildable). */
export function holds(knowledge: Knowledge, term: Term): boolean {
  return knowledge.terms.has(showTerm(term));
}

/** Synthesis: the attacker can build `term` from what it holds. */
export function canDerive(knowledge: Knowledge, term: Term): boolean {
  return derivable(knowledge.terms, term);
}

/** `knownTerms` of each knowledge asked so far: synthesis asks once per message template. */
const sortedTerms = new WeakMap<Knowledge, readonly Term[]>();

/** The analysed terms, in canonical order. */
export function knownTerms(knowledge: Knowledge): readonly Term[] {
  let terms = sortedTerms.get(knowledge);
  if (terms === undefined) {
    terms = [...knowledge.terms.keys()].sort().map((k) => knowledge.terms.get(k)!);
    sortedTerms.set(knowledge, terms);
  }
  return terms;
}

function derivable(known: ReadonlyMap<string, Term>, term: Term): boolean {
  if (known.has(showTerm(term))) return true;
  switch (term.kind) {
    case 'name':
      return false;
    case 'tuple':
      return term.items.every((item) => derivable(known, item));
    case 'senc':
    case 'aenc':
    case 'sign':
    case 'mac':
      return derivable(known, term.key) && derivable(known, term.body);
    case 'pk':
      return derivable(known, term.of);
    case 'hash':
      return derivable(known, term.body);
  }
}

/** Adds `terms` to `known` and closes it under analysis. Ciphertexts whose key is not yet
 *  derivable wait in `locked` and are retried whenever something new was learned. */
function analyse(known: Map<string, Term>, terms: readonly Term[]): void {
  const locked: Term[] = [...known.values()].filter((t) => t.kind === 'senc' || t.kind === 'aenc');
  let pending = [...terms];
  while (pending.length > 0) {
    for (const term of pending) add(known, term, locked);
    pending = [];
    for (let i = locked.length - 1; i >= 0; i--) {
      const cipher = locked[i]!;
      const body = openable(known, cipher);
      if (body !== undefined && !known.has(showTerm(body))) {
        locked.splice(i, 1);
        pending.push(body);
      }
    }
  }
}

function add(known: Map<string, Term>, term: Term, locked: Term[]): void {
  const text = showTerm(term);
  if (known.has(text)) return;
  known.set(text, term);
  switch (term.kind) {
    case 'tuple':
      for (const item of term.items) add(known, item, locked);
      return;
    case 'sign':
      // Signatures with message recovery: the signed body is readable by anyone.
      add(known, term.body, locked);
      return;
    case 'senc':
    case 'aenc': {
      const body = openable(known, term);
      if (body === undefined) locked.push(term);
      else add(known, body, locked);
      return;
    }
    case 'name':
    case 'pk':
    case 'mac':
    case 'hash':
      return;
  }
}

/** The body of a ciphertext the attacker can open now, or undefined. */
function openable(known: ReadonlyMap<string, Term>, cipher: Term): Term | undefined {
  if (cipher.kind === 'senc') return derivable(known, cipher.key) ? cipher.body : undefined;
  if (cipher.kind === 'aenc' && cipher.key.kind === 'pk') return derivable(known, cipher.key.of) ? cipher.body : undefined;
  return undefined;
}
