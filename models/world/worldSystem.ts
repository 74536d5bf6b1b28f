// The world as an engine System (src/engine/System.ts): the search drives the TR model through this adapter.
import type { System } from '../../src/engine/System.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { describeWorld, enabledEvents, eventLabel, initialWorld, stepWorld, worldKey, type World, type WorldEvent } from './World.ts';

/** Registered name of the TR 33.812 Alternative 1a world; replay rebuilds it with `worldSystem(config)`. */
export const WORLD_SYSTEM_NAME = 'tr33812-alt1a';

export function worldSystem(config: ScenarioConfig): System<World, WorldEvent> {
  const initial = initialWorld(config);
  return {
    name: WORLD_SYSTEM_NAME,
    config,
    initialStates: () => [initial],
    enabled: enabledEvents,
    step: stepWorld,
    key: worldKey,
    // Labels need the world's message table; every world of this system shares the initial world's model.
    actionLabel: (action) => eventLabel(initial, action),
    describeState: describeWorld,
  };
}
