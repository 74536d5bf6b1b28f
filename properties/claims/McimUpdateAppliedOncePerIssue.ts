// Safety, injective agreement (Lowe). 004 5.1.2.3 "a secure update service for MCIMs ... only ... from an authorised,
// authenticated source" [t7 cm7]: each MCIM update the TRE applies was issued by an SHO (its log of the updates it
// signed and sent to the DPF) and is applied at most as often as it was issued, so a replayed update, an older one
// above all, does not roll the MCIM back. An update under the scenario's dishonest SHO's key is its issue, judged by
// McimUpdatedOnlyByItsSho.
import { worldConfig, type World } from '../../models/world/World.ts';
import { showTerm } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { appliedMoreThanIssued, shoSigner } from './observedTerms.ts';
import { shoOf, treOf, shosOf } from './worldReaders.ts';

const excess = (world: World): string[] => {
  // Terms under the dishonest SHO's own key (read from the signature carried) are its issues.
  const insider = worldConfig(world).attacker.dishonest;
  const applied = treOf(world).updates.map((u) => u.term).filter((t) => shoSigner(t) !== insider);
  return appliedMoreThanIssued(applied, shosOf(world).flatMap((s) => shoOf(world, s).updateTerms)).map(showTerm);
};

export const mcimUpdateAppliedOncePerIssue: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimUpdateAppliedOncePerIssue'),
  description: 'each MCIM update the TRE applies was issued by an SHO, and is applied at most once per issue',
  holds: onPart('roles', (world) => excess(world).length === 0),
  explain: (world) => `expected each applied update to match one issue, actual: applied more often than issued: ${excess(world).join(', ')}`,
};
