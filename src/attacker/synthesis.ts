// Typed Dolev-Yao synthesis: every instance of a message template that the attacker can build from its knowledge.
// A template is a term whose slots are names containing '?' ("?pcid", "mcim:?sho", "?nonce#2", "?imsi!"); each slot
// ranges over the values of its type that the attacker holds, so the candidates are finite (typed model: no
// type-flaw attacks). A crypto node is built under every key of its slot the attacker derives, or is a held term
// of that shape and types, placed anywhere such a term may stand: the constraint view of the lazy intruder
// (Basin, Mödersheim, Viganò, OFMC, 2005), enumerated over typed finite domains as in Mitchell, Mitchell and
// Stern's Murphi analyses (1997).
import { canDerive, knownTerms, type Knowledge } from './knowledge.ts';
import { showTerm, type Term } from './Term.ts';

/** How slots are typed: the values of a type the attacker may use, given what it holds. */
export interface SlotTyping {
  /** Values of `type` usable in a slot, in a fixed order (held values of the type, and the attacker's own). */
  domain(type: string, knowledge: Knowledge): readonly Term[];
  /** The one value of `type` used for a slot that no receiver inspects (marked `!`): fixed, whatever is held. */
  representative(type: string): Term;
  /** Whether `value` is of `type` (when unifying a slot with a held term). */
  isOfType(value: Term, type: string): boolean;
}

/** A slot parsed from its name: the text before '?' is a prefix the value is written after (`mcim:?sho` takes
 *  `mcim:sho1`), then the type, an optional `#n` naming another variable of the type, and `!` when no receiver
 *  inspects it. Equal slot names are one variable. */
interface Slot {
  readonly variable: string;
  readonly prefix: string;
  readonly type: string;
  readonly opaque: boolean;
}

/** Slots parsed so far, by name (templates ask for the same ones at every synthesis). */
const slots = new Map<string, Slot | null>();

export function slotOf(t: Term): Slot | undefined {
  if (t.kind !== 'name') return undefined;
  let slot = slots.get(t.id);
  if (slot === undefined) slots.set(t.id, (slot = parseSlot(t.id) ?? null));
  return slot ?? undefined;
}

function parseSlot(id: string): Slot | undefined {
  const at = id.indexOf('?');
  if (at < 0) return undefined;
  const rest = id.slice(at + 1);
  const opaque = rest.endsWith('!');
  const type = (opaque ? rest.slice(0, -1) : rest).split('#')[0]!;
  return { variable: id, prefix: id.slice(0, at), type, opaque };
}

/** A name made from a slot's prefix and a value of its type. */
function filled(slot: Slot, value: Term): Term {
  return slot.prefix === '' || value.kind !== 'name' ? value : { kind: 'name', id: `${slot.prefix}${value.id}` };
}

type Env = ReadonlyMap<string, Term>;

/** Every instance of `template` the attacker can derive, without repeats, sorted by canonical text. */
export function synthesise(template: Term, knowledge: Knowledge, typing: SlotTyping): Term[] {
  const held = knownTerms(knowledge);
  const out = new Map<string, Term>();
  for (const [term] of build(template, new Map(), { knowledge, typing, held })) {
    const text = showTerm(term);
    // The generator builds only derivable terms; checking again costs little and keeps the claim local.
    if (!out.has(text) && canDerive(knowledge, term)) out.set(text, term);
  }
  return [...out.keys()].sort().map((k) => out.get(k)!);
}

interface Context {
  readonly knowledge: Knowledge;
  readonly typing: SlotTyping;
  readonly held: readonly Term[];
}

function* build(node: Term, env: Env, cx: Context): Generator<readonly [Term, Env]> {
  switch (node.kind) {
    case 'name': {
      const slot = slotOf(node);
      if (slot === undefined) {
        // A constant of the vocabulary: a tag or a public name.
        if (canDerive(cx.knowledge, node)) yield [node, env];
        return;
      }
      const bound = env.get(slot.variable);
      if (bound !== undefined) {
        yield [bound, env];
        return;
      }
      const values = slot.opaque ? [cx.typing.representative(slot.type)] : cx.typing.domain(slot.type, cx.knowledge);
      for (const v of values) {
        const value = filled(slot, v);
        yield [value, new Map(env).set(slot.variable, value)];
      }
      return;
    }
    case 'tuple':
      yield* items(node.items, 0, [], env, cx);
      return;
    case 'pk':
      yield* heldOfShape(node, env, cx);
      for (const [of, e] of build(node.of, env, cx)) if (canDerive(cx.knowledge, of)) yield [{ kind: 'pk', of }, e];
      return;
    case 'hash':
      yield* heldOfShape(node, env, cx);
      for (const [body, e] of build(node.body, env, cx)) yield [{ kind: 'hash', body }, e];
      return;
    case 'sign':
    case 'mac':
    case 'senc':
    case 'aenc':
      yield* heldOfShape(node, env, cx);
      for (const [key, e1] of build(node.key, env, cx)) {
        if (!canDerive(cx.knowledge, key)) continue;
        for (const [body, e2] of build(node.body, e1, cx)) yield [{ kind: node.kind, key, body }, e2];
      }
      return;
  }
}

function* items(list: readonly Term[], i: number, done: readonly Term[], env: Env, cx: Context): Generator<readonly [Term, Env]> {
  if (i === list.length) {
    yield [{ kind: 'tuple', items: done }, env];
    return;
  }
  for (const [t, e] of build(list[i]!, env, cx)) yield* items(list, i + 1, [...done, t], e, cx);
}

/** Held terms of the node's kind and type (a signature, MAC, ciphertext or hash the attacker read). A held term
 *  may stand wherever a term of its shape and types does, whatever the rest of the message says: its slots are
 *  matched afresh and bind nothing outside it (a MAC read in one message may be sent with another body). */
function* heldOfShape(node: Term, env: Env, cx: Context): Generator<readonly [Term, Env]> {
  for (const t of cx.held) {
    if (t.kind === node.kind && unify(node, t, new Map(), cx.typing) !== undefined) yield [t, env];
  }
}

/** Bindings extending `env` under which `term` is an instance of `template`, or undefined. */
export function unify(template: Term, term: Term, env: Env, typing: SlotTyping): Env | undefined {
  const next = new Map(env);
  const go = (tp: Term, t: Term): boolean => {
    const slot = slotOf(tp);
    if (slot !== undefined) {
      const bound = next.get(slot.variable);
      if (bound !== undefined) return showTerm(bound) === showTerm(t);
      if (slot.prefix !== '' && !(t.kind === 'name' && t.id.startsWith(slot.prefix))) return false;
      const value = slot.prefix === '' ? t : { kind: 'name' as const, id: (t as { id: string }).id.slice(slot.prefix.length) };
      if (!typing.isOfType(value, slot.type)) return false;
      next.set(slot.variable, t);
      return true;
    }
    switch (tp.kind) {
      case 'name':
        return t.kind === 'name' && t.id === tp.id;
      case 'tuple':
        return t.kind === 'tuple' && t.items.length === tp.items.length && tp.items.every((x, i) => go(x, t.items[i]!));
      case 'senc':
      case 'aenc':
      case 'sign':
      case 'mac':
        return t.kind === tp.kind && go(tp.key, t.key) && go(tp.body, t.body);
      case 'pk':
        return t.kind === 'pk' && go(tp.of, t.of);
      case 'hash':
        return t.kind === 'hash' && go(tp.body, t.body);
    }
  };
  return go(template, term) ? next : undefined;
}

/** Whether `synthesise(template, after, typing)` gives what `synthesise(template, before, typing)` gives, for a
 *  knowledge `after` that holds all `before` holds (the attacker's only grows) and `added`, the terms it holds that
 *  `before` does not: what synthesis reads of the two is the same. That is the values of each slot's type, whether
 *  each constant is held, and the held terms each crypto node can take as they are (`heldOfShape`: equal when no
 *  added term of the node's kind fits it). False when it cannot promise that: a slot value `before` does not hold (a
 *  candidate with it is derivable only if held whole, which any new term may change). Compared part by part, at the
 *  first difference, with no text made: once per template for each knowledge entry a search extends. */
export function synthesisReadsAlike(template: Term, before: Knowledge, after: Knowledge, added: readonly Term[], typing: SlotTyping): boolean {
  switch (template.kind) {
    case 'name': {
      const slot = slotOf(template);
      if (slot === undefined) return canDerive(before, template) === canDerive(after, template);
      if (slot.opaque) return canDerive(before, filled(slot, typing.representative(slot.type)));
      const was = typing.domain(slot.type, before);
      const is = typing.domain(slot.type, after);
      if (was.length !== is.length) return false;
      for (let i = 0; i < was.length; i++) {
        if (showTerm(was[i]!) !== showTerm(is[i]!) || !canDerive(before, filled(slot, was[i]!))) return false;
      }
      return true;
    }
    case 'tuple':
      return template.items.every((item) => synthesisReadsAlike(item, before, after, added, typing));
    case 'pk':
      return !fitsAny(template, added, typing) && synthesisReadsAlike(template.of, before, after, added, typing);
    case 'hash':
      return !fitsAny(template, added, typing) && synthesisReadsAlike(template.body, before, after, added, typing);
    case 'sign':
    case 'mac':
    case 'senc':
    case 'aenc':
      return !fitsAny(template, added, typing) && synthesisReadsAlike(template.key, before, after, added, typing) && synthesisReadsAlike(template.body, before, after, added, typing);
  }
}

/** Whether some term of `terms` is one `heldOfShape` would offer at `node`. */
function fitsAny(node: Term, terms: readonly Term[], typing: SlotTyping): boolean {
  return terms.some((t) => t.kind === node.kind && unify(node, t, new Map(), typing) !== undefined);
}
