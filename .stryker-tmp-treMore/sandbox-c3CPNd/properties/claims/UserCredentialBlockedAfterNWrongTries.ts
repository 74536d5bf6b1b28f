// Safety. 003 t10 cm6 "block ... after n consecutive unsuccessful attempts" (004 5.1.2.2 [t10 cm 1 - 11]): the TRE
// never evaluates more than n consecutive wrong user credentials (n = USER_TRIES). Judged from the raw entries the TRE
// evaluated (its log keeps the last n + 1), each compared with the device's user credential by the property itself.
import { USER_TRIES } from '../../models/roles/tre.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { treOf } from './worldReaders.ts';
import { trailingWrongEntries } from './userEntries.ts';
import { onPart } from '../../models/world/onPart.ts';

export const userCredentialBlockedAfterNWrongTries: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('UserCredentialBlockedAfterNWrongTries'),
  description: `the TRE evaluates at most ${USER_TRIES} consecutive wrong user credentials`,
  holds: onPart('roles', (world) => trailingWrongEntries(treOf(world).userEntries).length <= USER_TRIES),
  explain: (world) => `expected at most ${USER_TRIES} consecutive wrong entries, actual: ${trailingWrongEntries(treOf(world).userEntries).length} evaluated`,
};
