// Registry entries: Needham-Schroeder public key with a Dolev-Yao attacker, and Lowe's fixed version.
import { nspkConfigSchema } from '../../../examples/needham-schroeder/nspkConfig.ts';
import { nspkProperties } from '../../../examples/needham-schroeder/nspkProperties.ts';
import { nspkSystem } from '../../../examples/needham-schroeder/nspkSystem.ts';
import { parseConfig } from './parseConfig.ts';
import type { BuiltSystem, RegisteredSystem } from './RegisteredSystem.ts';

export function buildSystem(name: string, config: unknown): BuiltSystem {
  const resolved = name === 'needham-schroeder-lowe' ? withLoweFix(config) : config;
  return { system: nspkSystem(parseConfig(name, nspkConfigSchema, resolved)), properties: nspkProperties };
}

/** The fixed variant always has Lowe's fix; anything else in the configuration is validated as usual. */
function withLoweFix(config: unknown): unknown {
  if (config === undefined || config === null) return { fix: 'lowe' };
  return typeof config === 'object' && !Array.isArray(config) ? { ...config, fix: 'lowe' } : config;
}

export const needhamSchroederSystem: RegisteredSystem = {
  description: "Needham-Schroeder public-key protocol with a Dolev-Yao attacker (Lowe's attack must be found)",
  build: (config) => buildSystem('needham-schroeder', config),
  module: import.meta.url,
};

export const needhamSchroederLoweSystem: RegisteredSystem = {
  description: 'Needham-Schroeder-Lowe: the fixed protocol, where no attack must be found',
  build: (config) => buildSystem('needham-schroeder-lowe', config),
  module: import.meta.url,
};
