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
export type RoleId = BaseRoleId | (typeof secondDeviceRoleIds)[number];
/** Every role a world may hold, in the world's order. */
export const allRoleIds: readonly RoleId[] = [...roleIds, ...secondDeviceRoleIds];

/** The role `role` of device `device`: dev1's under its plain name, another's as `role@device`. */
export function deviceRoleId(role: DeviceRole, device: DeviceId): RoleId {
  return device === 'dev1' ? role : (`${role}@${device}` as RoleId);
}

/** The role a device role id plays (`m2me@dev2` plays `m2me`); other roles play themselves. */
export function playedRole(id: RoleId): BaseRoleId {
  return id.replace(/@.*$/, '') as BaseRoleId;
}

/** The two SHO instances (5.1.3.7.3.1: an old and a new selected home operator). */
export const shoIds = ['sho1', 'sho2'] as const;
export type ShoId = (typeof shoIds)[number];

export function isShoId(x: string): x is ShoId {
  return (shoIds as readonly string[]).includes(x);
}
