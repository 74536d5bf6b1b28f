// A predicate on worlds computed once per distinct value of the one part of the world it reads: a search asks it
// once per state, but thousands of states share one tuple of local states or one set of observations. Networks
// are not interned apart from their worlds (WorldModel.worlds), so a predicate on the network runs per world.
// A predicate of the roles' states is, beyond that, computed once per distinct local states of the roles it reads
// (`RoleReads`): a tuple of every role's state met for the first time mostly agrees with an earlier one on those.
import type { Invariant } from '../../src/engine/Property.ts';
import type { StatePart } from '../../src/engine/System.ts';
import { localIdOf, type World } from './World.ts';
import type { WorldModel } from './WorldModel.ts';
import { recordRoleReads } from './roleReads.ts';

/** The parts of a world a predicate may read: the roles' local states, the messages in flight, or the attacker's
 *  observations (and so its knowledge). The scenario's configuration is the same for every world of a model. */
export type WorldPart = 'roles' | 'net' | 'knowledge';

export interface PartPredicate {
  (world: World): boolean;
  readonly part: WorldPart;
  /** The predicate itself, without the memo (tests compare the two). */
  readonly direct: (world: World) => boolean;
}

const idOf: Record<Exclude<WorldPart, 'net'>, (world: World) => number> = {
  roles: (world) => world.rolesId,
  knowledge: (world) => world.observedId,
};

/** The parts with an id, as a search groups the invariants that read one alone (System.partOf). */
const statePartOf: Record<Exclude<WorldPart, 'net'>, StatePart<World>> = {
  roles: { name: 'roles', id: idOf.roles },
  knowledge: { name: 'knowledge', id: idOf.knowledge },
};

/** The part with an id that `invariant` reads alone: one whose `holds` is an `onPart` predicate of the roles or of the
 *  observations (the world system's `partOf`). */
export function partOfInvariant(invariant: Invariant<World>): StatePart<World> | undefined {
  const part = (invariant.holds as Partial<PartPredicate>).part;
  return part === 'roles' || part === 'knowledge' ? statePartOf[part] : undefined;
}

const unknown = 0;
const isTrue = 1;
const isFalse = 2;

/** `predicate`, which must read no part of the world but `part`, memoised per model and id of that part (but the
 *  network, which has no id). */
export function onPart(part: WorldPart, predicate: (world: World) => boolean): PartPredicate {
  if (part === 'net') return Object.assign((world: World) => predicate(world), { part, direct: predicate });
  const id = idOf[part];
  const tables = new WeakMap<WorldModel, Int8Array>();
  const byReads = part === 'roles' ? new WeakMap<WorldModel, RoleReads>() : undefined;
  // Searches run one model at a time: the last one's table is kept at hand.
  let lastModel: WorldModel | undefined;
  let table: Int8Array = new Int8Array(0);
  const memoised = (world: World): boolean => {
    if (world.model !== lastModel) {
      lastModel = world.model;
      table = tables.get(world.model) ?? new Int8Array(256);
      tables.set(world.model, table);
    }
    const i = id(world);
    if (i >= table.length) {
      const grown = new Int8Array(Math.max(table.length * 2, i + 1));
      grown.set(table);
      table = grown;
      tables.set(world.model, table);
    }
    const known = table[i]!;
    if (known !== unknown) return known === isTrue;
    let result: boolean;
    if (byReads === undefined) result = predicate(world);
    else {
      let reads = byReads.get(world.model);
      if (reads === undefined) byReads.set(world.model, (reads = new RoleReads(predicate)));
      result = reads.answer(world);
    }
    table[i] = result ? isTrue : isFalse;
    return result;
  };
  return Object.assign(memoised, { part, direct: predicate });
}

/** A node of `RoleReads`: the role the predicate reads next, and per local id of it the next node or the answer. */
interface ReadNode {
  readonly role: number;
  readonly next: (ReadNode | boolean | undefined)[];
}

/** A predicate of the roles' local states, its answers kept by the roles it read: the predicate reads through
 *  `roleSnapshot`, which tells each read (roleReads.ts), and reads alike on worlds that agree on what it read so far
 *  (it is a function of those states and of the model's constants), so its reads form a tree, each node a role
 *  read, each branch a local id of it, each leaf an answer. A world walks the tree by its own local ids; one that
 *  leaves it is a new combination, computed and added. */
class RoleReads {
  private root: ReadNode | boolean | undefined;

  constructor(private readonly predicate: (world: World) => boolean) {}

  answer(world: World): boolean {
    let node = this.root;
    while (typeof node === 'object') node = node.next[localIdOf(world, node.role)];
    if (node !== undefined) return node;
    const { value, reads } = recordRoleReads(() => this.predicate(world));
    this.add(reads, value);
    return value;
  }

  private add(reads: readonly number[], value: boolean): void {
    // A predicate that reads another role, or stops, where an earlier one with the same reads went on alike, read
    // something `roleSnapshot` does not tell: its answers could not be kept by roles read.
    const astray = (): never => {
      throw new Error('onPart: a predicate of the roles read them differently after the same reads; it must read roles through roleSnapshot alone');
    };
    if (reads.length === 0) {
      if (this.root !== undefined) astray();
      this.root = value;
      return;
    }
    let node = (this.root ??= { role: reads[0]!, next: [] });
    for (let k = 0; k < reads.length; k += 2) {
      if (typeof node !== 'object' || node.role !== reads[k]) return astray();
      const local = reads[k + 1]!;
      const child = node.next[local];
      if (k + 2 === reads.length) {
        if (child !== undefined) astray();
        node.next[local] = value;
      } else if (child === undefined) {
        node = node.next[local] = { role: reads[k + 2]!, next: [] };
      } else {
        node = child;
      }
    }
  }
}
