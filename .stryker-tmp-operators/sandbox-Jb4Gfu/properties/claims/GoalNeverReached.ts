// Sanity (non-vacuity), not a claim of the text: the negation of "the scenario's goal is reachable". A search that
// finds it violated has shown a run in which the honest goal is reached despite the attacker, so the other
// properties do not hold merely because the model deadlocks (as Tamarin's exists-trace lemmas show).
import { flowOutcome } from '../../models/flows/flowOutcome.ts';
import { roleSnapshot, worldConfig, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';

const reached = (world: World): boolean =>
  flowOutcome(worldConfig(world), (id) => roleSnapshot(world, id), { maxActiveMcims: 0, steps: 0, quiescent: true }).unmet.length === 0;

export const goalNeverReached: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('GoalNeverReached'),
  description: 'sanity: a run reaching the scenario\'s honest goal exists (violating this shows it)',
  holds: onPart('roles', (world) => !reached(world)),
  explain: () => 'the honest goal is reached in this state',
};
