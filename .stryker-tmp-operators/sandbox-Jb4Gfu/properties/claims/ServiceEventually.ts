// Liveness (GF under weak fairness). 003 t11 ("a user loses access to networks and services"), 004 5.1.3.6.2 steps
// 12-13 and 5.1.3.7.4.2 steps 7-12: on every run on which each honest role that can go on eventually does, and
// faults and the attacker's injections eventually stop, the device ends up served (an active, intact MCIM) and stays
// served, or keeps coming back to service.
import type { World } from '../../models/world/World.ts';
import type { WorldEvent } from '../../models/world/WorldEvent.ts';
import { isFaultOrAttack } from '../../models/world/worldFairness.ts';
import type { InfinitelyOften } from '../../src/engine/LivenessProperty.ts';
import { propertyId } from '../../src/engine/Property.ts';
import { registryText, treServes } from './treServes.ts';

export const serviceEventually: InfinitelyOften<World, WorldEvent> = {
  kind: 'infinitely-often',
  id: propertyId('ServiceEventually'),
  description: 'under weak fairness of the honest roles, once faults and injections stop, the device is eventually served for good',
  goal: treServes,
  finitely: isFaultOrAttack,
  finitelyNote: 'faults and injections',
  explain: (world) => `the TRE holds ${registryText(world)}`,
};
