// The roles of TR 33.812 (004) 5.1.3.5 as they appear in the world, in the fixed order the world stores them.
export const roleIds = ['supplier', 'subscriber', 'm2me', 'tre', 'vno', 'icsp', 'ro', 'pva', 'sho1', 'sho2'] as const;
export type RoleId = (typeof roleIds)[number];

/** The two SHO instances (5.1.3.7.3.1: an old and a new selected home operator). */
export const shoIds = ['sho1', 'sho2'] as const;
export type ShoId = (typeof shoIds)[number];

export function isShoId(x: string): x is ShoId {
  return (shoIds as readonly string[]).includes(x);
}

/** Devices a scenario can hold: `dev1` is the victim's M2ME (the m2me and tre roles); `dev2` a second, genuine
 *  device the attacker owns (its names are known to the attacker only when a threat capability gives them). */
export const deviceIds = ['dev1', 'dev2'] as const;
export type DeviceId = (typeof deviceIds)[number];
