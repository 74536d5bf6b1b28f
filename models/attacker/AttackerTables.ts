// The attacker's part of a world, interned per thread: its knowledge for each distinct set of observed messages
// (closed under Dolev-Yao analysis once per set), and the messages it can inject with that knowledge.
import { canDerive, knowledgeOf, knownTerms, learn, type Knowledge } from '../../src/attacker/knowledge.ts';
import type { Term } from '../../src/attacker/Term.ts';
import type { Message } from '../messages.ts';
import type { AttackerModel } from './attackerModel.ts';
import { kindsOfTag, messageRoutes, tagOf } from './routes.ts';

export interface KnowledgeEntry {
  readonly knowledge: Knowledge;
  /** Messages the attacker can put on a channel it writes: replays and redirections of every term it holds
   *  with a routable tag, then the scenario's forgeries it can derive. In a fixed order (by key). */
  readonly injectable: readonly Message[];
}

/** Prefixes of the names that are secrets of some role (the attacker's own names excepted). */
const secretPrefixes = ['sk:', 'ki:', 'k:', 'tok:', 'pin:user:'];

export class AttackerTables {
  private readonly byObserved = new Map<string, KnowledgeEntry>();

  constructor(readonly model: AttackerModel) {}

  /** The knowledge after observing the messages whose terms are `observed` (canonical JSON, sorted). */
  entry(observed: readonly string[]): KnowledgeEntry {
    const key = observed.join('\n');
    let e = this.byObserved.get(key);
    if (e === undefined) {
      const knowledge = knowledgeOf([...this.model.initialKnowledge, ...observed.map((t) => JSON.parse(t) as Term)]);
      e = { knowledge, injectable: this.injectableWith(knowledge) };
      this.byObserved.set(key, e);
    }
    return e;
  }

  /** The knowledge after `entry`'s observations and one more, `term` (canonical JSON): the closure of `entry`'s
   *  knowledge with the term (analysis is monotone, so this is the closure of all of them), and its injectable
   *  messages: `entry`'s, those routed from the terms it newly holds, and the forgeries it can now derive. */
  extend(entry: KnowledgeEntry, term: string): KnowledgeEntry {
    const knowledge = learn(entry.knowledge, JSON.parse(term) as Term);
    if (knowledge === entry.knowledge) return entry;
    const injectable = [...entry.injectable];
    for (const [text, t] of knowledge.terms) if (!entry.knowledge.terms.has(text)) this.replays(injectable, t);
    for (const f of this.model.forgeries) {
      if (!canDerive(entry.knowledge, f.term) && canDerive(knowledge, f.term)) this.along(injectable, f.kind, f.term);
    }
    return { knowledge, injectable };
  }

  /** Names of others' secrets the attacker holds (derivable names are held names: analysis adds every name). */
  secretsKnown(observed: readonly string[]): string[] {
    return knownTerms(this.entry(observed).knowledge)
      .filter((t): t is Term & { kind: 'name' } => t.kind === 'name' && secretPrefixes.some((p) => t.id.startsWith(p)) && !t.id.endsWith(':attacker'))
      .map((t) => t.id)
      .filter((id) => !this.model.initialKnowledge.some((k) => k.kind === 'name' && k.id === id))
      .sort();
  }

  private injectableWith(knowledge: Knowledge): Message[] {
    const out: Message[] = [];
    for (const term of knownTerms(knowledge)) this.replays(out, term);
    for (const f of this.model.forgeries) if (canDerive(knowledge, f.term)) this.along(out, f.kind, f.term);
    return out;
  }

  /** Pushes `term` onto every channel the attacker writes that its tag routes it to. */
  private replays(out: Message[], term: Term): void {
    const tag = tagOf(term);
    if (tag !== undefined) for (const kind of kindsOfTag(tag)) this.along(out, kind, term);
  }

  private along(out: Message[], kind: Message['kind'], term: Term): void {
    for (const [from, to] of messageRoutes[kind]?.routes ?? []) {
      if (this.model.reach.writes(kind, from, to)) out.push({ kind, from, to, term });
    }
  }
}
