// The injections taken per (tuple, observations) pair: a table that hands back each pair's moves as its source
// computes them, through growth and rehashing, and, wired into the world, the injections every world of real
// scenarios lists are those its candidates give when stepped one by one.
import { describe, expect, it } from 'vitest';
import { alikeBefore, InjectionMoves, relayedOf, type InjectionSource } from '../../../models/world/InjectionMoves.ts';
import { RelayTable } from '../../../models/world/relayAtReceipt.ts';
import { allThreatScenarioConfigs } from '../../../properties/threats/threatSuite.ts';
import { enabledEvents, envelopesOf, forEachSuccessor, worldKey, type World } from '../../../models/world/World.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';

/** A source whose candidates are 0..19 for every set, message e enabled in tuple t unless (t + e) % 3 is 0, and
 *  leaving tuple t * 31 + e + set with sends e % 5 (no relays). */
function fakeSource(): InjectionSource & { asked: number } {
  const source = {
    asked: 0,
    receivers: Array.from({ length: 20 }, (_, e) => e % 4),
    deliveries: Array.from({ length: 20 }, (_, e) => 100 + e),
    relays: new RelayTable(false, false),
    stepSends: 0,
    set: 0,
    injectable(set: number) {
      source.set = set;
      return Array.from({ length: 20 }, (_, e) => e);
    },
    roleStep(rolesId: number, _role: number, eventIndex: number) {
      source.asked++;
      const e = eventIndex - 100;
      source.stepSends = e % 5;
      return (rolesId + e) % 3 === 0 ? -1 : rolesId * 31 + e + source.set;
    },
    sendList: () => [],
  };
  return source;
}

function expectedMoves(rolesId: number, set: number): number[] {
  const out: number[] = [];
  for (let e = 0; e < 20; e++) if ((rolesId + e) % 3 !== 0) out.push(e, -1, rolesId * 31 + e + set, e % 5);
  return out;
}

/** A pair's moves as four numbers each: the second word read as the envelope relayed as. */
function movesAt(table: InjectionMoves, start: number): number[] {
  const words = [...table.pool.subarray(start + 1, start + 1 + 4 * table.pool[start]!)];
  return words.map((w, i) => (i % 4 === 1 ? relayedOf(w) : w));
}

describe('InjectionMoves', () => {
  it('gives each pair the moves its source computes, once, through growth and rehashing', () => {
    const source = fakeSource();
    const table = new InjectionMoves(source);
    const starts = new Map<string, number>();
    // 3,000 pairs: the slots (1,024 at first) and the pool (4,096 words) grow several times.
    for (let t = 0; t < 100; t++) for (let set = 0; set < 30; set++) starts.set(`${t},${set}`, table.start(t, set));
    const asked = source.asked;
    for (let t = 0; t < 100; t++) {
      for (let set = 0; set < 30; set++) {
        const start = table.start(t, set);
        expect(start).toBe(starts.get(`${t},${set}`));
        expect(movesAt(table, start)).toEqual(expectedMoves(t, set));
      }
    }
    // Asked again, no pair is computed again.
    expect(source.asked).toBe(asked);
  });

  it('marks each move that an earlier move of its pair leaves alike: the same tuple and sends', () => {
    // Candidates e = 0..19 leave tuple e % 4 with sends e % 6 (so e and e + 12 alike); those of tuple 0 are refused.
    const source = { ...fakeSource(), stepSends: 0 };
    source.roleStep = (_rolesId: number, _role: number, eventIndex: number) => {
      const e = eventIndex - 100;
      source.stepSends = e % 6;
      return e % 4 === 0 ? -1 : e % 4;
    };
    const table = new InjectionMoves(source);
    const start = table.start(0, 0);
    const alike = [];
    for (let m = start + 1; m < start + 1 + 4 * table.pool[start]!; m += 4) if (alikeBefore(table.pool[m + 1]!)) alike.push(table.pool[m]);
    expect(alike).toEqual([13, 14, 15, 17, 18, 19]);
  });
});

describe('injections of the world, by pair', () => {
  // Scenarios with injections and relays at receipt, small enough to walk whole.
  const names = ['t2-failure-report', 't7-forged-commands', 't5-replaced-tre'];
  it.each(names)('every world of %s lists the injections its candidates give, stepped one by one', (name) => {
    const config = allThreatScenarioConfigs().find((c) => c.name === name)!;
    const initial = worldSystem({ ...config, attacker: { ...config.attacker, injections: 1 } }).initialStates()[0]!;
    const model = initial.model;
    const seen = new Set<number>([worldKey(initial)]);
    let frontier: World[] = [initial];
    let withInjections = 0;
    while (frontier.length > 0) {
      const next: World[] = [];
      for (const world of frontier) {
        const listed = enabledEvents(world).filter((e) => e.kind === 'inject' || e.kind === 'relay');
        const expected: string[] = [];
        if (model.attacker.active && world.injections < model.attacker.budget) {
          const inFlight = new Set(envelopesOf(world));
          for (const e of model.injectable(world.observedId)) {
            if (inFlight.has(e) || model.roleStep(world.rolesId, model.receivers[e]!, model.deliveries[e]!) < 0) continue;
            const relayed = model.relays.relayable(e) ? model.relays.relayedBy(e, world.rolesId, model.roleStep(world.rolesId, model.receivers[e]!, model.deliveries[e]!), model.sendList(model.stepSends)) : -1;
            if (relayed >= 0 && model.roleStep(world.rolesId, model.receivers[relayed]!, model.deliveries[relayed]!) < 0) continue;
            expected.push(relayed >= 0 ? `relay ${e} ${relayed}` : `inject ${e}`);
          }
        }
        if (expected.length > 0) withInjections++;
        expect(listed.map((e) => (e.kind === 'relay' ? `relay ${e.envelope} ${e.relayed}` : `inject ${(e as { envelope: number }).envelope}`))).toEqual(expected);
        forEachSuccessor(world, (_, w) => {
          if (!seen.has(worldKey(w))) {
            seen.add(worldKey(w));
            next.push(w);
          }
        });
      }
      frontier = next;
    }
    expect(withInjections).toBeGreaterThan(50);
  });
});
