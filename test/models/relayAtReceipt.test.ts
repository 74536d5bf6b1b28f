// Relay at receipt (models/world/relayAtReceipt.ts): the rule world by world against the world without it, the
// facts its argument rests on (steady relays, knowledge that only grows), the option's round trip through the
// system's configuration, and the same verdicts on every flow preset and threat scenario with it on and off, every
// counterexample found with it on replaying on the reduced world and on live actors.
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { presets } from '../../models/flows/presets.ts';
import type { ScenarioConfig } from '../../models/flows/ScenarioConfig.ts';
import { playedRole } from '../../models/roleIds.ts';
import {
  enabledEvents, forEachSuccessor, initialWorld, portableWorld, reviveWorld, stepWorld, worldKey, worldNet, worldObserved, type World, type WorldEvent,
} from '../../models/world/World.ts';
import { eventLabel } from '../../models/world/eventLabel.ts';
import { messageOfKey } from '../../models/world/envelopeKey.ts';
import { credentialsInClear } from '../../models/world/credentialsInClear.ts';
import { readsKeptRelaysInFlight, relayableInjection, relayAtReceiptFor } from '../../models/world/relayAtReceipt.ts';
import type { WorldModel } from '../../models/world/WorldModel.ts';
import { propertiesFor } from '../../properties/index.ts';
import { readdirSync, readFileSync } from 'node:fs';
import { isLiveness, type AnyProperty } from '../../src/engine/LivenessProperty.ts';
import { WORLD_SYSTEM_NAME, worldSystem, worldSystemOfTrace } from '../../models/world/worldSystem.ts';
import { buildSystem } from '../../src/cli/systems.ts';
import { planCheck } from '../../src/cli/check/planCheck.ts';
import { searchedProperties } from '../../src/cli/check/runCheckJob.ts';
import { splitProperties } from '../../src/engine/searchProperties.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';

const jobs = [...planCheck({ flow: presets.map((c) => c.name) }).jobs, ...planCheck({ threat: threatSuite.map((t) => `t${t.threat}`) }).jobs];
const configOf = (name: string, injections: number): ScenarioConfig => {
  const config = jobs.find((j) => j.config.name === name)!.config;
  return { ...config, attacker: { ...config.attacker, injections } };
};

/** The worlds of `initial`'s system, breadth-first, at most `limit`, each with its successors. */
function reachable(initial: World, limit: number, visit: (world: World, successors: readonly World[]) => void): number {
  const seen = new Set([worldKey(initial)]);
  let frontier = [initial];
  let count = 0;
  while (frontier.length > 0 && count < limit) {
    const next: World[] = [];
    for (const world of frontier) {
      if (count++ >= limit) break;
      const successors: World[] = [];
      forEachSuccessor(world, (_, s) => {
        successors.push(s);
        if (!seen.has(worldKey(s))) {
          seen.add(worldKey(s));
          next.push(s);
        }
      });
      visit(world, successors);
    }
    frontier = next;
  }
  return count;
}

/** The messages `after`'s network holds beyond `before`'s less `taken` (multisets of envelope keys); undefined if one
 *  is missing. */
function added(before: World, after: World, taken?: string): string[] | undefined {
  const left = [...worldNet(before)];
  if (taken !== undefined) left.splice(left.indexOf(taken), 1);
  const extra: string[] = [];
  for (const k of worldNet(after)) {
    const i = left.indexOf(k);
    if (i >= 0) left.splice(i, 1);
    else extra.push(k);
  }
  return left.length === 0 ? extra : undefined;
}

const roleKeys = (w: World): readonly string[] => portableWorld(w).roles;

/** `after` with the receipts of what the step from `before` sent that the reduced world (`reduced`) takes at send: the
 *  PVA's platform reference, and a validation request where the PVA takes it and stays as it was. */
function takenAtSend(before: World, after: World, reduced: WorldModel): World {
  let world = after;
  // What the step sent: the messages in flight after it and not before (a step may also have taken one).
  const left = [...worldNet(before)];
  const sent = worldNet(after).filter((k) => {
    const i = left.indexOf(k);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  for (const key of sent) {
    const envelope = reduced.envelopeOfKey(key);
    if (!reduced.receipts.takenAtSend(envelope)) continue;
    const receipt = enabledEvents(world).find((d) => d.kind === 'deliver' && world.model.keyOfEnvelope(d.envelope) === key);
    if (receipt === undefined) continue;
    const next = stepWorld(world, receipt);
    const receiver = reduced.receivers[envelope]!;
    if (reduced.receipts.preserving(envelope) && roleKeys(next)[receiver] !== roleKeys(world)[receiver]) continue;
    world = next;
  }
  return world;
}

/** What the world without the reduction says an injection or a delivery is, read off its successor (not from the
 *  reduced world's code): a relay the reduction moves (a steady or kept kind, the receiver's state kept, one message
 *  added, nothing read, no credential in clear on the host interface), with its relayed message; or undefined. */
function relayOf(before: World, event: WorldEvent, after: World): string | undefined {
  // The kept relays too: the reduced world takes them at receipt as long as they are kept (the test below), here.
  if ((event.kind !== 'inject' && event.kind !== 'deliver') || !relayableInjection(before.model.message(event.envelope), true)) return undefined;
  const extra = added(before, after, event.kind === 'deliver' ? before.model.keyOfEnvelope(event.envelope) : undefined);
  const sameRoles = roleKeys(before).every((k, i) => k === roleKeys(after)[i]);
  if (!sameRoles || extra?.length !== 1 || worldObserved(after).length !== worldObserved(before).length) return undefined;
  const m = messageOfKey(extra[0]!);
  const host = [playedRole(m.from), playedRole(m.to)].sort().join('>') === 'm2me>tre';
  return host && credentialsInClear(m.term).length > 0 ? undefined : extra[0];
}

describe('relay at receipt', () => {
  it.each([['t7-forged-commands', 1, 20_000], ['t2-replay-after-delete', 1, 6_000], ['t7-insider-sho', 1, 6_000]] as const)(
    '%s (%i injection): an injection or a message in flight merely relayed is one step with its receipt, when taken at once, and none otherwise',
    (name, injections, limit) => {
      const config = configOf(name, injections);
      const on = initialWorld(config);
      const offModel = initialWorld(config, { relayAtReceipt: false }).model;
      let relays = 0;
      let waiting = 0;
      reachable(on, limit, (world) => {
        const off = reviveWorld(offModel, portableWorld(world));
        // By label, several where two messages of one kind are in flight on one channel and their labels coincide
        // (validation results of the PVA in t7-insider-sho): such events are told apart by their successors.
        const onEvents = new Map<string, WorldEvent[]>();
        for (const e of enabledEvents(world)) onEvents.set(eventLabel(world, e), [...(onEvents.get(eventLabel(world, e)) ?? []), e]);
        const onCount = [...onEvents.values()].reduce((n, es) => n + es.length, 0);
        let expected = 0;
        for (const e of enabledEvents(off)) {
          const label = eventLabel(off, e);
          const after = stepWorld(off, e);
          const relayed = relayOf(off, e, after);
          const receipt = relayed === undefined ? undefined : enabledEvents(after).find((d) => d.kind === 'deliver' && offModel.keyOfEnvelope(d.envelope) === relayed);
          if (relayed !== undefined && receipt === undefined) {
            // Refused now: no step of the reduced world for it.
            waiting++;
            expect([...onEvents.keys()].some((l) => l.startsWith(label))).toBe(false);
            continue;
          }
          const m = relayed === undefined ? undefined : messageOfKey(relayed);
          const onLabel = m === undefined ? label : `${label}, relayed ${m.from}>${m.to} ${m.kind} and taken`;
          // The same world as the injection then the receipt (or the step itself) in the world without it, the PVA taking
          // a platform reference the step sent (receipt at send, on in the reduced world: receiptAtSend.ts).
          const target = portableWorld(takenAtSend(off, receipt === undefined ? after : stepWorld(after, receipt), on.model));
          const same = (onEvents.get(onLabel) ?? []).filter((o) => isDeepStrictEqual(portableWorld(stepWorld(world, o)), target));
          expect(same.length, onLabel).toBeGreaterThan(0);
          expected++;
          if (m !== undefined) relays++;
        }
        expect(onCount).toBe(expected);
      });
      expect(relays).toBeGreaterThan(0);
      expect(waiting).toBeGreaterThan(0);
    },
  );

  it.each([['t2-replay-after-delete', 2], ['t7-forged-commands', 2], ['t7-insider-sho', 1]] as const)(
    '%s: a receiver that merely relays an injectable message relays it alike in every later world, and the attacker\'s candidates only grow',
    (name, injections) => {
      const on = initialWorld(configOf(name, injections));
      const model = on.model;
      /** The one message the receiver of `e` sends when it merely relays it in `w`, else -1. */
      const relayIn = (w: World, e: number): number => {
        const next = model.roleStep(w.rolesId, model.receivers[e]!, model.deliveries[e]!);
        const sends = model.sendList(model.stepSends);
        return next === w.rolesId && sends.length === 1 ? sends[0]! : -1;
      };
      let steady = 0;
      const grown = new Set<string>();
      reachable(on, 2_000, (world, successors) => {
        const candidates = model.injectable(world.observedId);
        const relayable = candidates.filter((e) => relayableInjection(model.message(e), true) && relayIn(world, e) >= 0);
        for (const s of successors) {
          if (!grown.has(`${world.observedId},${s.observedId}`)) {
            grown.add(`${world.observedId},${s.observedId}`);
            const later = new Set(model.injectable(s.observedId));
            expect(candidates.every((e) => later.has(e))).toBe(true);
          }
          // Relays read the local states alone: each pair of tuples once.
          if (grown.has(`r${world.rolesId},${s.rolesId}`)) continue;
          grown.add(`r${world.rolesId},${s.rolesId}`);
          for (const e of relayable) {
            expect(relayIn(s, e)).toBe(relayIn(world, e));
            steady++;
          }
        }
      });
      expect(steady).toBeGreaterThan(100);
    },
  );

  it('is recorded in the system\'s configuration when off, so a trace of the world without it replays there', () => {
    const config = configOf('t7-forged-commands', 1);
    const off = worldSystem(config, initialWorld(config, { relayAtReceipt: false }));
    expect(off.config).toEqual({ ...config, relayAtReceipt: false });
    // On, as by default, it is recorded too: a trace names the world it was found in.
    expect(worldSystem(config).config).toEqual({ ...config, relayAtReceipt: true });
    const rebuilt = buildSystem(WORLD_SYSTEM_NAME, off.config).system;
    expect(rebuilt.config).toEqual(off.config);
    expect((rebuilt.initialStates()[0] as World).model.relays.on).toBe(false);
    expect((buildSystem(WORLD_SYSTEM_NAME, config).system.initialStates()[0] as World).model.relays.on).toBe(true);
    expect(() => buildSystem(WORLD_SYSTEM_NAME, { ...config, relayAtReceipt: 'no' })).toThrow(/relayAtReceipt must be true, false or "steady"/);
    // The steady relays alone (the kept ones' assumption broken, System.assumed): recorded, rebuilt alike.
    const steady = worldSystem(config, initialWorld(config, { relayAtReceipt: 'steady' }));
    expect(steady.config).toEqual({ ...config, relayAtReceipt: 'steady' });
    expect(steady.assumed).toBeUndefined();
    expect(worldSystem(config).assumed?.without().config).toEqual(steady.config);
    const relays = (buildSystem(WORLD_SYSTEM_NAME, steady.config).system.initialStates()[0] as World).model.relays;
    expect([relays.on, relays.kept]).toEqual([true, false]);
    // Without injections there is nothing to relay: the option changes nothing and is not recorded.
    const quiet = configOf('t7-forged-commands', 0);
    expect(worldSystem(quiet, initialWorld(quiet, { relayAtReceipt: false })).config).toBe(quiet);
  });

  it('is chosen by the properties searched: off for properties of service, the steady relays alone for one that reads a kept relay in flight', () => {
    const claims = new URL('../../properties/claims/', import.meta.url);
    // Every property that reads the network (messages in flight, or which deliveries are enabled), from its source.
    const readers = readdirSync(claims).filter((f) => /\b(worldNet|envelopesOf|enabledEvents)\(/.test(readFileSync(new URL(f, claims), 'utf8'))).map((f) => f.replace(/\.ts$/, ''));
    expect(readers.sort()).toEqual(['NoSecretInClearOnHostInterface', ...readsKeptRelaysInFlight].sort());
    const job = jobs.find((j) => j.config.name === 't7-forged-commands')!;
    const all = propertiesFor(job.config).map((p) => p.property);
    expect(relayAtReceiptFor(splitProperties(searchedProperties(job)).safety)).toBe(true);
    expect(relayAtReceiptFor(splitProperties(all).safety)).toBe('steady');
    const service = jobs.map((j) => searchedProperties(j)).find((ps) => ps.some((p) => isLiveness(p)))!;
    expect(relayAtReceiptFor(service as readonly AnyProperty<unknown, unknown>[])).toBe(false);
    expect((buildSystem(WORLD_SYSTEM_NAME, job.config).system.initialStates()[0] as World).model.relays.kept).toBe(false);
  });

  it('moves the kept relays while the host keeps making them, and redoes the search without them once it stops', () => {
    const searched = (name: string, relayAtReceipt?: 'steady') => {
      const job = jobs.find((j) => j.config.name === name)!;
      const properties = splitProperties(searchedProperties(job)).safety;
      const system = relayAtReceipt === undefined ? worldSystem(job.config) : worldSystem(job.config, initialWorld(job.config, { relayAtReceipt }));
      return { outcome: searchExhaustive(system, properties), properties };
    };
    const summary = (o: ReturnType<typeof searchExhaustive>) => ({
      states: o.stats.states,
      transitions: o.stats.transitions,
      verdicts: o.verdicts.map((v) => `${v.property}:${v.verdict.kind}:${v.verdict.kind === 'violated' ? v.verdict.trace.actions.length : ''}`),
    });
    // The host never leaves Connected or Operational once there: the forged downloads it relays are taken at receipt.
    const kept = searched('t7-forged-commands');
    const steady = searched('t7-forged-commands', 'steady');
    expect(kept.outcome.stats.assumption).toEqual({ name: 'kept relays and receipt at send', outcome: 'held' });
    expect(steady.outcome.stats.assumption).toBeUndefined();
    expect(kept.outcome.stats.states).toBeLessThan(steady.outcome.stats.states / 2);
    // The same verdicts; traces may be shorter (a forwarded download is one step with its receipt).
    const kinds = (o: ReturnType<typeof searchExhaustive>) => o.verdicts.map((v) => `${v.property}:${v.verdict.kind}`);
    expect(kinds(kept.outcome)).toEqual(kinds(steady.outcome));
    // Malware on the host resets the TRE, and the host goes from Operational back to Booting: the search is redone.
    const broken = searched('t3-malware-change-via-pristine');
    expect(broken.outcome.stats.assumption).toMatchObject({ name: 'kept relays and receipt at send', outcome: 'broken', brokenBy: expect.stringMatching(/^m2me relays \w+ in "Operational" and not alike in "Booting"$/) });
    expect(summary(broken.outcome)).toEqual(summary(searched('t3-malware-change-via-pristine', 'steady').outcome));
    // Its counterexamples, found without the kept relays, replay on the world their trace names.
    const violated = broken.outcome.verdicts.filter((v) => v.verdict.kind === 'violated');
    expect(violated.length).toBeGreaterThan(0);
    for (const { property, verdict } of violated) {
      if (verdict.kind !== 'violated') continue;
      expect(replayTrace(worldSystemOfTrace(verdict.trace), broken.properties.find((p) => p.id === property)!, verdict.trace).result.kind).toBe('reproduced');
    }
  });

  it.each(jobs.map((j) => [j.config.name, j] as const))('keeps every verdict, and its counterexamples replay: %s', (_, job) => {
    const properties = splitProperties(searchedProperties(job)).safety;
    const on = searchExhaustive(worldSystem(job.config), properties);
    const off = searchExhaustive(worldSystem(job.config, initialWorld(job.config, { relayAtReceipt: false })), properties);
    expect(on.verdicts.map((v) => `${v.property}:${v.verdict.kind}`)).toEqual(off.verdicts.map((v) => `${v.property}:${v.verdict.kind}`));
    expect(on.stats.states).toBeLessThanOrEqual(off.stats.states);
    for (const { property, verdict } of on.verdicts) {
      if (verdict.kind !== 'violated') continue;
      const report = replayTrace(worldSystemOfTrace(verdict.trace), properties.find((p) => p.id === property)!, verdict.trace);
      expect(report.result.kind, property).toBe('reproduced');
      expect(report.savedMismatch, property).toBeUndefined();
      expect(report.live === 'absent' ? undefined : report.live.mismatch, property).toBeUndefined();
    }
  });
});
