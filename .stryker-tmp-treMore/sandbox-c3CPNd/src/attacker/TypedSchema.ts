// Typed message schemas: a term template whose slots have types, each slot ranging over the names of its type
// that the attacker knows. The attacker builds its own messages: every instance is checked derivable (crypto only
// under keys it can derive), so no hand list of forgeries is needed. Reuses MessagePattern's instantiation.
import { canDerive, knownTerms, learn, type Knowledge } from './knowledge.ts';
import { patternInstances } from './MessagePattern.ts';
import { name, type Term } from './Term.ts';

export interface TypedSchema {
  /** A term in which the names listed in `slots` are placeholders. */
  readonly template: Term;
  /** Each placeholder (a name of the template); every other name of the template is a public constant, a message
   *  tag such as "challenge", which anyone may write: never put a secret name in a template. Its value: the type of the names it may take. */
  readonly slots: Readonly<Record<string, string>>;
}

/** Names the attacker holds, by type (`typeOf` gives a name's type, or undefined for untyped names). */
export function namesByType(knowledge: Knowledge, typeOf: (id: string) => string | undefined): ReadonlyMap<string, readonly Term[]> {
  const out = new Map<string, Term[]>();
  for (const t of knownTerms(knowledge)) {
    if (t.kind !== 'name') continue;
    const type = typeOf(t.id);
    if (type === undefined) continue;
    const list = out.get(type) ?? [];
    list.push(t);
    out.set(type, list);
  }
  return out;
}

/** Every instance of `schema` the attacker can build from `knowledge`, in a fixed order (slots in schema order,
 *  names in canonical order): each slot filled with a known name of its type, the whole derivable. */
export function synthesise(schema: TypedSchema, knowledge: Knowledge, typeOf: (id: string) => string | undefined): Term[] {
  const byType = namesByType(knowledge, typeOf);
  const vars: Record<string, readonly Term[]> = {};
  for (const [slot, type] of Object.entries(schema.slots)) {
    const domain = byType.get(type);
    if (domain === undefined || domain.length === 0) return [];
    vars[slot] = domain;
  }
  const withTags = constantsOf(schema).reduce((k, tag) => learn(k, tag), knowledge);
  return patternInstances({ template: schema.template, vars }).filter((t) => canDerive(withTags, t));
}

/** The names of the template that are not slots: message tags. */
function constantsOf(schema: TypedSchema): Term[] {
  const out = new Set<string>();
  const walk = (t: Term): void => {
    switch (t.kind) {
      case 'name':
        if (!(t.id in schema.slots)) out.add(t.id);
        return;
      case 'tuple':
        t.items.forEach(walk);
        return;
      case 'senc':
      case 'aenc':
      case 'sign':
      case 'mac':
        walk(t.key);
        walk(t.body);
        return;
      case 'pk':
        walk(t.of);
        return;
      case 'hash':
        walk(t.body);
        return;
    }
  };
  walk(schema.template);
  return [...out].sort().map(name);
}
