// Reading a world for properties: role contexts by name, the attacker's knowledge, the victim device's names.
import { holds } from '../../src/attacker/knowledge.ts';
import { name } from '../../src/attacker/Term.ts';
import { deviceNames } from '../../models/messages.ts';
import type { ShoContext } from '../../models/roles/sho.ts';
import type { TreContext } from '../../models/roles/tre.ts';
import type { ShoId } from '../../models/roleIds.ts';
import { attackerKnowledge, roleSnapshot, worldConfig, worldRoles, type World } from '../../models/world/World.ts';
import { deviceAddressing, honestDevices } from '../../models/deviceAddressing.ts';
import { playedRole, type RoleId } from '../../models/roleIds.ts';
import type { Term } from '../../src/attacker/Term.ts';

export const victim = deviceNames('dev1');

export const treOf = (world: World): TreContext => roleSnapshot(world, 'tre').context as TreContext;
export const treState = (world: World): unknown => roleSnapshot(world, 'tre').value;
/** The TRE of the honest device whose PCID is `pcid` (dev1's for any other PCID: ../../models/deviceAddressing.ts). */
export function treOfDevice(world: World, pcid: Term | null): TreContext {
  const addressing = deviceAddressing(honestDevices(worldConfig(world).devices));
  return roleSnapshot(world, addressing.of('tre', pcid)).context as TreContext;
}

/** Every TRE of `world` (one per honest device), by role id. */
export function tresOf(world: World): readonly { readonly role: RoleId; readonly tre: TreContext }[] {
  return worldRoles(world).filter((r) => playedRole(r) === 'tre').map((role) => ({ role, tre: roleSnapshot(world, role).context as TreContext }));
}

export const shoOf = (world: World, sho: ShoId): ShoContext => roleSnapshot(world, sho).context as ShoContext;

/** True when the attacker of `world` holds the name `id` (false when the scenario has no attacker). */
export function attackerHolds(world: World, id: string): boolean {
  const k = attackerKnowledge(world);
  return k !== undefined && holds(k, name(id));
}
