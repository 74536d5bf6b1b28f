// Safety, injective agreement (Lowe). 004 5.1.2.3 "a secure update service for MCIMs ... only ... from an authorised,
// authenticated source" [t7 cm7]: each MCIM update the TRE applies was issued by an SHO (its log of the updates it
// signed and sent to the DPF) and is applied at most as often as it was issued, so a replayed update, an older one
// above all, does not roll the MCIM back. An update under the scenario's dishonest SHO's key is its issue, judged by
// McimUpdatedOnlyByItsSho.
import type { World } from '../../models/world/World.ts';
import type { Invariant } from '../../src/engine/Property.ts';
import { appliedOncePerShoIssue } from './appliedOncePerShoIssue.ts';
import { treOf } from './worldReaders.ts';

export const mcimUpdateAppliedOncePerIssue: Invariant<World> = appliedOncePerShoIssue({
  id: 'McimUpdateAppliedOncePerIssue',
  noun: 'MCIM update',
  applied: (world) => treOf(world).updates.map((u) => u.term),
  issued: (sho) => sho.updateTerms,
});
