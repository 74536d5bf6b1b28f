// The injections a world may take, computed once per (tuple of local states, attacker's observations) pair: each
// candidate message (WorldModel.injectable) its receiver takes, with the tuple after it and what it sends, or, for a
// relay at receipt (relayAtReceipt.ts), the relayed message and the step of the role that takes it. Whether a
// candidate is taken, and what it leaves, depend on that pair alone; a world's network and the step that reached it
// only decide which of these its search visits (enabledSteps.ts eachEnabled). Worlds share pairs: t2-replay-after-delete
// with 4 injections expands 972,481 worlds with injections left, over 100,014 pairs, and of the 120 candidates of
// each about 9 are taken (the M2ME relays most to a TRE that refuses them); asked per world, these steps were a
// quarter of the search (docs/engine.md "The injections of a world, per (tuple, observations) pair").
import { PairMemo } from '../../src/packing/PairMemo.ts';
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
  /** Where each pair's moves start in `pool`, by tuple id and observations' id. */
  private readonly starts = new PairMemo();
  /** The moves of pairs (`start`): a count, then four words a move: the injected envelope; the envelope it is relayed
   *  as (-1: none) and whether an earlier move of the pair leaves the same tuple and sends, in one word (`relayedOf`,
   *  `alikeBefore`: a world's search asks `takenAlike` only for such a move, for no other could be); the tuple id
   *  after; the id of the messages sent (WorldModel.sendList). In `injectable` order. */
  private readonly lists = new MoveLists();
  private readonly scratch: number[] = [];

  constructor(private readonly model: InjectionSource) {}

  /** Where the injections taken in tuple `rolesId` with observations `observedId` start in `pool` (see there). */
  start(rolesId: number, observedId: number): number {
    const known = this.starts.get(rolesId, observedId);
    if (known >= 0) return known;
    const at = this.lists.append(this.movesOf(rolesId, observedId));
    this.starts.set(rolesId, observedId, at);
    return at;
  }

  /** The words of the moves (see `lists`): a pair's start stays valid, the array may be replaced as it grows. */
  get pool(): Int32Array {
    return this.lists.words;
  }

  /** Bytes of the tables. */
  get bytes(): number {
    return this.starts.bytes + this.lists.bytes;
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
