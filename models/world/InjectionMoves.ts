// The injections a world may take, computed once per (tuple of local states, attacker's observations) pair: each
// candidate message (WorldModel.injectable) its receiver takes, with the tuple after it and what it sends, or, for a
// relay at receipt (relayAtReceipt.ts), the relayed message and the step of the role that takes it. Whether a
// candidate is taken, and what it leaves, depend on that pair alone; a world's network and the step that reached it
// only decide which of these its search visits (enabledSteps.ts eachEnabled). Worlds share pairs: t2-replay-after-delete
// with 4 injections expands 972,481 worlds with injections left, over 100,014 pairs, and of the 120 candidates of
// each about 9 are taken (the M2ME relays most to a TRE that refuses them); asked per world, these steps were a
// quarter of the search (docs/engine.md "The injections of a world, per (tuple, observations) pair").
import { MoveLists } from './MoveLists.ts';
import type { RelayTable } from './relayAtReceipt.ts';

/** What the moves are computed from: a world model's messages, relays and role steps (WorldModel.ts). */
export interface InjectionSource {
  readonly receivers: readonly number[];
  readonly deliveries: readonly number[];
  readonly relays: RelayTable;
  /** Envelope ids of the messages the attacker can inject after the observations `set`, in key order. */
  injectable(set: number): readonly number[];
  /** The tuple after a role's event (-1: not enabled), its sends left in `stepSends`. */
  roleStep(rolesId: number, role: number, eventIndex: number): number;
  readonly stepSends: number;
  sendList(id: number): readonly number[];
}

export class InjectionMoves {
  /** Open addressing over the pairs: per slot the tuple id + 1 (0: empty), the observations' id, and where the pair's
   *  moves start in `pool`. At most three quarters full. */
  private keys = new Int32Array(2 << 10);
  private starts = new Int32Array(1 << 10);
  private size = 0;
  /** The moves of pairs (`start`): a count, then four words a move: the injected envelope; the envelope it is relayed
   *  as (-1: none) and whether an earlier move of the pair leaves the same tuple and sends, in one word (`relayedOf`,
   *  `alikeBefore`: a world's search asks `takenAlike` only for such a move, for no other could be); the tuple id
   *  after; the id of the messages sent (WorldModel.sendList). In `injectable` order. */
  private readonly lists = new MoveLists();
  private readonly scratch: number[] = [];

  constructor(private readonly model: InjectionSource) {}

  /** Where the injections taken in tuple `rolesId` with observations `observedId` start in `pool` (see there). */
  start(rolesId: number, observedId: number): number {
    const keys = this.keys;
    const mask = this.starts.length - 1;
    for (let slot = slotOf(rolesId, observedId, mask); ; slot = (slot + 1) & mask) {
      const tuple = keys[2 * slot]!;
      if (tuple === 0) return this.add(rolesId, observedId, slot);
      if (tuple === rolesId + 1 && keys[2 * slot + 1] === observedId) return this.starts[slot]!;
    }
  }

  /** The words of the moves (see `lists`): a pair's start stays valid, the array may be replaced as it grows. */
  get pool(): Int32Array {
    return this.lists.words;
  }

  /** Bytes of the tables. */
  get bytes(): number {
    return this.keys.byteLength + this.starts.byteLength + this.lists.bytes;
  }

  private add(rolesId: number, observedId: number, slot: number): number {
    const at = this.lists.append(this.movesOf(rolesId, observedId));
    this.keys[2 * slot] = rolesId + 1;
    this.keys[2 * slot + 1] = observedId;
    this.starts[slot] = at;
    if (++this.size * 4 > this.starts.length * 3) this.rehash();
    return at;
  }

  /** The moves of a pair, four words each (see `lists`), in the scratch list. */
  private movesOf(rolesId: number, observedId: number): number[] {
    const model = this.model;
    const out = this.scratch;
    out.length = 0;
    for (const e of model.injectable(observedId)) {
      let next = model.roleStep(rolesId, model.receivers[e]!, model.deliveries[e]!);
      if (next < 0) continue;
      let sends = model.stepSends;
      const relayed = model.relays.relayable(e) ? model.relays.relayedBy(e, rolesId, next, model.sendList(sends)) : -1;
      if (relayed >= 0) {
        next = model.roleStep(rolesId, model.receivers[relayed]!, model.deliveries[relayed]!);
        if (next < 0) continue;
        sends = model.stepSends;
      }
      out.push(e, ((relayed + 1) << 1) | (alike(out, next, sends) ? 1 : 0), next, sends);
    }
    return out;
  }

  private rehash(): void {
    const keys = this.keys;
    const starts = this.starts;
    this.keys = new Int32Array(keys.length * 2);
    this.starts = new Int32Array(starts.length * 2);
    const mask = this.starts.length - 1;
    for (let old = 0; old < starts.length; old++) {
      const tuple = keys[2 * old]!;
      if (tuple === 0) continue;
      let slot = slotOf(tuple - 1, keys[2 * old + 1]!, mask);
      while (this.keys[2 * slot] !== 0) slot = (slot + 1) & mask;
      this.keys[2 * slot] = tuple;
      this.keys[2 * slot + 1] = keys[2 * old + 1]!;
      this.starts[slot] = starts[old]!;
    }
  }
}

/** The envelope a move is relayed as (-1: none), from its second word in `InjectionMoves.pool`. */
export function relayedOf(word: number): number {
  return (word >> 1) - 1;
}

/** Whether an earlier move of its pair leaves the same tuple and sends as this one, from its second word. */
export function alikeBefore(word: number): boolean {
  return (word & 1) === 1;
}

/** Whether a move in `moves` leaves tuple `next` with sends `sends`. */
function alike(moves: readonly number[], next: number, sends: number): boolean {
  for (let m = 0; m < moves.length; m += 4) if (moves[m + 2] === next && moves[m + 3] === sends) return true;
  return false;
}

function slotOf(rolesId: number, observedId: number, mask: number): number {
  const h = Math.imul(rolesId, 0x9e3779b1) ^ Math.imul(observedId + 0x7f4a7c15, 0x85ebca6b);
  return (h ^ (h >>> 15)) & mask;
}
