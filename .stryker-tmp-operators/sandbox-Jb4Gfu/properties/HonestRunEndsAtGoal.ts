// Liveness, checked on terminal states (runs that cycle are not judged): every run that stops has reached the goal:
// the chosen SHO's MCIM Activated with its success report (004 5.1.3.6.2 steps 13-14), the old MCIM gone or
// isolated and the old SHO released (5.1.3.7.4.2 steps 8-14, 5.1.3.7.4.3).
import { flowOutcome } from '../models/flows/flowOutcome.ts';
import { enabledEvents, roleSnapshot, worldConfig, type World } from '../models/world/World.ts';
import { propertyId, type Invariant } from '../src/engine/Property.ts';

/** Unmet parts of the goal in `world`; at most one active MCIM is AtMostOneMcimActive's claim, not this one's. */
function unmetGoal(world: World): readonly string[] {
  return flowOutcome(worldConfig(world), (id) => roleSnapshot(world, id), { maxActiveMcims: 0, steps: 0, quiescent: true }).unmet;
}

export const honestRunEndsAtGoal: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('HonestRunEndsAtGoal'),
  description: 'every run that stops, stops with the scenario\'s goal reached (004 5.1.3.6.2 steps 13-14, 5.1.3.7.4.2, 5.1.3.7.4.3)',
  // Enabledness is read, not taken: enabledEvents asks each role's table, it produces no successor world.
  holds: (world) => enabledEvents(world).length > 0 || unmetGoal(world).length === 0,
  explain: (world) => `expected the goal reached when nothing is enabled, actual: ${unmetGoal(world).join('; ')}`,
};
