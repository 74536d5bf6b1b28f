// Safety, injective agreement (Lowe). 004 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle
// management come from a valid, authorised source" [t7 cm1]: each lifecycle command the TRE applies was issued by an
// SHO, and is applied at most as often as it was issued (a replayed command is not applied again). Judged by comparing
// the raw commands in the TRE's log with those the SHOs logged when they signed them. A dishonest SHO issues what it
// likes without logging it: commands under its own key are its issues, judged by AtMostOneMcimActive and the others.
import type { World } from '../../models/world/World.ts';
import type { Invariant } from '../../src/engine/Property.ts';
import { appliedOncePerShoIssue } from './appliedOncePerShoIssue.ts';
import { treOf } from './worldReaders.ts';

export const lifecycleCommandAppliedOncePerIssue: Invariant<World> = appliedOncePerShoIssue({
  id: 'LifecycleCommandAppliedOncePerIssue',
  noun: 'lifecycle command',
  applied: (world) => treOf(world).commands.map((c) => c.term),
  issued: (sho) => sho.commandTerms,
});
