// [t2 cm3] and [t8 cm1] switched off remove a confinement and add no interface: the honest protocol runs the same
// messages either way, and only the threat's own capability reaches further (models/attacker/capabilities.ts
// unconfinedReach): host malware or a clone reads the platform key, a hostile co-resident MCIM the other's Ki.
import { describe, expect, it } from 'vitest';
import { attackerModelOf } from '../../models/attacker/attackerModel.ts';
import { presets } from '../../models/flows/presets.ts';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { runHonest } from '../../models/flows/runHonest.ts';
import { deviceNames } from '../../models/messages.ts';
import { name, termEquals, type Term } from '../../src/attacker/Term.ts';

function config(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

const knows = (input: ScenarioInput, term: Term): boolean => attackerModelOf(config(input)).initialKnowledge.some((t) => termEquals(t, term));
const platformKey = deviceNames('dev1').platformKey;
const bothPresent = { flow: 'change-via-old-sho', bothMcimsPresent: true } as const;

describe('counter-measures that confine a secret, switched off', () => {
  it('t2.cm3 off: malware and a clone read the platform key in host memory; a bus monitor and the network do not', () => {
    for (const capability of ['t3.malware', 't1.clone'] as const) {
      expect(knows({ flow: 'initial-3gpp', off: ['t2.cm3'], attacker: { capabilities: [capability] } }, platformKey)).toBe(true);
      expect(knows({ flow: 'initial-3gpp', attacker: { capabilities: [capability] } }, platformKey)).toBe(false);
    }
    for (const capability of ['t9.busMonitor', 'network'] as const) {
      expect(knows({ flow: 'initial-3gpp', off: ['t2.cm3'], attacker: { capabilities: [capability] } }, platformKey)).toBe(false);
    }
  });

  it('t8.cm1 off: the hostile co-resident MCIM reads the new SHO\'s MCIM present beside it, and only with isolation off', () => {
    expect(knows({ ...bothPresent, off: ['t8.cm1'], attacker: { capabilities: ['t8.hostileMcim'] } }, name('ki:sho2'))).toBe(true);
    expect(knows({ ...bothPresent, attacker: { capabilities: ['t8.hostileMcim'] } }, name('ki:sho2'))).toBe(false);
    expect(knows({ ...bothPresent, off: ['t8.cm1'], attacker: { capabilities: ['t3.malware'] } }, name('ki:sho2'))).toBe(false);
    // Without the both-present variant no MCIM sits in the TRE at the start for it to read.
    expect(knows({ flow: 'change-via-old-sho', off: ['t8.cm1'], attacker: { capabilities: ['t8.hostileMcim'] } }, name('ki:sho2'))).toBe(false);
  });

  for (const id of ['t2.cm3', 't8.cm1'] as const) {
    it(`${id} off changes no message of any honest flow (no interface added)`, () => {
      for (const preset of presets) {
        const on = runHonest(preset);
        const r = resolveScenario({ ...preset, off: [id] });
        if (!r.ok) throw new Error(r.error.message);
        const off = runHonest(r.config);
        expect(on.trace.length).toBeGreaterThan(0);
        expect(off.trace).toEqual(on.trace);
        expect(off.outcome).toEqual(on.outcome);
      }
    });
  }
});
