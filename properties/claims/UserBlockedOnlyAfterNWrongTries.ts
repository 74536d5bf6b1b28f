// Safety. 003 t10 cm6 "A TRE should block itself or a MID after n consecutive incorrect entries" (004 5.1.2.2
// [t10 cm 1 - 11]), the lower bound: the user credential is blocked only once n consecutive wrong entries were evaluated,
// so one mistyped entry does not lock the user out. Judged from the TRE's block (the effect) against the raw entries it
// evaluated (its log keeps the last n + 1), each compared with the device's user credential here.
import { USER_TRIES } from '../../models/roles/tre.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { trailingWrongEntries } from './userEntries.ts';
import { treOf } from './worldReaders.ts';

const wrongBeforeBlock = (world: World): number => trailingWrongEntries(treOf(world).userEntries).length;

export const userBlockedOnlyAfterNWrongTries: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('UserBlockedOnlyAfterNWrongTries'),
  description: `the TRE blocks the user credential only after ${USER_TRIES} consecutive wrong entries`,
  holds: onPart('roles', (world) => treOf(world).userBlocked === 'no' || wrongBeforeBlock(world) >= USER_TRIES),
  explain: (world) => `expected ${USER_TRIES} consecutive wrong entries before the block, actual: blocked (${treOf(world).userBlocked}) after ${wrongBeforeBlock(world)}`,
};
