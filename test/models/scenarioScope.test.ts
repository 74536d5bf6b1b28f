// The scope of a scenario's verdicts: the budget, the attacker, and the channels closed to it with their reasons,
// found by asking the scenario's reach (so a channel closed by an assumption names that assumption).
import { describe, expect, it } from 'vitest';
import { attackerModelName } from '../../models/attacker/attackerModelName.ts';
import { scenarioScope } from '../../models/attacker/scenarioScope.ts';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { describeScope } from '../../src/report/describeScope.ts';

const scope = (input: ScenarioInput) => {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return scenarioScope(r.config);
};

describe('scenarioScope', () => {
  it('says 0 injections and no attacker for an honest flow, and closes nothing', () => {
    const s = scope({ flow: 'initial-3gpp' });
    expect(s).toEqual({ injections: 0, attackerModel: attackerModelName, capabilities: [], dishonest: null, closed: [], earlierTraffic: false });
    expect(describeScope(s)).toBe('within 0 injections, no attacker');
  });

  it('says when the attacker starts knowing the provisioning before the run: a change of operator under attack, not an honest one', () => {
    const attacked = scope({ flow: 'change-via-old-sho', attacker: { capabilities: ['network'] } });
    expect(attacked.earlierTraffic).toBe(true);
    expect(describeScope(attacked)).toMatch(/^within 2 injections, Dolev-Yao over typed messages: network, knowing what it read of the provisioning before the run, /);
    expect(scope({ flow: 'change-via-old-sho' }).earlierTraffic).toBe(false);
    expect(scope({ flow: 'initial-3gpp', attacker: { capabilities: ['network'] } }).earlierTraffic).toBe(false);
  });

  it('names the assumption that closes each channel class to a network attacker (the text closes none of them)', () => {
    const s = scope({ flow: 'initial-3gpp', attacker: { capabilities: ['network', 't5.emulatedTre'] } });
    expect(s.injections).toBe(2);
    expect(s.closed.find((c) => c.assumption === 'portalProtected')?.channels).toEqual(['ro>subscriber', 'sho1>subscriber', 'sho2>subscriber']);
    expect(s.closed.find((c) => c.assumption === 'operatorLinksClosed')?.channels).toContain('ro>vno');
    expect(s.closed.every((c) => c.assumption !== undefined)).toBe(true);
    expect(describeScope(s)).toBe(
      'within 2 injections, Dolev-Yao over typed messages: network + t5.emulatedTre, manufacturing channels closed (assumption manufacturingClosed), ' +
        'atDevice channels closed (assumption atDeviceClosed), subscriber portal closed (assumption portalProtected), operator channels closed (assumption operatorLinksClosed)',
    );
  });

  it('drops the portal from the closed channels when the assumption is off', () => {
    const s = scope({ flow: 'initial-3gpp', assumptions: { portalProtected: false }, attacker: { capabilities: ['network'] } });
    expect(s.closed.some((c) => c.channelClass === 'portal')).toBe(false);
  });

  it('does not list channels an attacker merely lacks the capability for', () => {
    const s = scope({ flow: 'initial-3gpp', attacker: { dishonest: 'ro' } });
    expect(s.dishonest).toBe('ro');
    expect(s.closed.flatMap((c) => c.channels)).not.toContain('m2me>tre');
    // An insider RO reaches every channel the assumptions close (its own links), and the host interface is not closed.
    expect(s.closed).toEqual([]);
    expect(describeScope(s)).toBe('within 2 injections, Dolev-Yao over typed messages: dishonest ro');
  });
});
