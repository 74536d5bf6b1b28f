// The world as an engine system: plain-data states that mean the same in any thread, live-actor replay,
// the parallel search agreeing with the serial one, and the registry entry of `tr33812-alt1a`.
import { isLiveness } from '../../src/engine/LivenessProperty.ts';
import { describe, expect, it } from 'vitest';
import { presetsNamed } from '../../models/flows/presets.ts';
import { runHonest } from '../../models/flows/runHonest.ts';
import { deviceNames, lifecycleCommandTerm } from '../../models/messages.ts';
import { envelopeKey, messageOfKey } from '../../models/world/envelopeKey.ts';
import { liveReplay } from '../../models/world/liveReplay.ts';
import { describeWorld, enabledEvents, initialWorld, portableWorld, portableWorldKey, reviveWorld, stepWorld, worldKey, worldNet, type World, type WorldEvent } from '../../models/world/World.ts';
import { eventLabel } from '../../models/world/eventLabel.ts';
import { withNet } from '../properties/brokenWorlds.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { worldProperties } from '../../properties/index.ts';
import { buildSystem, systemsModule } from '../../src/cli/systems.ts';
import { InputError } from '../../src/cli/InputError.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { searchExhaustiveParallel } from '../../src/engine/parallel/searchExhaustiveParallel.ts';

const config = presetsNamed('initial-3gpp')[0]!;

/** The first `n` steps of the honest run (always the first enabled event), with the events taken. */
function honestPrefix(start: World, n: number): { worlds: World[]; events: WorldEvent[] } {
  const worlds = [start];
  const events: WorldEvent[] = [];
  for (let i = 0; i < n; i++) {
    const [e] = enabledEvents(worlds.at(-1)!);
    if (e === undefined) break;
    events.push(e);
    worlds.push(stepWorld(worlds.at(-1)!, e));
  }
  return { worlds, events };
}

describe('world states across threads', () => {
  it('travel as portable data: revived in fresh tables (as in a worker) they have the same portable key, events and view', () => {
    const { worlds } = honestPrefix(initialWorld(config), 12);
    const w = worlds.at(-1)!;
    const portable = structuredClone(portableWorld(w));
    expect(Object.keys(portable).sort()).toEqual(['injections', 'net', 'observed', 'roles', 'scenario']);
    // Honest: the attacker observed nothing and injected nothing.
    expect(portable.observed).toEqual([]);
    expect(portable.injections).toBe(0);
    const elsewhere = initialWorld(config).model;
    const revived = reviveWorld(elsewhere, portable);
    expect(portableWorldKey(revived)).toBe(portableWorldKey(w));
    expect(enabledEvents(revived).map((e) => eventLabel(revived, e))).toEqual(enabledEvents(w).map((e) => eventLabel(w, e)));
    expect(describeWorld(revived)).toEqual(describeWorld(w));
    const [e] = enabledEvents(revived);
    expect(portableWorldKey(stepWorld(revived, e!))).toBe(portableWorldKey(stepWorld(w, enabledEvents(w)[0]!)));
    // Revived twice in the same tables: the same ids, so the same exact key.
    expect(worldKey(reviveWorld(elsewhere, portable))).toBe(worldKey(revived));
  });

  it('get the same portable key from tables that discovered states in another order', () => {
    // Two fresh systems: one explores everything first, the other walks straight down the honest run.
    const a = worldSystem(config);
    searchExhaustive(a, []);
    const b = worldSystem(config);
    const runA = honestPrefix(a.initialStates()[0]!, 30).worlds.map((w) => a.portableKey!(w));
    const runB = honestPrefix(b.initialStates()[0]!, 30).worlds.map((w) => b.portableKey!(w));
    expect(runB).toEqual(runA);
  });

  it('are explored alike by the 2-thread search (pipelined: a system of records) and the serial one', async () => {
    const pristine = presetsNamed('change-via-pristine')[0]!;
    const built = buildSystem('tr33812-alt1a', { flow: 'change-via-pristine' });
    const serial = searchExhaustive(built.system, built.properties);
    const parallel = await searchExhaustiveParallel(built.system, built.properties, {
      workers: 2,
      source: { module: systemsModule, name: 'tr33812-alt1a', config: pristine },
    });
    expect(parallel.workers).toBe(2);
    expect(parallel.stats.states).toBe(171);
    expect(parallel.stats.states).toBe(serial.stats.states);
    // The same steps taken and left out (System.leavesOut): the pipeline expands states in the serial search's order.
    expect(parallel.stats.transitions).toBe(serial.stats.transitions);
    expect(parallel.stats.leftOut).toBe(serial.stats.leftOut);
    expect(parallel.verdicts.map((v) => v.verdict.kind)).toEqual(serial.verdicts.map((v) => v.verdict.kind));
    const p = parallel.verdicts[1]!.verdict;
    const s = serial.verdicts[1]!.verdict;
    if (p.kind !== 'violated' || s.kind !== 'violated') throw new Error('expected HonestRunEndsAtGoal violated in both');
    expect(p.trace.actions.length).toBe(s.trace.actions.length);
  }, 30_000);
});

describe('liveReplay', () => {
  it('reaches the same state as the pure world after every event of the honest run', () => {
    const run = runHonest(config);
    const system = worldSystem(config);
    const { worlds, events } = honestPrefix(system.initialStates()[0]!, run.trace.length);
    expect(events.length).toBe(run.trace.length);
    const live = liveReplay(worlds[0]!, events);
    expect(live).toHaveLength(worlds.length);
    expect(live).toEqual(worlds.map((w) => system.describeState(w)));
  });

  it('stops when a delivery names a message the live actors never sent', () => {
    const { worlds, events } = honestPrefix(initialWorld(config), 3);
    // Deliveries of step 2 and 3 without step 1 (MANUFACTURE, which sends them): not in flight live.
    const live = liveReplay(worlds[0]!, events.slice(1));
    expect(live).toHaveLength(1);
  });
});

describe('the tr33812-alt1a registry entry', () => {
  it('builds the world of a scenario config with the model-level properties', () => {
    const built = buildSystem('tr33812-alt1a', { flow: 'delayed-activation' });
    expect(built.system.name).toBe('tr33812-alt1a');
    expect(built.system.config).toEqual(presetsNamed('delayed-activation')[0]);
    // Safety properties for the level explorer, the properties of service apart (decided on the state graph).
    // The claims over several TREs apart too: one device; and the claim on the OMA DM session: it does not run.
    const severalTres = ['McimInstalledOnlyInItsTre', 'NoMcimCredentialInTwoTres', 'DmSessionPeersAuthenticated'];
    expect(built.properties.map((p) => p.id)).toEqual(
      worldProperties.filter((p) => !isLiveness(p.property) && !severalTres.includes(p.property.id)).map((p) => p.property.id),
    );
    expect(built.liveness?.map((p) => p.id)).toEqual(['ServiceRecoverable', 'ServiceEventually']);
    expect(built.properties.slice(0, 2).map((p) => p.id)).toEqual(['AtMostOneMcimActive', 'HonestRunEndsAtGoal']);
    expect(built.system.liveReplay).toBeDefined();
  });

  it('rejects a bad scenario with one InputError line', () => {
    for (const bad of [{ access: '3gpp' }, { flow: 'initial-5g' }, { flow: 'initial-3gpp', access: 'wifi' }, 'x']) {
      expect(() => buildSystem('tr33812-alt1a', bad)).toThrow(InputError);
    }
    expect(() => buildSystem('tr33812-alt1a', { flow: 'initial-3gpp', bothMcimsPresent: true })).toThrow(
      /^invalid configuration for tr33812-alt1a: scenario\.bothMcimsPresent: only flow change-via-old-sho has that variant/,
    );
  });
});

describe('stepWorld', () => {
  it('refuses to deliver a message that is not in flight, even one its receiver would take', () => {
    // The M2ME relays a lifecycle instruction to the TRE in any state (5.1.2.4): always deliverable when in flight.
    const command = envelopeKey({ kind: 'lifecycleCommand', from: 'sho1', to: 'm2me', term: lifecycleCommandTerm('sho1', deviceNames('dev1').pcid, 'BLOCK') });
    const w0 = withNet(initialWorld(config), [command]);
    const deliver = enabledEvents(w0).find((e) => eventLabel(w0, e) === 'sho1>m2me lifecycleCommand')!;
    const w1 = stepWorld(w0, deliver);
    expect(worldNet(w1).map(messageOfKey).map((m) => `${m.from}>${m.to} ${m.kind}`)).toEqual(['m2me>tre lifecycleCommand']);
    expect(() => stepWorld(w1, deliver)).toThrow(/is not enabled/);
  });
});
