// Safety. 003 t10 cm10 "a TRE should force authentication of the M2ME U/S before the M2ME U/S is allowed to use the
// device's functionality to whose access is controlled by that TRE" (004 5.1.2.2 [t10 cm 1 - 11]), for the function a
// scenario gates (`userGate`: the subscriber's re-provisioning instruction, 5.1.3.7.4.2/4.3 step 2; 004 gates none):
// the TRE acts on an instruction only after a right user credential entry. Judged from the TRE's logs of the raw
// instructions it acted on and the entries it evaluated, each entry opened and compared here (userEntries.ts).
import { worldConfig, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { isRightEntry } from './userEntries.ts';
import { treOf } from './worldReaders.ts';

function ungated(world: World): boolean {
  if (!worldConfig(world).userGate) return false;
  const tre = treOf(world);
  return tre.instructions.length > 0 && !tre.userEntries.some(isRightEntry);
}

export const instructionOnlyForAuthenticatedUser: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('InstructionOnlyForAuthenticatedUser'),
  description: 'where the scenario gates it, the TRE acts on the subscriber\'s instruction only after a right user credential entry',
  holds: onPart('roles', (world) => !ungated(world)),
  explain: (world) =>
    `expected a right user credential entry before the instruction, actual: ${treOf(world).instructions.length} instruction(s) acted on, entries evaluated: ${treOf(world).userEntries.length}, none right`,
};
