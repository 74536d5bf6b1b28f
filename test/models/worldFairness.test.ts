// Weak fairness of the TR world (models/world/worldFairness.ts): a role's deliveries and flow decisions are fair;
// injections, faults, optional decisions and the steps of a stalling or dishonest role are not.
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { enabledEvents, initialWorld, stepWorld, type World } from '../../models/world/World.ts';
import { eventLabel } from '../../models/world/eventLabel.ts';
import { isFaultOrAttack, worldFairness } from '../../models/world/worldFairness.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { subscriberChoiceHonoured } from '../../properties/claims/SubscriberChoiceHonoured.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';

function resolved(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

const world = (input: ScenarioInput): World => initialWorld(resolved(input));

/** Every (label, fairness class, fault or attack) enabled in the worlds up to `depth` steps from `start`. */
function classes(start: World, depth: number): Map<string, [string | undefined, boolean]> {
  const seen = new Map<string, [string | undefined, boolean]>();
  let level = [start];
  for (let i = 0; i <= depth; i++) {
    const next: World[] = [];
    for (const w of level) {
      for (const e of enabledEvents(w)) {
        const label = eventLabel(w, e);
        if (!seen.has(label)) next.push(stepWorld(w, e));
        seen.set(label, [worldFairness(w, e), isFaultOrAttack(w, e)]);
      }
    }
    level = next;
  }
  return seen;
}

describe('worldFairness', () => {
  it('makes deliveries fair to their receiver and the flow decisions fair to their role', () => {
    const seen = classes(world({ flow: 'initial-3gpp' }), 6);
    expect(seen.get('supplier MANUFACTURE')).toEqual(['supplier', false]);
    expect(seen.get('supplier>tre preprovision')).toEqual(['tre', false]);
    expect(seen.get('subscriber SELECT_SHO')).toEqual(['subscriber', false]);
  });

  it('assumes no fairness for faults, which a recovery may not use either', () => {
    const seen = classes(world({ flow: 'change-via-old-sho', attacker: { capabilities: ['t11.faults'], injections: 0 } }), 1);
    expect(seen.get('tre RESET')).toEqual([undefined, true]);
    expect(seen.get('tre CORRUPT_MCIM(mcim:sho1)')).toEqual([undefined, true]);
    const erasing = classes(world({ flow: 'change-via-old-sho', faults: { eraseMcim: true } }), 0);
    expect(erasing.get('tre ERASE_MCIM(mcim:sho1)')).toEqual([undefined, true]);
  });

  it('assumes no fairness for a stalling role or an insider, and none for injections', () => {
    const stalled = classes(world({ flow: 'change-via-old-sho', stalling: ['subscriber'] }), 1);
    expect(stalled.get('subscriber CHANGE_OPERATOR')).toEqual([undefined, false]);
    // The dishonest RO's redirect (t2-dishonest-ro-redirect), walked step by step.
    const input: ScenarioInput = { flow: 'initial-3gpp', attacker: { dishonest: 'ro', injections: 1 } };
    const outcome = searchExhaustive(worldSystem(resolved(input)), [subscriberChoiceHonoured]).verdicts[0]!.verdict;
    if (outcome.kind !== 'violated') throw new Error('the redirect is a known finding');
    let w = world(input);
    const steps: [string, string | undefined, boolean][] = [];
    for (const label of outcome.trace.actions) {
      const e = enabledEvents(w).find((x) => eventLabel(w, x) === label)!;
      steps.push([label, worldFairness(w, e), isFaultOrAttack(w, e)]);
      w = stepWorld(w, e);
    }
    // Under attack a delivery's label carries its content id (eventLabel.ts).
    expect(steps.find(([label]) => label.startsWith('supplier>ro initialCredentials '))?.slice(1)).toEqual([undefined, false]);
    const injections = steps.filter(([label]) => label.startsWith('attacker>'));
    expect(injections).toHaveLength(1);
    expect(injections[0]!.slice(1)).toEqual([undefined, true]);
  });
});
