// The roles of TR 33.812 (004) 5.1.3.5 as they appear in the world, in the fixed order the world stores them.
/** The roles of every world: one device (dev1: its subscriber, M2ME and TRE) and the operators serving it. */
export const roleIds = ['supplier', 'subscriber', 'm2me', 'tre', 'vno', 'icsp', 'ro', 'pva', 'sho1', 'sho2'] as const;
/** The roles each honest device has: its owner (subscriber), its host platform and its TRE. */
export const deviceRoles = ['subscriber', 'm2me', 'tre'] as const;
export type DeviceRole = (typeof deviceRoles)[number];

/** Devices a scenario can hold: `dev1` is the victim's M2ME (the m2me and tre roles); `dev2` a second, genuine
 *  device: honest with its own roles when the scenario has `devices: 2`, else one the attacker may own
 *  (its names are known to the attacker only when a threat capability gives them). */
export const deviceIds = ['dev1', 'dev2'] as const;
export type DeviceId = (typeof deviceIds)[number];

/** The roles of the second honest device, after those of `roleIds` in the world's order (so a one-device world
 *  keeps its order): dev1's roles keep their plain names. */
export const secondDeviceRoleIds = ['subscriber@dev2', 'm2me@dev2', 'tre@dev2'] as const;
export type BaseRoleId = (typeof roleIds)[number];
/** SHOs beyond the two every world has: a scenario with `shos: 3` adds `sho3` (a second change of operator towards a
 *  third SHO), after the second device's roles in the world's order, so a world without it keeps its order. */
export const extraShoIds = ['sho3'] as const;
export type ExtraShoId = (typeof extraShoIds)[number];
export type RoleId = BaseRoleId | (typeof secondDeviceRoleIds)[number] | ExtraShoId;
/** The role a role id plays: a base role or an extra SHO. */
export type PlayedRole = BaseRoleId | ExtraShoId;
/** Every role a world may hold, in the world's order. */
export const allRoleIds: readonly RoleId[] = [...roleIds, ...secondDeviceRoleIds, ...extraShoIds];

/** The role `role` of device `device`: dev1's under its plain name, another's as `role@device`. */
export function deviceRoleId(role: DeviceRole, device: DeviceId): RoleId {
  return device === 'dev1' ? role : (`${role}@${device}` as RoleId);
}

/** The device a device role id belongs to (`tre@dev2` -> dev2, `tre` -> dev1). */
export function deviceOf(role: RoleId): DeviceId {
  const device = role.split('@')[1];
  return device === 'dev2' ? 'dev2' : 'dev1';
}

/** The role a device role id plays (`m2me@dev2` plays `m2me`); other roles play themselves. */
export function playedRole(id: RoleId): PlayedRole {
  return id.replace(/@.*$/, '') as PlayedRole;
}

/** The two SHO instances every world has (5.1.3.7.3.1: an old and a new selected home operator); the attacker's
 *  vocabulary and routes name these two. */
export const shoIds = ['sho1', 'sho2'] as const;
export type BaseShoId = (typeof shoIds)[number];
/** Every SHO a world may hold (the TRE's and the RO's PKI knows each one's key, x.2.3 NOTE 3). */
export const allShoIds = [...shoIds, ...extraShoIds] as const;
export type ShoId = (typeof allShoIds)[number];

export function isShoId(x: string): x is ShoId {
  return (allShoIds as readonly string[]).includes(x);
}
