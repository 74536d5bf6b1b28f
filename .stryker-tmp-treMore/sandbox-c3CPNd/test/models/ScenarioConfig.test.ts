// Scenario configuration: defaults resolved in one place; malformed input gives one clear line, as a value.
import { describe, expect, it } from 'vitest';
import { presets } from '../../models/flows/presets.ts';
import { MAX_INJECTIONS, resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { switches } from '../../models/counterMeasures/switches.ts';

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
        name: 'change-via-old-sho', flow: 'change-via-old-sho', devices: 1, dev1InService: false, access: '3gpp', sho: 'sho2', oldSho: 'sho1',
        bothMcimsPresent: false, delayedActivation: false, lifecycleActions: false, shoCommands: [], dpfGeneratesCredentials: false,
        treCapacity: null, changeRequests: 1, userPinEntry: false, userGate: false, userLifecycle: false,
        faults: { tamper: false, corruptMcim: false, eraseMcim: false },
        stalling: [],
        off: [],
        assumptions: { portalProtected: true, manufacturingClosed: true, operatorLinksClosed: true, atDeviceClosed: true, blockFromInstalled: true, changeNotice: 'unordered',
          storageFull: 'refuse', retiredDeletedAtCommit: true },
        attacker: { capabilities: [], injections: 0, dishonest: null },
      },
    });
    const d = resolveScenario({ flow: 'delayed-activation' });
    expect(d.ok && d.config.delayedActivation).toBe(true);
    const n = resolveScenario({ flow: 'initial-non3gpp' });
    expect(n.ok && n.config.access).toBe('non3gpp-authenticated');
    const swapped = resolveScenario({ flow: 'change-via-pristine', sho: 'sho1' });
    expect(swapped.ok && swapped.config.oldSho).toBe('sho2');
  });

  it('refuses, with one line naming the field, a storage bound or repeated changes the flow cannot have', () => {
    const cases: [unknown, RegExp][] = [
      [{ flow: 'change-via-old-sho', treCapacity: 0 }, /^scenario\.treCapacity: /],
      [{ flow: 'change-via-old-sho', treCapacity: 2.5 }, /^scenario\.treCapacity: /],
      [{ flow: 'change-via-old-sho', bothMcimsPresent: true, treCapacity: 1 }, /^scenario\.treCapacity: 1 is below the 2 MCIMs/],
      [{ flow: 'initial-3gpp', changeRequests: 2 }, /^scenario\.changeRequests: only flow change-via-old-sho/],
      [{ flow: 'change-via-old-sho', bothMcimsPresent: true, changeRequests: 2 }, /^scenario\.changeRequests: /],
      [{ flow: 'change-via-old-sho', changeRequests: 3 }, /^scenario\.changeRequests: /],
      [{ flow: 'change-via-old-sho', assumptions: { storageFull: 'grow' } }, /^scenario\.assumptions\.storageFull: /],
    ];
    for (const [input, message] of cases) {
      const r = resolveScenario(input);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error.message).toMatch(message);
      expect(!r.ok && r.error.message).not.toContain('\n');
    }
    const ok = resolveScenario({ flow: 'initial-3gpp', treCapacity: 1 });
    expect(ok.ok && ok.config.treCapacity).toBe(1);
  });

  it('keeps the stalling roles in role order, once each, and refuses an unknown role', () => {
    const r = resolveScenario({ flow: 'change-via-old-sho', stalling: ['sho1', 'ro', 'sho1'] });
    expect(r.ok && r.config.stalling).toEqual(['ro', 'sho1']);
    const bad = resolveScenario({ flow: 'change-via-old-sho', stalling: ['oldSho'] });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.message).toMatch(/^scenario\.stalling\.0: /);
  });

  it('gives 2 injections by default when a capability or an insider can inject, none to a capability that only reads', () => {
    const reader = resolveScenario({ flow: 'initial-3gpp', attacker: { capabilities: ['t9.busMonitor', 't11.faults'] } });
    expect(reader.ok && reader.config.attacker).toEqual({ capabilities: ['t9.busMonitor', 't11.faults'], injections: 0, dishonest: null });
    const network = resolveScenario({ flow: 'initial-3gpp', attacker: { capabilities: ['network'] } });
    expect(network.ok && network.config.attacker).toEqual({ capabilities: ['network'], injections: 2, dishonest: null });
    const insider = resolveScenario({ flow: 'initial-3gpp', attacker: { dishonest: 'sho2' } });
    expect(insider.ok && insider.config.attacker).toEqual({ capabilities: [], injections: 2, dishonest: 'sho2' });
    const none = resolveScenario({ flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: 0 } });
    expect(none.ok && none.config.attacker.injections).toBe(0);
    const most = resolveScenario({ flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: MAX_INJECTIONS } });
    expect(most.ok && most.config.attacker.injections).toBe(MAX_INJECTIONS);
  });

  it('resolves a counter-measure alias in `off` to its primary switch, once, in switch order', () => {
    const r = resolveScenario({ flow: 'initial-3gpp', off: ['t5.cm4'] });
    expect(r.ok && r.config.off).toEqual(['t12.cm2']);
    const both = resolveScenario({ flow: 'initial-3gpp', off: ['t12.cm2', 't2.cm6', 't5.cm3', 't5.cm4'] });
    expect(both.ok && both.config.off).toEqual(['t5.cm3', 't12.cm2', 't2.cm6']);
    // 003 t2 cm2 (the secure protocol as a whole) is no switch of its own.
    expect(resolveScenario({ flow: 'initial-3gpp', off: ['t2.cm2'] }).ok).toBe(false);
  });

  it('rejects an unknown counter-measure in `off`, naming the field and listing the valid ids', () => {
    const message = error({ flow: 'initial-3gpp', off: ['t5.cm3', 't99.cm1'] });
    expect(message).toMatch(/^scenario\.off\.1: /);
    expect(message).toContain("'t99.cm1'");
    for (const s of switches) for (const id of [s.id, ...s.aliases]) expect(message).toContain(id);
  });

  it(`rejects more than MAX_INJECTIONS (${MAX_INJECTIONS}) injections, or a negative or fractional number`, () => {
    expect(error({ flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: MAX_INJECTIONS + 1 } }))
      .toMatch(/^scenario\.attacker\.injections: /);
    expect(error({ flow: 'initial-3gpp', attacker: { injections: -1 } })).toMatch(/^scenario\.attacker\.injections: /);
    expect(error({ flow: 'initial-3gpp', attacker: { injections: 1.5 } })).toMatch(/^scenario\.attacker\.injections: /);
  });

  it('rejects an unknown capability, insider role or assumption', () => {
    expect(error({ flow: 'initial-3gpp', attacker: { capabilities: ['telepathy'] } })).toMatch(/^scenario\.attacker\.capabilities\.0: /);
    expect(error({ flow: 'initial-3gpp', attacker: { dishonest: 'vno' } })).toMatch(/^scenario\.attacker\.dishonest: /);
    expect(error({ flow: 'initial-3gpp', assumptions: { changeNotice: 'sometimes' } })).toMatch(/^scenario\.assumptions\.changeNotice: /);
    expect(error({ flow: 'initial-3gpp', assumptions: { trustEveryone: true } })).toMatch(/trustEveryone/);
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
