// Safety. 003 t10 cm5 "a secure tunnel that provides at least confidentiality and anti-replay" from the credential entry
// device to the TRE (004 5.1.2.2 [t10 cm 1 - 11]; the tunnel's key and numbering are the model's, docs/model.md): an
// entry made at the keypad is evaluated by the TRE at most once, so a recorded entry replayed on the host interface
// does not authenticate anyone again. Judged from the raw entries the TRE evaluated
// (its log keeps the last n + 1), compared term by term here, not from the TRE's entry counter.
import type { World } from '../../models/world/World.ts';
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { treOf } from './worldReaders.ts';

/** Tunnel entries (the credential encrypted, as the keypad sends it) that the TRE evaluated more than once. */
function takenTwice(world: World): Term[] {
  const tunnelled = treOf(world).userEntries.filter((t) => t.kind === 'tuple' && t.items[1]?.kind === 'senc');
  return tunnelled.filter((t, i) => tunnelled.findIndex((u) => termEquals(u, t)) !== i);
}

export const keypadEntryTakenOnce: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('KeypadEntryTakenOnce'),
  description: 'the TRE evaluates each user credential entry made through the keypad\'s tunnel at most once',
  holds: onPart('roles', (world) => takenTwice(world).length === 0),
  explain: (world) => `expected each keypad entry evaluated once, actual: evaluated again ${takenTwice(world).map(showTerm).join(', ')}`,
};
