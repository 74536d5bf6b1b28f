// A world of the TR model as the search holds it: where its record lies and the ids read from it (World.ts builds
// and steps worlds; enabledSteps.ts lists a world's steps).
import type { WorldModel } from './WorldModel.ts';

export class World {
  /** Use `initialWorld`, `stepWorld`, `reviveWorld` or `worldAt`: the fields are read from a record of `model`. */
  constructor(
    readonly model: WorldModel,
    /** Offset of the world's record in model.worlds: equal worlds of one model have equal offsets. */
    readonly at: number,
    /** Tuple of each role's local id, in cast order (model.roleTuples). */
    readonly rolesId: number,
    /** The attacker's observations (model.observations): its knowledge is their Dolev-Yao closure with its
     *  initial knowledge (models/attacker/AttackerTables.ts). */
    readonly observedId: number,
    /** Injections made so far (bounded by the scenario's budget). */
    readonly injections: number,
    /** The segment of model.worlds that holds the world's record (RecordTable.segmentOf). */
    readonly net: Uint8Array,
    /** Where the messages in flight lie in `net`: envelope ids as varints, in key order (`rank`), repeats kept. */
    readonly netStart: number,
    readonly netEnd: number,
  ) {}
}
