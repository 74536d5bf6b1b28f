// Registry of the systems the CLI, replay and worker threads can build by name: name -> factory(config).
// A saved trace or a worker only carries the name and the configuration; this rebuilds the rest.
import { benchmarkConfigSchema } from '../../bench/model/benchmarkConfigSchema.ts';
import { createBenchmark } from '../../bench/model/createBenchmark.ts';
import { nspkConfigSchema } from '../../examples/needham-schroeder/nspkConfig.ts';
import { nspkProperties } from '../../examples/needham-schroeder/nspkProperties.ts';
import { nspkSystem } from '../../examples/needham-schroeder/nspkSystem.ts';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { WORLD_SYSTEM_NAME, worldSystem } from '../../models/world/worldSystem.ts';
import { worldProperties } from '../../properties/index.ts';
import type { Property } from '../engine/Property.ts';
import type { System } from '../engine/System.ts';
import { InputError } from './InputError.ts';

export interface BuiltSystem {
  readonly system: System<any, any>;
  readonly properties: readonly Property<any, any>[];
}

export interface RegisteredSystem {
  readonly description: string;
  /** Builds the system from a raw (user or saved) configuration; throws InputError when it is invalid. */
  build(config: unknown): BuiltSystem;
}

/** Parses a configuration with a zod schema; a bad one becomes one InputError line naming the field. */
interface ConfigSchema<T> {
  safeParse(x: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

function parseConfig<T>(system: string, schema: ConfigSchema<T>, config: unknown): T {
  const parsed = schema.safeParse(config ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? 'configuration' : issue.path.map(String).join('.');
  throw new InputError(`invalid configuration for ${system}: ${where}: ${issue?.message ?? 'invalid'}`);
}

export const systems: Readonly<Record<string, RegisteredSystem>> = {
  [WORLD_SYSTEM_NAME]: {
    description:
      'TR 33.812 Alternative 1a: the roles of one scenario, honest (config: a scenario, e.g. {"flow":"change-via-pristine"}; see docs/model.md)',
    build: (config) => {
      const scenario = resolveScenario(config ?? {});
      if (!scenario.ok) throw new InputError(`invalid configuration for ${WORLD_SYSTEM_NAME}: ${scenario.error.message}`);
      return { system: worldSystem(scenario.config), properties: worldProperties.map((p) => p.property) };
    },
  },
  benchmark: {
    description: 'Benchmark model of issue 3: MCIM lifecycle (XState), a server and network that replay anything ever sent; maxP bounds provisioning messages',
    build: (config) => createBenchmark(parseConfig('benchmark', benchmarkConfigSchema, config)),
  },
  'needham-schroeder': {
    description: 'Needham-Schroeder public-key protocol with a Dolev-Yao attacker (Lowe\'s attack must be found)',
    build: (config) => ({
      system: nspkSystem(parseConfig('needham-schroeder', nspkConfigSchema, config)),
      properties: nspkProperties,
    }),
  },
  'needham-schroeder-lowe': {
    description: 'Needham-Schroeder-Lowe: the fixed protocol, where no attack must be found',
    build: (config) => ({
      system: nspkSystem(parseConfig('needham-schroeder-lowe', nspkConfigSchema, withLoweFix(config))),
      properties: nspkProperties,
    }),
  },
};

/** The fixed variant always has Lowe's fix; anything else in the configuration is validated as usual. */
function withLoweFix(config: unknown): unknown {
  if (config === undefined || config === null) return { fix: 'lowe' };
  return typeof config === 'object' && !Array.isArray(config) ? { ...config, fix: 'lowe' } : config;
}

/** Builds a registered system; exported under this name for worker threads (see SystemSource). */
export function buildSystem(name: string, config: unknown): BuiltSystem {
  const entry = Object.hasOwn(systems, name) ? systems[name] : undefined;
  if (entry === undefined) {
    throw new InputError(`unknown system "${name}". Known systems: ${Object.keys(systems).join(', ')}`);
  }
  return entry.build(config);
}

/** Module URL a worker thread imports to call buildSystem. */
export const systemsModule = import.meta.url;
