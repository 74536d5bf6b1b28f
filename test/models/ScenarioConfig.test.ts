// Scenario configuration: defaults resolved in one place; malformed input gives one clear line, as a value.
import { describe, expect, it } from 'vitest';
import { presets } from '../../models/flows/presets.ts';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';

const error = (input: unknown): string => {
  const r = resolveScenario(input);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  expect(r.error.code).toBe('invalid-scenario');
  expect(r.error.message).not.toContain('\n');
  return r.error.message;
};

describe('resolveScenario', () => {
  it('fills in the documented defaults', () => {
    const r = resolveScenario({ flow: 'change-via-old-sho' });
    expect(r).toEqual({
      ok: true,
      config: {
        name: 'change-via-old-sho', flow: 'change-via-old-sho', access: '3gpp', sho: 'sho2', oldSho: 'sho1',
        bothMcimsPresent: false, delayedActivation: false, lifecycleActions: false, faults: { tamper: false, corruptMcim: false },
      },
    });
    const d = resolveScenario({ flow: 'delayed-activation' });
    expect(d.ok && d.config.delayedActivation).toBe(true);
    const n = resolveScenario({ flow: 'initial-non3gpp' });
    expect(n.ok && n.config.access).toBe('non3gpp-authenticated');
    const swapped = resolveScenario({ flow: 'change-via-pristine', sho: 'sho1' });
    expect(swapped.ok && swapped.config.oldSho).toBe('sho2');
  });

  it('accepts a resolved config unchanged, so saved traces can rebuild the world', () => {
    for (const config of presets) expect(resolveScenario(config)).toEqual({ ok: true, config });
  });

  it('names the field and what is accepted', () => {
    expect(error({ flow: 'initial-5g' })).toMatch(/^scenario\.flow: /);
    expect(error({ flow: 'initial-3gpp', access: 'wifi' })).toMatch(/^scenario\.access: /);
    expect(error({ flow: 'initial-3gpp', colour: 'red' })).toMatch(/colour/);
    expect(error({})).toMatch(/^scenario\.flow: /);
    expect(error([])).toMatch(/^scenario: /);
  });

  it('rejects combinations the flows do not have', () => {
    expect(error({ flow: 'initial-non3gpp', access: '3gpp' })).toMatch(/non-3GPP access/);
    expect(error({ flow: 'initial-3gpp', access: 'non3gpp-unauthenticated' })).toMatch(/initial-non3gpp/);
    expect(error({ flow: 'change-via-old-sho', sho: 'sho1', oldSho: 'sho1' })).toMatch(/must differ/);
    expect(error({ flow: 'initial-3gpp', bothMcimsPresent: true })).toMatch(/change-via-old-sho/);
    expect(error({ flow: 'initial-3gpp', oldSho: 'sho2' })).toMatch(/old SHO/);
    expect(error({ flow: 'delayed-activation', delayedActivation: false })).toMatch(/needs it true/);
  });
});
