// Safety. 004 5.1.2.3 "A TRE should support a secure update service for MCIMs ... Updates should only be accepted from
// an authorised, authenticated source" [t7 cm7]; 003 t7 cm7 "only after authorization from the SHO": every MCIM update
// the TRE applied was signed by the SHO whose MCIM instance it changed, judged from the signature the applied update
// carries and the instances whose code the step changed (the TRE's log), not from the TRE's own check.
import type { World } from '../../models/world/World.ts';
import { showTerm } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { updateView } from './observedTerms.ts';
import { treOf } from './worldReaders.ts';

const foreign = (world: World): string[] =>
  treOf(world).updates.flatMap((u) => {
    const { signer } = updateView(u.term);
    return u.changed.filter((c) => c.codeChanged && c.owner !== signer).map((c) => `${showTerm(u.term)} to ${c.id}`);
  });

export const mcimUpdatedOnlyByItsSho: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimUpdatedOnlyByItsSho'),
  description: 'every MCIM update the TRE applies was signed by the SHO whose MCIM instance it changes',
  holds: onPart('roles', (world) => foreign(world).length === 0),
  explain: (world) => `expected only updates signed by the MCIM's own SHO, actual: applied ${foreign(world).join(', ')}`,
};
