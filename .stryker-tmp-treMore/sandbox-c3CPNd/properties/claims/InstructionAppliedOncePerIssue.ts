// Safety, injective agreement (Lowe). 004 5.1.3.7.4.2 step 2 and 5.1.3.7.4.3 step 2 "the M2ME subscriber ... instructs
// it to perform a re-provisioning" / to return to the pristine state (step 3), x.2.3 device token: each instruction the
// TRE acts on was given by the subscriber, and is acted on at most as often as it was given. Judged by comparing the
// raw instructions in the TRE's log with those the subscriber logged when it gave them.
import type { SubscriberContext } from '../../models/roles/subscriber.ts';
import { roleSnapshot, type World } from '../../models/world/World.ts';
import { showTerm } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { appliedMoreThanIssued } from './observedTerms.ts';
import { onPart } from '../../models/world/onPart.ts';

const excess = (world: World): string[] =>
  appliedMoreThanIssued(treOf(world).instructions, (roleSnapshot(world, 'subscriber').context as SubscriberContext).instructed).map(showTerm);

export const instructionAppliedOncePerIssue: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('InstructionAppliedOncePerIssue'),
  description: 'each re-provisioning or pristine instruction the TRE acts on was given by the subscriber, and is acted on at most once per giving',
  holds: onPart('roles', (world) => excess(world).length === 0),
  explain: (world) => `expected each instruction acted on once per giving, actual: acted on more often than given: ${excess(world).join(', ')}`,
};
