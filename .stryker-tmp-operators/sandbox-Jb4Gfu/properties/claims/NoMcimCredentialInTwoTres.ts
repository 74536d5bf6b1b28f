// Safety. 003 threat 1 (cloning: "obtains secret keys that enable him to clone a TRE or MIDs") and t5 cm3 (MIDs
// "bound and mapped to the identity of the TRE for which they have been issued"): no MCIM credential (Ki) is held by
// two TREs at once. Judged from the registries of all the world's TREs (what each stores: an entry's Ki, in any
// lifecycle state but Retired, where 5.1.1.1 has the credential deleted).
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { tresOf } from './worldReaders.ts';

/** Each Ki held by more than one TRE, with the TRE roles holding it. */
function cloned(world: World): { ki: string; roles: string[] }[] {
  const holders = new Map<string, string[]>();
  for (const { role, tre } of tresOf(world)) {
    for (const ki of new Set(tre.registry.filter((e) => e.state !== 'Retired').map((e) => e.ki))) holders.set(ki, [...(holders.get(ki) ?? []), role]);
  }
  return [...holders].filter(([, roles]) => roles.length > 1).map(([ki, roles]) => ({ ki, roles }));
}

export const noMcimCredentialInTwoTres: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('NoMcimCredentialInTwoTres'),
  description: 'no MCIM credential (Ki) is held by two TREs (no clone of an MCIM, 003 t1)',
  holds: onPart('roles', (world) => cloned(world).length === 0),
  explain: (world) => `expected each Ki in one TRE at most, actual: ${cloned(world).map((c) => `${c.ki} in ${c.roles.join(' and ')}`).join('; ')}`,
};
