// MCIM instances, the TRE's storage bound and two change-of-operator requests (models/roles/treRegistry.ts,
// models/roles/subscriber.ts): the findings of the built-in presets, and the assumptions that move them.
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioConfig, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { presetsNamed } from '../../models/flows/presets.ts';
import { runHonest } from '../../models/flows/runHonest.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { runLive } from '../../models/world/runLive.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { atMostOneMcimActive } from '../../properties/AtMostOneMcimActive.ts';
import { honestRunEndsAtGoal } from '../../properties/HonestRunEndsAtGoal.ts';
import { provisionedMcimNotRefused } from '../../properties/claims/ProvisionedMcimNotRefused.ts';
import { subscriberChoiceHonoured } from '../../properties/claims/SubscriberChoiceHonoured.ts';

const config = (input: ScenarioInput): ScenarioConfig => {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
};
const properties = [atMostOneMcimActive, honestRunEndsAtGoal, provisionedMcimNotRefused, subscriberChoiceHonoured];
const search = (c: ScenarioConfig) => searchExhaustive(worldSystem(c), properties, { maxStates: 20_000 });
const verdictOf = (c: ScenarioConfig, id: string) => search(c).verdicts.find((v) => v.property === id)!.verdict;
const twiceCapacity2 = presetsNamed('change-via-old-sho-twice-capacity-2')[0]!;
/** A delivery's label without its content id (labels carry one where two messages of a kind can be in flight). */
const family = (label: string): string => label.replace(/ [0-9a-f]{8}$/, '');

describe('a TRE that stores k MCIMs', () => {
  it('refuses the new MCIM of a change via the old SHO when it stores only one: step 7 downloads before step 8 discards', () => {
    const c = config({ flow: 'change-via-old-sho', treCapacity: 1 });
    const run = runHonest(c);
    expect(run.outcome.goalReached).toBe(false);
    expect(run.outcome.mcims).toEqual([{ id: 'mcim:sho1', owner: 'sho1', state: 'Selected' }]);
    const refused = verdictOf(c, 'ProvisionedMcimNotRefused');
    expect(refused.kind).toBe('violated');
  });

  it('fills up under repeated provisioning when the Retired instance stays (the text): the second change is refused', () => {
    const run = runHonest(twiceCapacity2);
    expect(run.outcome.goalReached).toBe(false);
    expect(run.outcome.mcims).toEqual([
      { id: 'mcim:sho1', owner: 'sho1', state: 'Retired' },
      { id: 'mcim:sho2', owner: 'sho2', state: 'Activated' },
    ]);
    const outcome = search(twiceCapacity2);
    const refused = outcome.verdicts.find((v) => v.property === 'ProvisionedMcimNotRefused')!.verdict;
    if (refused.kind !== 'violated') throw new Error(`expected a violation, got ${refused.kind}`);
    // The whole first change completes before the second is refused: storage, not the race of two requests.
    const steps = refused.trace.actions.map(family);
    expect(steps.filter((a) => a === 'm2me>tre provisionCommit')).toHaveLength(1);
    expect(steps.indexOf('m2me>tre provisionCommit')).toBeLessThan(steps.lastIndexOf('m2me>tre reprovisionInstruction'));
    expect(steps.at(-1)).toBe('ro>m2me mcimDownload');
    // Replayable: the same trace re-executed on a fresh system (and on live actors) ends in the violating world.
    const replayed = replayTrace(worldSystem(twiceCapacity2), provisionedMcimNotRefused, refused.trace);
    expect(replayed.result.kind).toBe('reproduced');
    expect(replayed.savedMismatch).toBeUndefined();
    expect(replayed.live).toEqual({ mismatch: undefined });
  });

  it('takes the third instance when it evicts Retired MCIMs first (assumption storageFull: evictRetired), under a new instance id', () => {
    const c = config({ flow: 'change-via-old-sho', changeRequests: 2, treCapacity: 2, assumptions: { retiredDeletedAtCommit: false, storageFull: 'evictRetired' } });
    expect(verdictOf(c, 'ProvisionedMcimNotRefused').kind).toBe('holds-exhaustively');
    const run = runHonest(c);
    expect(run.outcome.goalReached).toBe(true);
    expect(run.outcome.mcims).toEqual([
      { id: 'mcim:sho1#2', owner: 'sho1', state: 'Activated' },
      { id: 'mcim:sho2', owner: 'sho2', state: 'Retired' },
    ]);
  });

  it('keeps both instances of the same SHO apart when nothing bounds storage: mcim:sho1 Retired, mcim:sho1#2 Activated', () => {
    const c = config({ flow: 'change-via-old-sho', changeRequests: 2, assumptions: { retiredDeletedAtCommit: false } });
    const run = runHonest(c);
    expect(run.outcome.goalReached).toBe(true);
    expect(run.outcome.mcims.map((m) => `${m.id} ${m.state}`)).toEqual(['mcim:sho1 Retired', 'mcim:sho1#2 Activated', 'mcim:sho2 Retired']);
    expect(runLive(c).finals).toEqual(run.finals);
    expect(verdictOf(c, 'ProvisionedMcimNotRefused').kind).toBe('holds-exhaustively');
  });
});

describe('two change-of-operator requests for one device', () => {
  const twice = presetsNamed('change-via-old-sho-twice')[0]!;

  it('never has two MCIMs active, and the TRE registers only where the subscriber sent it', () => {
    expect(verdictOf(twice, 'AtMostOneMcimActive').kind).toBe('holds-exhaustively');
    expect(verdictOf(twice, 'SubscriberChoiceHonoured').kind).toBe('holds-exhaustively');
  });

  it('can stop short of the subscriber\'s last choice: the second instruction overtakes the first (a finding)', () => {
    const goal = verdictOf(twice, 'HonestRunEndsAtGoal');
    if (goal.kind !== 'violated') throw new Error(`expected a violation, got ${goal.kind}`);
    const actions = goal.trace.actions.map(family);
    // Both instructions are sent; the TRE takes the second (back to sho1) and registers at the SHO still serving it,
    // which takes no registration: the run ends there (one shortest interleaving of it).
    expect(actions.filter((a) => a === 'subscriber>m2me reprovisionInstruction')).toHaveLength(2);
    expect(actions.filter((a) => a === 'm2me>tre reprovisionInstruction')).toHaveLength(1);
    expect(actions.indexOf('m2me>ro registrationRequest')).toBeGreaterThan(actions.indexOf('m2me>tre reprovisionInstruction'));
    expect(actions).not.toContain('ro>m2me mcimDownload');
  });

  it('reaches the last choice when the subscriber changes only once the first change is done (the honest run)', () => {
    const run = runHonest(twice);
    expect(run.outcome.goalReached).toBe(true);
    expect(run.outcome.sho).toEqual({ id: 'sho1', state: 'Serving', report: 'success' });
    expect(run.outcome.oldSho).toEqual({ id: 'sho2', state: 'Released' });
  });
});
