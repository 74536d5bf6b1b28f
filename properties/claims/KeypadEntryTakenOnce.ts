// Safety. 003 t10 cm5 "a secure tunnel that provides at least confidentiality and anti-replay" from the credential entry
// device to the TRE (004 5.1.2.2 [t10 cm 1 - 11]; the tunnel's key and numbering are the model's, docs/model.md): the
// entry the user made at the keypad is evaluated by the TRE at most once, so a recorded entry delivered again on the
// host interface (or the credential read there and entered again) does not authenticate anyone a second time. Judged
// from the raw entries the TRE evaluated (its log keeps the last n + 1) against the entry the user made, as sent.
import { userAuthTerm } from '../../models/messages.ts';
import type { SubscriberContext } from '../../models/roles/subscriber.ts';
import { roleSnapshot, type World } from '../../models/world/World.ts';
import { onPart } from '../../models/world/onPart.ts';
import { termEquals } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';

/** How many times the TRE evaluated the entry the user made at the keypad (0 before the user makes it). */
function timesTaken(world: World): number {
  const user = roleSnapshot(world, 'subscriber').context as SubscriberContext;
  if (!user.pinEntered || user.pinEntry === null) return 0;
  const made = userAuthTerm(user.pinEntry, 'local');
  return treOf(world).userEntries.filter((t) => termEquals(t, made)).length;
}

export const keypadEntryTakenOnce: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('KeypadEntryTakenOnce'),
  description: 'the TRE evaluates the user credential entry made at the keypad at most once',
  holds: onPart('roles', (world) => timesTaken(world) <= 1),
  explain: (world) => `expected the user's keypad entry evaluated once, actual: evaluated ${timesTaken(world)} times`,
};
