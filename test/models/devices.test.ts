// Several honest devices: a scenario's `devices` adds a second device's subscriber, M2ME and TRE, which the
// operators serve by its PCID; a one-device world keeps its roles and order.
import { describe, expect, it } from 'vitest';
import { castFor } from '../../models/flows/castFor.ts';
import { runHonest } from '../../models/flows/runHonest.ts';
import { resolveScenario, type ScenarioConfig } from '../../models/flows/ScenarioConfig.ts';
import { roleIds } from '../../models/roleIds.ts';
import type { ShoContext } from '../../models/roles/sho.ts';
import type { TreContext } from '../../models/roles/tre.ts';
import { roleSnapshot } from '../../models/world/World.ts';
import { deviceAddressing } from '../../models/deviceAddressing.ts';
import { name } from '../../src/attacker/Term.ts';

function config(input: object): ScenarioConfig {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

const error = (input: object): string => {
  const r = resolveScenario(input);
  if (r.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  expect(r.error.message).not.toContain('\n');
  return r.error.message;
};

describe('devices', () => {
  it('gives a one-device world the roles of roleIds, in order, by default', () => {
    const c = config({ flow: 'initial-3gpp' });

    expect(c.devices).toBe(1);
    expect(castFor(c).map((m) => m.id)).toEqual([...roleIds]);
  });

  it('adds the second device\'s subscriber, M2ME and TRE after them', () => {
    const cast = castFor(config({ flow: 'initial-3gpp', devices: 2 }));

    expect(cast.map((m) => m.id)).toEqual([...roleIds, 'subscriber@dev2', 'm2me@dev2', 'tre@dev2']);
  });

  it('provisions both devices in an honest run: each TRE gets its own SHO\'s MCIM, with its own Ki', () => {
    const run = runHonest(config({ flow: 'initial-3gpp', devices: 2 }));

    const tre1 = roleSnapshot(run.final, 'tre').context as TreContext;
    const tre2 = roleSnapshot(run.final, 'tre@dev2').context as TreContext;
    expect(run.outcome.goalReached).toBe(true);
    expect(tre1.registry.map((e) => [e.id, e.state, e.ki])).toEqual([['mcim:sho1', 'Activated', 'ki:sho1']]);
    expect(tre2.registry.map((e) => [e.id, e.state, e.ki])).toEqual([['mcim:sho2', 'Activated', 'ki:sho2']]);
    expect((roleSnapshot(run.final, 'sho2').context as ShoContext).device).toEqual(name('pcid:dev2'));
    // The RO answered dev2 at its own M2ME: 5.1.3.6.2 step 6 and step 12 by the PCID.
    expect(run.trace.some((l) => l.startsWith('ro>m2me@dev2 bootstrap'))).toBe(true);
    expect(run.trace.some((l) => l.startsWith('ro>m2me@dev2 mcimDownload'))).toBe(true);
    expect(run.trace.some((l) => l.startsWith('ro>m2me bootstrap'))).toBe(true);
  });

  it('addresses a PCID of no honest device as dev1\'s', () => {
    const two = deviceAddressing(['dev1', 'dev2']);
    const one = deviceAddressing(['dev1']);

    expect(two.of('m2me', name('pcid:dev2'))).toBe('m2me@dev2');
    expect(two.of('subscriber', name('pcid:dev1'))).toBe('subscriber');
    expect(two.of('m2me', name('pcid:attacker'))).toBe('m2me');
    expect(one.of('m2me', name('pcid:dev2'))).toBe('m2me');
  });

  it('refuses a device count other than 1 or 2, flows where dev1 uses both SHOs, and t5.otherTre, in one line each', () => {
    expect(error({ flow: 'initial-3gpp', devices: 3 })).toMatch(/^scenario\.devices: /);
    expect(error({ flow: 'initial-3gpp', devices: 0 })).toMatch(/^scenario\.devices: /);
    expect(error({ flow: 'initial-3gpp', devices: 1.5 })).toMatch(/^scenario\.devices: /);
    expect(error({ flow: 'initial-3gpp', devices: '2' })).toMatch(/^scenario\.devices: /);
    expect(error({ flow: 'change-via-old-sho', devices: 2 })).toMatch(/^scenario\.devices: 2 devices need flow initial-3gpp or initial-non3gpp/);
    expect(error({ flow: 'initial-3gpp', devices: 2, attacker: { capabilities: ['t5.otherTre'] } })).toMatch(/t5\.otherTre makes dev2 the attacker's/);
    expect(error({ flow: 'initial-3gpp', devices: 2, attacker: { capabilities: ['network', 't7.ownSubscription'] } })).toMatch(/t7\.ownSubscription makes dev2 the attacker's/);
  });
});
