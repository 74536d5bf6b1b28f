// A system the CLI can build by name, and the shape of a module that builds one (for worker threads).
import type { LivenessProperty } from '../../engine/LivenessProperty.ts';
import type { Property } from '../../engine/Property.ts';
import type { System } from '../../engine/System.ts';

export interface BuiltSystem {
  readonly system: System<any, any>;
  readonly properties: readonly Property<any, any>[];
  /** Liveness properties, decided on the state graph (src/engine/liveness/); absent: none. */
  readonly liveness?: readonly LivenessProperty<any, any>[];
}

export interface RegisteredSystem {
  readonly description: string;
  /** Builds the system from a raw (user or saved) configuration; throws InputError when it is invalid. */
  build(config: unknown): BuiltSystem;
  /** URL of a module whose `buildSystem(name, config)` builds this system and imports nothing else:
   *  a worker thread loads only what its search needs. */
  readonly module: string;
}
