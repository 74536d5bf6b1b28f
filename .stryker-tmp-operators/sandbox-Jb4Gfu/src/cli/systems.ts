// Registry of the systems the CLI, replay and worker threads can build by name: name -> factory(config).
// A saved trace or a worker only carries the name and the configuration; this rebuilds the rest.
import { ALT3A_SYSTEM_NAME } from '../../models/alt3a/alt3aSystem.ts';
import { WORLD_SYSTEM_NAME } from '../../models/world/worldSystem.ts';
import type { SystemSource } from '../engine/SystemSource.ts';
import { InputError } from './InputError.ts';
import { alt3aSystemEntry } from './systems/alt3aSystemEntry.ts';
import { benchmarkSystem } from './systems/benchmarkSystem.ts';
import { needhamSchroederLoweSystem, needhamSchroederSystem } from './systems/needhamSchroederSystems.ts';
import type { BuiltSystem, RegisteredSystem } from './systems/RegisteredSystem.ts';
import { worldSystemEntry } from './systems/worldSystemEntry.ts';

export type { BuiltSystem, RegisteredSystem };

export const systems: Readonly<Record<string, RegisteredSystem>> = {
  [WORLD_SYSTEM_NAME]: worldSystemEntry,
  [ALT3A_SYSTEM_NAME]: alt3aSystemEntry,
  benchmark: benchmarkSystem,
  'needham-schroeder': needhamSchroederSystem,
  'needham-schroeder-lowe': needhamSchroederLoweSystem,
};

function entryOf(name: string): RegisteredSystem {
  const entry = Object.hasOwn(systems, name) ? systems[name] : undefined;
  if (entry === undefined) {
    throw new InputError(`unknown system "${name}". Known systems: ${Object.keys(systems).join(', ')}`);
  }
  return entry;
}

/** Builds a registered system; exported under this name so this module is itself a SystemModule. */
export function buildSystem(name: string, config: unknown): BuiltSystem {
  return entryOf(name).build(config);
}

/** Module URL of the whole registry (a SystemModule for any registered name). */
export const systemsModule = import.meta.url;

/** How a worker rebuilds system `name`: through the module of that system alone, so it loads no other model. */
export function systemSource(name: string, config: unknown): SystemSource {
  return { module: entryOf(name).module, name, config };
}
