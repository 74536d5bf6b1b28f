// The earlier provisioning (models/world/earlierTraffic.ts): a run that starts with dev1 in service starts after
// registration 1, whose traffic the network attacker read. The rebuilt provisioning must be the one that left the
// world where the run starts (same MCIM object installed and issued), or the attacker would know messages that never were.
import { describe, expect, it } from 'vitest';
import { attackerModelOf } from '../../models/attacker/attackerModel.ts';
import { resolveScenario, type ScenarioConfig, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { earlierProvisioning, earlierTraffic } from '../../models/world/earlierTraffic.ts';
import { initialWorld, roleSnapshot } from '../../models/world/World.ts';
import { runLive } from '../../models/world/runLive.ts';
import { termEquals } from '../../src/attacker/Term.ts';

function config(input: ScenarioInput): ScenarioConfig {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

const network = { capabilities: ['network' as const], injections: 1 };
const statusOf = (c: ScenarioConfig) => earlierTraffic(c).find((m) => m.kind === 'provisioningStatus' && m.to === 'ro');

describe('earlierProvisioning', () => {
  it('is none for a run that starts from the factory', () => {
    expect(earlierProvisioning(config({ flow: 'initial-3gpp', attacker: network }))).toBeUndefined();
    expect(earlierTraffic(config({ flow: 'delayed-activation', attacker: network }))).toEqual([]);
  });

  it.each([
    ['change-via-old-sho', { flow: 'change-via-old-sho' }],
    ['change-via-pristine over non-3GPP access', { flow: 'change-via-pristine', access: 'non3gpp-authenticated' }],
    ['dev1 in service', { flow: 'initial-3gpp', devices: 2, dev1InService: true }],
  ] as [string, ScenarioInput][])('%s: the honest initial flow with the serving SHO, ending in the state the run starts from', (_, input) => {
    const c = config(input);
    const earlier = earlierProvisioning(c)!;
    expect(earlier.flow).toBe(c.access === '3gpp' ? 'initial-3gpp' : 'initial-non3gpp');
    const run = runLive(earlier);
    expect(run.outcome.goalReached).toBe(true);
    const start = initialWorld(c);
    const serving = c.oldSho ?? c.sho;
    const treStart = roleSnapshot(start, 'tre').context as { installs: unknown[] };
    const shoStart = roleSnapshot(start, serving).context as { issued: unknown[]; nonce: unknown };
    const treAfter = run.finals.tre!.context as { installs: unknown[] };
    const shoAfter = run.finals[serving]!.context as { issued: unknown[]; nonce: unknown };
    expect(treAfter.installs).toEqual(JSON.parse(JSON.stringify(treStart.installs)));
    expect(shoAfter.issued).toEqual(JSON.parse(JSON.stringify(shoStart.issued)));
    expect(shoAfter.nonce).toEqual(JSON.parse(JSON.stringify(shoStart.nonce)));
  });
});

describe('the attacker before the run', () => {
  it('starts knowing what its reach read of registration 1: the network attacker the TRE\'s status, none without an attacker', () => {
    const attacked = config({ flow: 'change-via-old-sho', attacker: network });
    const status = statusOf(attacked)!;
    expect(status.from).toBe('m2me');
    expect(attackerModelOf(attacked, () => earlierTraffic(attacked)).initialKnowledge.some((t) => termEquals(t, status.term))).toBe(true);
    // The status goes from the M2ME to the DPF over the network; the operators' links stay closed (assumption
    // operatorLinksClosed): the DPF's report to the SHO is not read.
    const report = earlierTraffic(attacked).find((m) => m.kind === 'provisioningReport')!;
    expect(attackerModelOf(attacked, () => earlierTraffic(attacked)).initialKnowledge.some((t) => termEquals(t, report.term))).toBe(false);
    let asked = false;
    const honest = attackerModelOf(config({ flow: 'change-via-old-sho' }), () => ((asked = true), earlierTraffic(attacked)));
    expect(asked).toBe(false);
    expect(honest.initialKnowledge.some((t) => termEquals(t, status.term))).toBe(false);
  });
});
