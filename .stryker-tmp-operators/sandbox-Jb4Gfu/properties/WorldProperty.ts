// A claim on the TR 33.812 world with what it checks: the type the flows' and the threats' property lists share.
import type { World } from '../models/world/World.ts';
import type { WorldEvent } from '../models/world/WorldEvent.ts';
import type { LivenessProperty } from '../src/engine/LivenessProperty.ts';
import type { Invariant } from '../src/engine/Property.ts';

export interface WorldProperty {
  /** An invariant (searched by the level explorer) or a property of service (on the state graph, src/engine/liveness/). */
  readonly property: Invariant<World> | LivenessProperty<World, WorldEvent>;
  /** TR clauses ("004 5.1.3.7.2") and catalogue counter-measure ids ("t5.cm3") the property checks. */
  readonly checks: readonly string[];
}
