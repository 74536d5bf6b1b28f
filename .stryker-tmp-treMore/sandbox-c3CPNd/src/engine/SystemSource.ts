// How a worker thread (or another machine) rebuilds the system and properties a search runs on:
// worker threads share no objects with the main thread, only this description.
import { importModule } from './importModule.ts';
import type { Property } from './Property.ts';
import type { System } from './System.ts';

/** A module exporting `buildSystem(name, config)`, the registered name and the resolved configuration. */
export interface SystemSource {
  readonly module: string;
  readonly name: string;
  readonly config: unknown;
}

/** What the module named in a SystemSource exports. */
export interface SystemModule {
  buildSystem(name: string, config: unknown): { system: System<any, any>; properties: readonly Property<any, any>[] };
}

/** Imports the source's module, builds the system and picks the properties `ids`, in that order. */
export async function rebuildFromSource(
  source: SystemSource,
  ids: readonly string[],
): Promise<{ system: System<unknown, unknown>; properties: Property<unknown, unknown>[] }> {
  const module = (await importModule(source.module)) as SystemModule;
  const built = module.buildSystem(source.name, source.config);
  const properties = ids.map((id) => {
    const property = built.properties.find((p) => p.id === id);
    // The main thread built the same system from the same source, so the ids exist.
    if (property === undefined) throw new Error(`worker: system ${source.name} has no property ${id}`);
    return property;
  });
  return { system: built.system, properties };
}
