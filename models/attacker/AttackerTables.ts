// The attacker's part of a world, interned per thread: its knowledge for each distinct set of observed messages
// (closed under Dolev-Yao analysis once per set), and the messages it can inject with that knowledge: replays of
// what it holds, and every instance of a message schema it can build (typed Dolev-Yao synthesis), once per set.
import { holds, knowledgeOf, knownTerms, learn, type Knowledge } from '../../src/attacker/knowledge.ts';
import { synthesise, synthesisReadsAlike } from '../../src/attacker/synthesis.ts';
import { showTerm, type Term } from '../../src/attacker/Term.ts';
import type { Message, MessageKind } from '../messages.ts';
import type { AttackerModel } from './attackerModel.ts';
import { schemasFor } from './messageSchemas.ts';
import { kindsOfTag, messageRoutes, routesOf, tagOf } from './routes.ts';
import { slotTyping } from './slotTypes.ts';

export interface KnowledgeEntry {
  readonly knowledge: Knowledge;
  /** Messages the attacker can put on a channel it writes: replays and redirections of every term it holds with
   *  a routable tag, and every instance of each schema it can build, on each route of its kind that it writes.
   *  An entry made by `extend` starts with its parent's messages, in their order. */
  readonly injectable: readonly Message[];
}

/** An entry whose messages are synthesised when first asked for: a search asks for the knowledge of every set of
 *  observations (secrecy properties read it in every world), but for the messages only in worlds where the attacker
 *  may still inject, and most sets are reached only with the budget spent (t2-replay-after-delete: CPU time in
 *  docs/engine.md). The messages are the same whenever they are made: `make` reads nothing but the knowledge. */
class LazyEntry implements KnowledgeEntry {
  private list: readonly Message[] | undefined;
  constructor(
    readonly knowledge: Knowledge,
    private make: (() => readonly Message[]) | undefined,
  ) {}

  get injectable(): readonly Message[] {
    if (this.list === undefined) {
      this.list = this.make!();
      // Made once: the parent entry it may hold is not kept alive for it.
      this.make = undefined;
    }
    return this.list;
  }
}

/** What synthesis cost, summed over the knowledge entries made (for docs/engine.md and the bench). */
export interface SynthesisStats {
  entries: number;
  candidates: number;
  maxCandidates: number;
  milliseconds: number;
  /** Templates not synthesised again by `extend`: what synthesis reads of the knowledge was as before. */
  templatesKept: number;
}

/** Prefixes of the names that are secrets of some role (the attacker's own names excepted). */
const secretPrefixes = ['sk:', 'ki:', 'k:', 'tok:', 'pin:user:'];

export class AttackerTables {
  private readonly byObserved = new Map<string, KnowledgeEntry>();
  /** The kinds the attacker can put on some channel, with the routes it writes: fixed by its reach. */
  private readonly writable: readonly (readonly [MessageKind, readonly (readonly [Message['from'], Message['to']])[]])[];
  readonly stats: SynthesisStats = { entries: 0, candidates: 0, maxCandidates: 0, milliseconds: 0, templatesKept: 0 };

  /** `incremental: false` synthesises every template again in `extend` (tests compare the two). */
  constructor(
    readonly model: AttackerModel,
    private readonly options: { readonly incremental?: boolean } = {},
  ) {
    this.writable = (Object.keys(messageRoutes) as MessageKind[])
      .map((kind) => [kind, routesOf(kind, model.devices).filter(([from, to]) => model.reach.writes(kind, from, to))] as const)
      .filter(([, routes]) => routes.length > 0);
  }

  /** The knowledge after observing the messages whose terms are `observed` (canonical JSON, sorted). */
  entry(observed: readonly string[]): KnowledgeEntry {
    const key = observed.join('\n');
    let e = this.byObserved.get(key);
    if (e === undefined) {
      const knowledge = knowledgeOf([...this.model.initialKnowledge, ...observed.map((t) => JSON.parse(t) as Term)]);
      e = new LazyEntry(knowledge, () => this.injectableWith(knowledge));
      this.byObserved.set(key, e);
    }
    return e;
  }

  /** The knowledge after `entry`'s observations and one more, `term` (canonical JSON): the closure of `entry`'s
   *  knowledge with the term (analysis is monotone, so this is the closure of all of them), and its injectable
   *  messages: `entry`'s, then those it can newly inject. */
  extend(entry: KnowledgeEntry, term: string): KnowledgeEntry {
    const knowledge = learn(entry.knowledge, JSON.parse(term) as Term);
    if (knowledge === entry.knowledge) return entry;
    const before = this.options.incremental === false ? undefined : entry.knowledge;
    return new LazyEntry(knowledge, () => {
      const seen = new Set(entry.injectable.map(messageKey));
      const added = this.injectableWith(knowledge, before).filter((m) => !seen.has(messageKey(m)));
      return [...entry.injectable, ...added];
    });
  }

  /** Names of others' secrets the attacker holds (derivable names are held names: analysis adds every name). */
  secretsKnown(observed: readonly string[]): string[] {
    return knownTerms(this.entry(observed).knowledge)
      .filter((t): t is Term & { kind: 'name' } => t.kind === 'name' && secretPrefixes.some((p) => t.id.startsWith(p)) && !t.id.endsWith(':attacker'))
      .map((t) => t.id)
      .filter((id) => !this.model.initialKnowledge.some((k) => k.kind === 'name' && k.id === id))
      .sort();
  }

  /** The messages the attacker can inject with `knowledge`: replays, then synthesised instances, kind by kind.
   *  Given `before`, a knowledge that `knowledge` holds all of, whose messages the caller has: only those that may
   *  be new, which leaves out replays of terms held before and the templates whose synthesis reads the same of
   *  both (`synthesisReadsAlike`: their candidates are the same), so the messages not made here are all the
   *  caller's, and those made come in the order the whole list would have them. */
  private injectableWith(knowledge: Knowledge, before?: Knowledge): Message[] {
    const out: Message[] = [];
    const added = before === undefined ? knownTerms(knowledge) : knownTerms(knowledge).filter((term) => !holds(before, term));
    for (const term of added) this.replays(out, term);
    const started = performance.now();
    let candidates = 0;
    for (const [kind, routes] of this.writable) {
      for (const template of schemasFor(this.model.devices.length)[kind] ?? []) {
        if (before !== undefined && synthesisReadsAlike(template, before, knowledge, added, slotTyping)) {
          this.stats.templatesKept++;
          continue;
        }
        for (const term of synthesise(template, knowledge, slotTyping)) {
          candidates++;
          for (const [from, to] of routes) out.push({ kind, from, to, term });
        }
      }
    }
    const seen = new Set<string>();
    const unique = out.filter((m) => {
      const key = messageKey(m);
      return !seen.has(key) && seen.add(key) !== undefined;
    });
    this.stats.entries++;
    this.stats.candidates += candidates;
    this.stats.maxCandidates = Math.max(this.stats.maxCandidates, candidates);
    this.stats.milliseconds += performance.now() - started;
    return unique;
  }

  /** Pushes `term` onto every channel the attacker writes that its tag routes it to. */
  private replays(out: Message[], term: Term): void {
    const tag = tagOf(term);
    if (tag !== undefined) for (const kind of kindsOfTag(tag)) this.along(out, kind, term);
  }

  private along(out: Message[], kind: MessageKind, term: Term): void {
    for (const [from, to] of routesOf(kind, this.model.devices)) {
      if (this.model.reach.writes(kind, from, to)) out.push({ kind, from, to, term });
    }
  }
}

function messageKey(m: Message): string {
  return `${m.kind}|${m.from}|${m.to}|${showTerm(m.term)}`;
}
