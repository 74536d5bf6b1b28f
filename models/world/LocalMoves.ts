// The local events enabled in a tuple of local states (user and operator decisions, faults), each with the tuple after
// it and what it sends: computed once per tuple, which spares a search asking every role of every state.
import type { AnyStateMachine } from 'xstate';
import { notEnabled, type MemoMachine } from '../../src/xstate/MemoMachine.ts';
import type { SequenceTable } from '../../src/packing/SequenceTable.ts';
import { MoveLists } from './MoveLists.ts';

/** What the moves are computed from: a world model's tuples, role tables and role steps (WorldModel.ts). */
export interface MoveSource {
  readonly cast: readonly unknown[];
  readonly roleTuples: SequenceTable;
  readonly memos: readonly MemoMachine<AnyStateMachine>[];
  readonly localEvents: readonly (readonly number[])[];
  /** The tuple after a role's event, its sends left in `stepSends`. */
  roleStep(rolesId: number, role: number, eventIndex: number): number;
  readonly stepSends: number;
}

const none: readonly number[] = Object.freeze([]);

export class LocalMoves {
  /** Per tuple id, where its moves start in `pool` plus one (0: not computed yet). */
  private starts = new Int32Array(1 << 10);
  /** The moves of tuples (`start`): a count, then four words a move: role, index in localEvents[role], tuple id
   *  after, id of the messages sent (WorldModel.sendList). */
  private readonly lists = new MoveLists();
  /** enabled[role][local id]: positions in localEvents[role] of the local events enabled there. */
  private readonly enabled: (readonly number[] | undefined)[][];

  constructor(private readonly model: MoveSource) {
    this.enabled = model.cast.map(() => []);
  }

  /** Where the local events enabled in tuple `rolesId` start in `pool` (see there). */
  start(rolesId: number): number {
    if (rolesId < this.starts.length) {
      const known = this.starts[rolesId]!;
      if (known > 0) return known - 1;
    } else {
      const starts = new Int32Array(Math.max(rolesId + 1, this.starts.length * 2));
      starts.set(this.starts);
      this.starts = starts;
    }
    const model = this.model;
    const moves: number[] = [];
    const tuples = model.roleTuples;
    const from = tuples.starts[rolesId]!;
    for (let role = 0; role < model.localEvents.length; role++) {
      const enabled = this.enabledLocal(role, tuples.pool[from + role]!);
      for (let i = 0; i < enabled.length; i++) {
        const index = enabled[i]!;
        const next = model.roleStep(rolesId, role, model.localEvents[role]![index]!);
        moves.push(role, index, next, model.stepSends);
      }
    }
    const at = this.lists.append(moves);
    this.starts[rolesId] = at + 1;
    return at;
  }

  /** The words of the moves (see `lists`). */
  get pool(): Int32Array {
    return this.lists.words;
  }

  /** Bytes of the tables. */
  get bytes(): number {
    return this.starts.byteLength + this.lists.bytes;
  }

  /** Positions in `localEvents[role]` of the local events role `role` can take in local state `id`. */
  private enabledLocal(role: number, id: number): readonly number[] {
    const row = this.enabled[role]!;
    let out = row[id];
    if (out === undefined) {
      const memo = this.model.memos[role]!;
      const events = this.model.localEvents[role]!;
      const enabled: number[] = [];
      for (let i = 0; i < events.length; i++) if (memo.step(id, events[i]!) !== notEnabled) enabled.push(i);
      out = enabled.length === 0 ? none : enabled;
      row[id] = out;
    }
    return out;
  }
}
