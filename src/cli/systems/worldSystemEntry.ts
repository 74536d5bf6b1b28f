// Registry entry: the TR 33.812 Alternative 1a world of one scenario, with the model's properties.
import { resolveScenario } from '../../../models/flows/ScenarioConfig.ts';
import { WORLD_SYSTEM_NAME, worldSystem } from '../../../models/world/worldSystem.ts';
import { worldProperties } from '../../../properties/index.ts';
import { InputError } from '../InputError.ts';
import type { BuiltSystem, RegisteredSystem } from './RegisteredSystem.ts';

export function buildSystem(_name: string, config: unknown): BuiltSystem {
  const scenario = resolveScenario(config ?? {});
  if (!scenario.ok) throw new InputError(`invalid configuration for ${WORLD_SYSTEM_NAME}: ${scenario.error.message}`);
  return { system: worldSystem(scenario.config), properties: worldProperties.map((p) => p.property) };
}

export const worldSystemEntry: RegisteredSystem = {
  description:
    'TR 33.812 Alternative 1a: the roles of one scenario, honest (config: a scenario, e.g. {"flow":"change-via-pristine"}; see docs/model.md)',
  build: (config) => buildSystem(WORLD_SYSTEM_NAME, config),
  module: import.meta.url,
};
