// The attacker's part of a world, interned per thread: its knowledge for each distinct set of observed messages
// (closed under Dolev-Yao analysis once per set), and the messages it can inject with that knowledge.
import { canDerive, knowledgeOf, knownTerms, type Knowledge } from '../../src/attacker/knowledge.ts';
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
  /** The same by array: worlds stepped from one another share their observations array until it changes, so the
   *  search (which asks once per state and property) seldom builds the joined key. */
  private readonly byArray = new WeakMap<readonly string[], KnowledgeEntry>();

  constructor(readonly model: AttackerModel) {}

  /** The knowledge after observing the messages whose terms are `observed` (canonical JSON, sorted). */
  entry(observed: readonly string[]): KnowledgeEntry {
    const known = this.byArray.get(observed);
    if (known !== undefined) return known;
    const key = observed.join('\n');
    let e = this.byObserved.get(key);
    if (e === undefined) {
      const knowledge = knowledgeOf([...this.model.initialKnowledge, ...observed.map((t) => JSON.parse(t) as Term)]);
      e = { knowledge, injectable: this.injectableWith(knowledge) };
      this.byObserved.set(key, e);
    }
    this.byArray.set(observed, e);
    return e;
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
    const reach = this.model.reach;
    const along = (kind: Message['kind'], term: Term): void => {
      for (const [from, to] of messageRoutes[kind]?.routes ?? []) {
        if (reach.writes(kind, from, to)) out.push({ kind, from, to, term });
      }
    };
    for (const term of knownTerms(knowledge)) {
      const tag = tagOf(term);
      if (tag !== undefined) for (const kind of kindsOfTag(tag)) along(kind, term);
    }
    for (const f of this.model.forgeries) if (canDerive(knowledge, f.term)) along(f.kind, f.term);
    return out;
  }
}
