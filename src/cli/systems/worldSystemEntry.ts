// Registry entry: the TR 33.812 Alternative 1a world of one scenario, with the model's properties.
import { resolveScenario } from '../../../models/flows/ScenarioConfig.ts';
import { WORLD_SYSTEM_NAME, worldSystem } from '../../../models/world/worldSystem.ts';
import { initialWorld } from '../../../models/world/World.ts';
import { relayAtReceiptFor } from '../../../models/world/relayAtReceipt.ts';
import type { AnyProperty } from '../../engine/LivenessProperty.ts';
import { propertiesFor } from '../../../properties/index.ts';
import { splitProperties } from '../../engine/searchProperties.ts';
import { InputError } from '../InputError.ts';
import type { BuiltSystem, RegisteredSystem } from './RegisteredSystem.ts';

/** Without a configuration, the first flow of the text: initial provisioning over 3GPP access (5.1.3.6.2). */
const defaultScenario = { flow: 'initial-3gpp' };

export function buildSystem(_name: string, given: unknown): BuiltSystem {
  // `relayAtReceipt` beside the scenario (true, false or 'steady'): the world as a system's configuration records it
  // (models/world/relayAtReceipt.ts), so its traces replay; absent, as fits every property of the scenario.
  const { relayAtReceipt, ...rest } = typeof given === 'object' && given !== null && !Array.isArray(given) ? (given as Record<string, unknown>) : {};
  const config = relayAtReceipt === undefined ? given : rest;
  if (relayAtReceipt !== undefined && typeof relayAtReceipt !== 'boolean' && relayAtReceipt !== 'steady') {
    throw new InputError(`invalid configuration for ${WORLD_SYSTEM_NAME}: relayAtReceipt must be true, false or "steady"`);
  }
  const empty = config === undefined || (typeof config === 'object' && config !== null && Object.keys(config).length === 0);
  const scenario = resolveScenario(empty ? defaultScenario : config);
  if (!scenario.ok) throw new InputError(`invalid configuration for ${WORLD_SYSTEM_NAME}: ${scenario.error.message}`);
  const { safety, liveness } = splitProperties(propertiesFor(scenario.config).map((p) => p.property));
  // As given, or as fits every property of the scenario (a command may search any of them on this system).
  const option = relayAtReceipt ?? relayAtReceiptFor(safety as readonly AnyProperty<unknown, unknown>[]);
  return { system: worldSystem(scenario.config, initialWorld(scenario.config, { relayAtReceipt: option })), properties: safety, liveness };
}

export const worldSystemEntry: RegisteredSystem = {
  description:
    'TR 33.812 Alternative 1a: the roles of one scenario, with the attacker and switches it names (config: a scenario, e.g. {"flow":"change-via-pristine"}, default initial-3gpp; docs/scenario.schema.json)',
  build: (config) => buildSystem(WORLD_SYSTEM_NAME, config),
  module: import.meta.url,
};
