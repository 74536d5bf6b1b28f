// The system registry: every entry builds through its own module exactly as through the registry,
// so a worker that loads only that module searches the same system.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/cli/InputError.ts';
import { buildSystem, systemSource, systems } from '../../src/cli/systems.ts';
import { rebuildFromSource } from '../../src/engine/SystemSource.ts';

const configs: Record<string, unknown> = {
  'tr33812-alt1a': { flow: 'change-via-old-sho' },
  benchmark: { maxP: 2 },
  'needham-schroeder': {},
  'needham-schroeder-lowe': {},
};

describe('system registry', () => {
  for (const name of Object.keys(systems)) {
    it(`rebuilds ${name} from its own module with the same states and properties`, async () => {
      const built = buildSystem(name, configs[name]);
      const ids = built.properties.map((p) => p.id as string);
      const source = systemSource(name, built.system.config);
      expect(source.module).not.toMatch(/[\\/]systems\.ts$/);
      const rebuilt = await rebuildFromSource(source, ids);
      expect(rebuilt.system.name).toBe(built.system.name);
      expect(rebuilt.system.config).toEqual(built.system.config);
      const keys = (b: { system: { initialStates(): readonly unknown[]; key(s: unknown): unknown } }) =>
        b.system.initialStates().map((s) => b.system.key(s));
      expect(keys(rebuilt)).toEqual(keys(built));
      expect(rebuilt.properties.map((p) => p.id)).toEqual(ids);
    });
  }

  it('names the known systems when asked for an unknown one', () => {
    expect(() => systemSource('nope', {})).toThrow(InputError);
    expect(() => buildSystem('nope', {})).toThrow(/unknown system "nope". Known systems: tr33812-alt1a, tr33812-alt3a, benchmark, needham-schroeder, needham-schroeder-lowe/);
  });
});

describe('tr33812-alt1a entry', () => {
  it('builds initial provisioning over 3GPP access when no configuration is given', () => {
    const built = buildSystem('tr33812-alt1a', {});
    expect(built.system.config).toEqual(buildSystem('tr33812-alt1a', { flow: 'initial-3gpp' }).system.config);
  });

  it('rejects a configuration without a flow', () => {
    expect(() => buildSystem('tr33812-alt1a', { access: '3gpp' })).toThrow(InputError);
  });
});

describe('the tr33812-alt1a system under attack', () => {
  it('checks every claim but HonestRunEndsAtGoal, which an attacker can always defeat by stopping a run', () => {
    const attacked = buildSystem('tr33812-alt1a', { flow: 'initial-3gpp', attacker: { capabilities: ['network'] } });
    const honest = buildSystem('tr33812-alt1a', { flow: 'initial-3gpp' });
    expect(attacked.properties.map((p) => p.id)).not.toContain('HonestRunEndsAtGoal');
    expect(honest.properties.map((p) => p.id)).toContain('HonestRunEndsAtGoal');
    expect(attacked.properties).toHaveLength(honest.properties.length - 1);
  });
});
