// Registry entry: TR 33.812 Alternative 3a (Ki transfer between operators, 003 7.1.2.3.1), with its claims.
import { resolveAlt3a } from '../../../models/alt3a/Alt3aConfig.ts';
import { ALT3A_SYSTEM_NAME, alt3aSystem } from '../../../models/alt3a/alt3aSystem.ts';
import { properties3a } from '../../../properties/alt3a/index.ts';
import { InputError } from '../InputError.ts';
import type { BuiltSystem, RegisteredSystem } from './RegisteredSystem.ts';

export function buildSystem(_name: string, config: unknown): BuiltSystem {
  const r = resolveAlt3a(config);
  if (!r.ok) throw new InputError(`invalid configuration for ${ALT3A_SYSTEM_NAME}: ${r.message}`);
  return { system: alt3aSystem(r.config), properties: properties3a };
}

export const alt3aSystemEntry: RegisteredSystem = {
  description:
    'TR 33.812 Alternative 3a: Ki transfer from the old to the new MNO, optional OTA key and IMSI change (config: {"off":[...],"assumptions":{"otaKeys":"issuer"|"new-mno"},"attacker":{...}}; docs/alternatives.md)',
  build: (config) => buildSystem(ALT3A_SYSTEM_NAME, config),
  module: import.meta.url,
};
