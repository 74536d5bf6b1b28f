// Safety. 003 t7 cm3 (3) "Over-riding of a security control by the M2ME U/S should be performed by the M2ME U/S issuing an
// authorized command" and t10 (masquerading as the user): where the scenario lets the user override a control of the
// SHO's MCIM (the subscriber's own lifecycle command, `userLifecycle`, with [t7 cm3] off), the TRE applies a user's
// command only as the subscriber issued it, and once. Judged from the raw commands in the TRE's log against the command
// the subscriber sent (rebuilt from its context: the only one it sends), not from the TRE's check.
import { userLifecycleTerm } from '../../models/messages.ts';
import type { SubscriberContext } from '../../models/roles/subscriber.ts';
import { roleSnapshot, type World } from '../../models/world/World.ts';
import { onPart } from '../../models/world/onPart.ts';
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';

const isUserCommand = (t: Term): boolean => t.kind === 'tuple' && t.items[0]?.kind === 'name' && t.items[0].id === 'userLifecycle';

/** User commands the TRE applied that the subscriber did not issue, or applied a second time. */
function unissued(world: World): Term[] {
  const s = roleSnapshot(world, 'subscriber').context as SubscriberContext;
  const issued = s.commanded && s.pcid !== null && s.token !== null ? userLifecycleTerm(s.pcid, s.token, `mcim:${s.sho}`, 'DELETE') : undefined;
  const applied = treOf(world).commands.map((c) => c.term).filter(isUserCommand);
  return applied.filter((t, i) => issued === undefined || !termEquals(t, issued) || applied.findIndex((u) => termEquals(u, t)) !== i);
}

export const userCommandOnlyFromSubscriber: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('UserCommandOnlyFromSubscriber'),
  description: 'the TRE applies a user\'s lifecycle command only as the subscriber issued it, and once',
  holds: onPart('roles', (world) => unissued(world).length === 0),
  explain: (world) => `expected only the subscriber's own command, applied once, actual: applied ${unissued(world).map(showTerm).join(', ')}`,
};
