// Liveness (AG EF). 003 t11 cm1 "it should be possible for an authorised entity to reset a TRE's MID management
// functions to factory settings and for users to re-establish their access to that TRE and to MIDs"; 004 5.1.3.7.4.3
// step 3 (the reset to the pristine state): from every reachable world, after any erasure, corruption, power loss or
// failed download, the honest roles can still bring the device back to service. Recovery counts no fault and no
// injection; the path to the world judged may take any step.
import type { World } from '../../models/world/World.ts';
import type { WorldEvent } from '../../models/world/WorldEvent.ts';
import { isFaultOrAttack } from '../../models/world/worldFairness.ts';
import type { Recoverable } from '../../src/engine/LivenessProperty.ts';
import { propertyId } from '../../src/engine/Property.ts';
import { registryText, treServes } from './treServes.ts';

export const serviceRecoverable: Recoverable<World, WorldEvent> = {
  kind: 'recoverable',
  id: propertyId('ServiceRecoverable'),
  description: 'from every reachable world the honest roles can still bring the device to service (an active, intact MCIM)',
  goal: treServes,
  recovery: (world, event) => !isFaultOrAttack(world, event),
  recoveryNote: "the honest roles' steps (no fault, no injection)",
  explain: (world) => `the TRE holds ${registryText(world)}, and no sequence of honest steps gives it an active, intact MCIM`,
};
