// Safety, injective agreement (Lowe). 004 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle
// management come from a valid, authorised source" [t7 cm1]: each lifecycle command the TRE applies was issued by an
// SHO, and is applied at most as often as it was issued (a replayed command is not applied again). Judged by comparing
// the raw commands in the TRE's log with those the SHOs logged when they signed them. A dishonest SHO issues what it
// likes without logging it: commands under its own key are its issues, judged by AtMostOneMcimActive and the others.
import { skSho } from '../../models/messages.ts';
import { isShoId, shoIds } from '../../models/roleIds.ts';
import { worldConfig, type World } from '../../models/world/World.ts';
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { shoOf, treOf } from './worldReaders.ts';
import { appliedMoreThanIssued } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

/** True when `term` is signed with the key of the scenario's dishonest SHO (read from the signature carried). */
function signedByInsider(world: World, term: Term): boolean {
  const insider = worldConfig(world).attacker.dishonest;
  return insider !== null && isShoId(insider) && term.kind === 'sign' && termEquals(term.key, skSho(insider));
}

const excess = (world: World): string[] => {
  const applied = treOf(world).commands.map((c) => c.term).filter((t) => !signedByInsider(world, t));
  return appliedMoreThanIssued(applied, shoIds.flatMap((s) => shoOf(world, s).commandTerms)).map(showTerm);
};

export const lifecycleCommandAppliedOncePerIssue: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('LifecycleCommandAppliedOncePerIssue'),
  description: 'each lifecycle command the TRE applies was issued by an SHO, and is applied at most once per issue',
  holds: onPart('roles', (world) => excess(world).length === 0),
  explain: (world) => `expected each applied command to match one issue, actual: applied more often than issued: ${excess(world).join(', ')}`,
};
