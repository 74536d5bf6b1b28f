// Message patterns: a term template whose placeholder names range over finite domains. A role
// says what it would accept on a channel as a pattern; the attacker injects derivable instances.
import { showTerm, type Term } from './Term.ts';

export interface MessagePattern {
  /** A term in which the names listed in `vars` are placeholders. */
  readonly template: Term;
  /** Each placeholder name and the values it may take, in a fixed order. */
  readonly vars: Readonly<Record<string, readonly Term[]>>;
}

export type Bindings = Readonly<Record<string, Term>>;

/** Every instance of the pattern, in a fixed order (placeholders in `vars` order, values in domain order). */
export function patternInstances(pattern: MessagePattern): Term[] {
  let bindings: Bindings[] = [{}];
  for (const [placeholder, domain] of Object.entries(pattern.vars)) {
    bindings = bindings.flatMap((b) => domain.map((value) => ({ ...b, [placeholder]: value })));
  }
  const seen = new Set<string>();
  const instances: Term[] = [];
  for (const b of bindings) {
    const instance = substitute(pattern.template, b);
    const text = showTerm(instance);
    if (!seen.has(text)) {
      seen.add(text);
      instances.push(instance);
    }
  }
  return instances;
}

function substitute(template: Term, bindings: Bindings): Term {
  switch (template.kind) {
    case 'name':
      return bindings[template.id] ?? template;
    case 'tuple':
      return { kind: 'tuple', items: template.items.map((t) => substitute(t, bindings)) };
    case 'senc':
    case 'aenc':
    case 'sign':
    case 'mac':
      return { kind: template.kind, key: substitute(template.key, bindings), body: substitute(template.body, bindings) };
    case 'pk':
      return { kind: 'pk', of: substitute(template.of, bindings) };
    case 'hash':
      return { kind: 'hash', body: substitute(template.body, bindings) };
  }
}

/** Bindings under which `term` is an instance of the pattern, or undefined (values must lie in the domains). */
export function matchPattern(pattern: MessagePattern, term: Term): Bindings | undefined {
  const bound: Record<string, Term> = {};
  const go = (template: Term, t: Term): boolean => {
    if (template.kind === 'name' && template.id in pattern.vars) {
      const previous = bound[template.id];
      if (previous !== undefined) return showTerm(previous) === showTerm(t);
      if (!pattern.vars[template.id]!.some((v) => showTerm(v) === showTerm(t))) return false;
      bound[template.id] = t;
      return true;
    }
    switch (template.kind) {
      case 'name':
        return t.kind === 'name' && t.id === template.id;
      case 'tuple':
        return t.kind === 'tuple' && t.items.length === template.items.length && template.items.every((x, i) => go(x, t.items[i]!));
      case 'senc':
      case 'aenc':
      case 'sign':
      case 'mac':
        return t.kind === template.kind && go(template.key, t.key) && go(template.body, t.body);
      case 'pk':
        return t.kind === 'pk' && go(template.of, t.of);
      case 'hash':
        return t.kind === 'hash' && go(template.body, t.body);
    }
  };
  return go(pattern.template, term) ? bound : undefined;
}
