// A predicate on worlds computed once per distinct value of the one part of the world it reads: a search asks it
// once per state, but thousands of states share one tuple of local states or one set of observations. Networks
// are not interned apart from their worlds (WorldModel.worlds), so a predicate on the network runs per world.
import type { World } from './World.ts';
import type { WorldModel } from './WorldModel.ts';

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

const unknown = 0;
const isTrue = 1;
const isFalse = 2;

/** `predicate`, which must read no part of the world but `part`, memoised per model and id of that part (but the
 *  network, which has no id). */
export function onPart(part: WorldPart, predicate: (world: World) => boolean): PartPredicate {
  if (part === 'net') return Object.assign((world: World) => predicate(world), { part, direct: predicate });
  const id = idOf[part];
  const tables = new WeakMap<WorldModel, Int8Array>();
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
    const result = predicate(world);
    table[i] = result ? isTrue : isFalse;
    return result;
  };
  return Object.assign(memoised, { part, direct: predicate });
}
