// The invariants an explorer has not yet seen violated, checked on every new state. Each is dropped
// once it fails, so it is reported once (at its shallowest violation, since states come level by
// level) and costs nothing afterwards. Shared by LevelExplorer, SharedExplorer and the pipelined search.
//
// Invariants that read one part of the state alone (System.partOf) are asked together, once per id of that part: a
// search meets millions of states over far fewer ids (t2-replay-after-delete with 4 injections: 8.9M states over some
// 47,000 tuples of local states), and one table read a state replaces one a property.
import type { Invariant } from '../Property.ts';
import type { StatePart, System } from '../System.ts';

/** The pending invariants that read one part, and the ids of it where all of them held. */
interface PartGroup<S> {
  readonly part: StatePart<S>;
  invariants: Invariant<S>[];
  /** 1 at each id where every invariant of the group held (still true once some are dropped). */
  held: Uint8Array;
}

export class PendingInvariants<S> {
  /** The invariants still pending (replaced, never mutated; read-only outside). */
  current: readonly Invariant<S>[];
  private indices: readonly number[];
  private readonly parts: readonly (StatePart<S> | undefined)[];
  private groups: PartGroup<S>[] = [];
  /** The pending invariants of no known part, asked in every state. */
  private others: Invariant<S>[] = [];

  constructor(invariants: readonly Invariant<S>[], system?: Pick<System<S, unknown>, 'partOf'>) {
    this.current = invariants;
    this.indices = invariants.map((_, index) => index);
    this.parts = invariants.map((invariant) => system?.partOf?.(invariant));
    this.group();
  }

  /** Whether every pending invariant holds in `state` (`violatedBy` then says which do not). */
  allHold(state: S): boolean {
    const groups = this.groups;
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      const id = group.part.id(state);
      if (id < group.held.length && group.held[id] === 1) continue;
      const invariants = group.invariants;
      for (let i = 0; i < invariants.length; i++) if (!invariants[i]!.holds(state)) return false;
      if (id >= group.held.length) group.held = grown(group.held, id);
      group.held[id] = 1;
    }
    const others = this.others;
    for (let i = 0; i < others.length; i++) if (!others[i]!.holds(state)) return false;
    return true;
  }

  /** The indices (into the invariants given) that `state` violates for the first time, or undefined. */
  violatedBy(state: S): number[] | undefined {
    const invariants = this.current;
    let violated: number[] | undefined;
    for (let i = 0; i < invariants.length; i++) {
      if (!invariants[i]!.holds(state)) (violated ??= []).push(i);
    }
    if (violated === undefined) return undefined;
    // Every invariant that failed leaves at once, so that two failing in one state are both dropped.
    const indices = this.indices;
    this.current = invariants.filter((_, i) => !violated.includes(i));
    this.indices = indices.filter((_, i) => !violated.includes(i));
    this.group();
    return violated.map((i) => indices[i]!);
  }

  /** Sorts the pending invariants by part, keeping each part's ids where all held. */
  private group(): void {
    const groups: PartGroup<S>[] = [];
    const others: Invariant<S>[] = [];
    for (const [i, invariant] of this.current.entries()) {
      const part = this.parts[this.indices[i]!];
      if (part === undefined) {
        others.push(invariant);
        continue;
      }
      let group = groups.find((g) => g.part.name === part.name);
      if (group === undefined) {
        const held = this.groups.find((g) => g.part.name === part.name)?.held ?? new Uint8Array(1024);
        groups.push((group = { part, invariants: [], held }));
      }
      group.invariants.push(invariant);
    }
    this.groups = groups;
    this.others = others;
  }
}

function grown(held: Uint8Array, id: number): Uint8Array {
  const bigger = new Uint8Array(Math.max(id + 1, held.length * 2));
  bigger.set(held);
  return bigger;
}
