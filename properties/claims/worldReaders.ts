// Reading a world for properties: role contexts by name, the attacker's knowledge, the victim device's names.
import { holds } from '../../src/attacker/knowledge.ts';
import { name } from '../../src/attacker/Term.ts';
import { deviceNames } from '../../models/messages.ts';
import type { ShoContext } from '../../models/roles/sho.ts';
import type { TreContext } from '../../models/roles/tre.ts';
import type { ShoId } from '../../models/roleIds.ts';
import { attackerKnowledge, roleSnapshot, type World } from '../../models/world/World.ts';

export const victim = deviceNames('dev1');

export const treOf = (world: World): TreContext => roleSnapshot(world, 'tre').context as TreContext;
export const treState = (world: World): unknown => roleSnapshot(world, 'tre').value;
export const shoOf = (world: World, sho: ShoId): ShoContext => roleSnapshot(world, sho).context as ShoContext;

/** True when the attacker of `world` holds the name `id` (false when the scenario has no attacker). */
export function attackerHolds(world: World, id: string): boolean {
  const k = attackerKnowledge(world);
  return k !== undefined && holds(k, name(id));
}
