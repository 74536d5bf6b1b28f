// Safety. 004 5.1.3.7.4.2 step 7 "downloaded to the M2ME over the connectivity that was provided by the old SHO
// ... must be atomic", steps 8-12, t11 (users lose access through a malfunction): whenever the TRE is not in the
// middle of a change over the old SHO's connectivity, it holds an active MCIM (the old one or the new one), unless
// its integrity check blocked one for a detected modification (that loss is t8 cm8 working, not the change failing),
// or an SHO's own lifecycle command (5.1.2.4) blocked, retired or deleted one (the TRE's log of the raw commands it
// applied, each judged here by its signer: a foreign-signed command excuses nothing).
import { isActive } from '../../models/roles/treRegistry.ts';
import { worldConfig, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf, treState } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';
import { commandView } from './observedTerms.ts';

function stranded(world: World): boolean {
  if (worldConfig(world).flow !== 'change-via-old-sho') return false;
  const state = treState(world);
  const idle = typeof state === 'object' && state !== null && (state as { Trusted?: unknown }).Trusted === 'Ready';
  const tre = treOf(world);
  return idle && !ownerCommanded(world) && !tre.registry.some((e) => isActive(e) || e.modifiedAtCheck);
}

/** An owner-signed command that takes an MCIM out of service was applied. */
const ownerCommanded = (world: World): boolean =>
  treOf(world).commands.some((c) => {
    const { signer, mcim, event } = commandView(c.term);
    return signer !== undefined && mcim === `mcim:${signer}` && event !== 'UNBLOCK' && event !== 'ACTIVATE';
  });

export const changeOfOperatorKeepsService: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ChangeOfOperatorKeepsService'),
  description: 'a change of operator over the old SHO\'s connectivity never leaves the TRE idle without an active MCIM',
  holds: onPart('roles', (world) => !stranded(world)),
  explain: (world) =>
    `expected the old or the new MCIM active, actual: the TRE is idle with ${treOf(world).registry.map((e) => `${e.id} ${e.state}`).join(', ') || 'no MCIM'}`,
};
