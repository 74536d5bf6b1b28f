// The attacker's observations as small numbers: each observed term (canonical JSON) and each distinct set of them
// gets an id in this table, and adding a term to a set is a table lookup after its first time. The attacker's
// knowledge is a function of the set (models/attacker/AttackerTables.ts closes it once per distinct set).
import { PairMemo } from '../../src/packing/PairMemo.ts';

export class ObservationTable {
  private readonly termIds = new Map<string, number>();
  private readonly termTexts: string[] = [];
  private readonly setIds = new Map<string, number>([['', 0]]);
  /** Per set: its term ids, ascending. */
  private readonly members: (readonly number[])[] = [[]];
  /** Per set: its terms, sorted by text (the order AttackerTables and views read). */
  private readonly sorted: (readonly string[])[] = [[]];
  /** Per set and term id: the set with the term added. */
  private readonly added = new PairMemo();
  /** Per set but the empty one: the set it was first made from and the term added (knowledge grows the same way). */
  readonly madeFrom: { readonly set: number; readonly term: string }[] = [];

  /** Id of the observed term `text` (canonical JSON of the term). */
  termId(text: string): number {
    let id = this.termIds.get(text);
    if (id === undefined) {
      id = this.termTexts.length;
      this.termTexts.push(text);
      this.termIds.set(text, id);
    }
    return id;
  }

  /** The set `set` with term `term` added. */
  with(set: number, term: number): number {
    const known = this.added.get(set, term);
    if (known >= 0) return known;
    const members = this.members[set]!;
    const next = members.includes(term) ? set : this.intern([...members, term].sort((a, b) => a - b), { set, term: this.termTexts[term]! });
    this.added.set(set, term, next);
    return next;
  }

  /** Id of the set of the terms `texts` (any order, repeats ignored). */
  ofTerms(texts: readonly string[]): number {
    return this.intern([...new Set(texts.map((t) => this.termId(t)))].sort((a, b) => a - b));
  }

  /** How many sets there are (ids run from 0, the empty set). */
  get count(): number {
    return this.members.length;
  }

  /** The terms of set `set`, sorted by text, without repeats. */
  terms(set: number): readonly string[] {
    const terms = this.sorted[set];
    // Set ids only come from this table.
    if (terms === undefined) throw new RangeError(`observations: no set ${set}`);
    return terms;
  }

  private intern(members: readonly number[], from?: { readonly set: number; readonly term: string }): number {
    const key = members.join(',');
    let id = this.setIds.get(key);
    if (id === undefined) {
      id = this.members.length;
      this.members.push(members);
      this.sorted.push(members.map((t) => this.termTexts[t]!).sort());
      this.setIds.set(key, id);
      if (from !== undefined) this.madeFrom[id] = from;
    }
    return id;
  }
}
