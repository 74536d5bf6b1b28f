// Safety. 004 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle management come from a
// valid, authorised source" [t7 cm1], 5.1.2.3 [t3 cm3, t7 cm1, t8 cm6]: the TRE applies a lifecycle command to an
// MCIM only when that MCIM's own SHO signed it, judged from the signature the applied command actually carries (the
// raw term in the TRE's log), not from the TRE's own check.
import type { World } from '../../models/world/World.ts';
import { showTerm } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { commandView } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

const foreign = (world: World): string[] =>
  treOf(world).commands.map((c) => c.term).filter((t) => {
    const { signer, mcim } = commandView(t);
    return signer === undefined || mcim !== `mcim:${signer}`;
  }).map(showTerm);

export const lifecycleChangesOnlyByOwner: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('LifecycleChangesOnlyByOwner'),
  description: 'every lifecycle command the TRE applies to an MCIM was signed by that MCIM\'s SHO',
  holds: onPart('roles', (world) => foreign(world).length === 0),
  explain: (world) => `expected only commands signed by the MCIM's SHO, actual: applied ${foreign(world).join(', ')}`,
};
