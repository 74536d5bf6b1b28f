// Safety. 003 t10 cm6 "A TRE should block itself or a MID after n consecutive incorrect entries" (004 5.1.2.2
// [t10 cm 1 - 11]), both ways: the TRE never evaluates more than n consecutive wrong user credentials (n = USER_TRIES),
// and it blocks the credential only once n consecutive wrong ones were evaluated (one mistyped entry does not lock the
// user out). Judged from the raw entries the TRE evaluated (its log keeps the last n + 1), each compared with the
// device's user credential by the property itself, and from the TRE's block (the effect) against them.
import { USER_TRIES } from '../../models/roles/tre.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { trailingWrongEntries } from './userEntries.ts';
import { onPart } from '../../models/world/onPart.ts';

const wrongInARow = (world: World): number => trailingWrongEntries(treOf(world).userEntries).length;

export const userCredentialBlockedAfterNWrongTries: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('UserCredentialBlockedAfterNWrongTries'),
  description: `the TRE evaluates at most ${USER_TRIES} consecutive wrong user credentials, and blocks the credential only after ${USER_TRIES}`,
  holds: onPart('roles', (world) => wrongInARow(world) <= USER_TRIES && (treOf(world).userBlocked === 'no' || wrongInARow(world) >= USER_TRIES)),
  explain: (world) =>
    `expected at most ${USER_TRIES} consecutive wrong entries, and a block only after ${USER_TRIES}, actual: ${wrongInARow(world)} evaluated, ` +
    `credential ${treOf(world).userBlocked === 'no' ? 'not blocked' : `blocked (${treOf(world).userBlocked})`}`,
};
