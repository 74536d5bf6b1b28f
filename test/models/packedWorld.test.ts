// Packed worlds (records in the scenario's tables) against the same worlds named by content: the same state space
// in every built-in scenario, keys that name their worlds, memoised property predicates that agree with the
// predicates themselves, and knowledge grown one observation at a time equal to knowledge closed at once.
import { describe, expect, it } from 'vitest';
import { presets } from '../../models/flows/presets.ts';
import type { ScenarioConfig } from '../../models/flows/ScenarioConfig.ts';
import { envelopeKey } from '../../models/world/envelopeKey.ts';
import { messageKinds } from '../../models/messages.ts';
import type { PartPredicate } from '../../models/world/onPart.ts';
import { forEachSuccessor, forEachSuccessorKey, portableWorld, reviveWorld, worldAt, worldKey, type World, type WorldEvent } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { propertiesFor, sanityProperty } from '../../properties/index.ts';
import { allThreatScenarioConfigs } from '../../properties/threats/threatSuite.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { setRecordSegmentBits } from '../../src/packing/RecordTable.ts';
import { splitProperties } from '../../src/engine/searchProperties.ts';
import type { System } from '../../src/engine/System.ts';

/** Every built-in scenario but the three largest (0.5M to 1.6M states with synthesis), which the bench measures. */
const large = new Set(['t2-network', 't2-replay-after-delete', 't7-forged-commands']);
const scenarios: readonly ScenarioConfig[] = [...presets, ...allThreatScenarioConfigs()].filter((c) => !large.has(c.name));

/** Every world reachable in `config`, breadth-first, deduplicated by the packed key. */
function reachable(config: ScenarioConfig): World[] {
  const initial = worldSystem(config).initialStates()[0]!;
  const seen = new Map<number | string, World>([[worldKey(initial), initial]]);
  let frontier = [initial];
  while (frontier.length > 0) {
    const next: World[] = [];
    for (const w of frontier) forEachSuccessor(w, (_, n) => {
      const k = worldKey(n);
      if (!seen.has(k)) {
        seen.set(k, n);
        next.push(n);
      }
    });
    frontier = next;
  }
  return [...seen.values()];
}

describe('packed worlds', () => {
  it.each(scenarios.map((c) => [c.name, c] as const))('explore exactly the states and transitions of worlds named by content: %s', (_, config) => {
    const packed = worldSystem(config);
    // Keyed by content, and so is the system searched again when the kept relays' assumption breaks (System.assumed).
    const byContent = (system: System<World, WorldEvent>): System<World, WorldEvent> => ({
      ...system,
      compactKeys: false,
      key: (w) => system.portableKey!(w),
      ...(system.assumed === undefined ? {} : { assumed: { ...system.assumed, without: () => byContent(system.assumed!.without()) } }),
    });
    // Packing alone: the content-keyed system steps by successor, so it leaves out no step (worldLeftOutSteps).
    const a = searchExhaustive(packed, [], { reduction: false });
    const b = searchExhaustive(byContent(packed), []);
    expect(a.stats.states).toBe(b.stats.states);
    expect(a.stats.transitions).toBe(b.stats.transitions);
    expect(a.stats.depth).toBe(b.stats.depth);
    // Packed keys are exact; content keys are hashed.
    expect(a.fingerprints.hashed).toBe(0);
    expect(b.fingerprints.hashed).toBe(b.stats.states);
  });

  it.each(['t1-clone', 't10-pin-guessing', 'change-via-old-sho'])('step into the canonical record of each successor (as built from its content), in every reachable state: %s', (name) => {
    const worlds = reachable(scenarios.find((c) => c.name === name)!);
    let steps = 0;
    for (const w of worlds) {
      // The step edits the old record's bytes; reviving the content writes the record anew from sorted parts.
      forEachSuccessorKey(w, (_, key) => {
        steps++;
        expect(worldKey(reviveWorld(w.model, portableWorld(worldAt(w.model, key))))).toBe(key);
      });
    }
    expect(steps).toBeGreaterThan(worlds.length);
  });

  it('step into canonical records and explore the same states when envelope ids take two bytes and steps are too large to cache', () => {
    const config = scenarios.find((c) => c.name === 't1-clone')!;
    const padded = worldSystem(config);
    const model = (padded.initialStates()[0] as World).model;
    // Messages no role sends, interned first: every message the search meets gets an id past 127 (two varint bytes),
    // which takes the records' general path rather than the one-byte one; and the M2ME's deliveries get event
    // indices past 255, which the role step cache does not hold (WorldModel.roleStep).
    for (let i = 0; i < 300; i++) model.envelopeOfKey(envelopeKey({ kind: messageKinds[0]!, from: 'vno', to: 'm2me', term: { kind: 'name', id: `padding-${i}` } }));
    const a = searchExhaustive(padded, []);
    const b = searchExhaustive(worldSystem(config), []);
    expect(model.rank.length).toBeGreaterThan(0x80 + 20);
    expect([a.stats.states, a.stats.transitions, a.stats.depth]).toEqual([b.stats.states, b.stats.transitions, b.stats.depth]);
    const initial = padded.initialStates()[0] as World;
    let steps = 0;
    forEachSuccessorKey(initial, function check(_, key) {
      if (++steps > 2000) return;
      const next = worldAt(model, key);
      expect(worldKey(reviveWorld(model, portableWorld(next)))).toBe(key);
      forEachSuccessorKey(next, check);
    });
    expect(steps).toBeGreaterThan(2000);
  });

  it('search the same worlds, steps and verdicts when the world table spans many segments', () => {
    // t12-stolen-identity's ~2.3k worlds take some 17 KiB of records: with segments of 1 KiB, a dozen and more of them, and most
    // successors written from a record in an older segment than the one they are added to.
    const config = scenarios.find((c) => c.name === 't12-stolen-identity')!;
    const properties = splitProperties([...propertiesFor(config).map((p) => p.property), sanityProperty]).safety;
    const search = () => {
      const system = worldSystem(config);
      const outcome = searchExhaustive(system, properties);
      const { states, transitions, leftOut, depth } = outcome.stats;
      const verdicts = outcome.verdicts.map((v) => `${v.property} ${v.verdict.kind} ${v.verdict.kind === 'violated' ? v.verdict.trace.actions.join(';') : ''}`);
      return { counts: { states, transitions, leftOut, depth }, verdicts, worlds: system.initialStates()[0]!.model.worlds };
    };
    const whole = search();
    setRecordSegmentBits(10);
    try {
      const cut = search();
      expect(cut.counts).toEqual(whole.counts);
      expect(cut.verdicts).toEqual(whole.verdicts);
      expect(cut.worlds.used).toBeGreaterThan(16 * 1024);
      expect(whole.worlds.segmentOf(whole.worlds.used - 1)).toBe(whole.worlds.segmentOf(1));
      expect(cut.worlds.segmentOf(cut.worlds.used - 1)).not.toBe(cut.worlds.segmentOf(1));
    } finally {
      setRecordSegmentBits(undefined);
    }
  });

  const sample = ['t1-clone', 't8-owner-unblocks', 't9-bus-monitor', 't6-firmware', 'initial-3gpp'];
  it.each(sample)('give memoised property predicates the value of the predicate itself in every reachable state: %s', (name) => {
    const config = scenarios.find((c) => c.name === name)!;
    const properties = [...propertiesFor(config).map((p) => p.property), sanityProperty];
    const worlds = reachable(config);
    let memoised = 0;
    for (const p of properties) {
      if (p.kind !== 'invariant' || !('direct' in p.holds)) continue;
      memoised++;
      const holds = p.holds as PartPredicate;
      // One expect per property: an expect per world costs more than the predicates over ~20k worlds.
      const differing = worlds.filter((w) => holds(w) !== holds.direct(w)).length;
      expect(differing, `${p.id} in ${name}: worlds where the memoised value differs`).toBe(0);
    }
    expect(memoised).toBeGreaterThan(0);
  });

  it.each(['t1-clone', 't6-firmware', 't12-stolen-identity'])('grow knowledge one observation at a time to the closure of all of them: %s', (name) => {
    const config = scenarios.find((c) => c.name === name)!;
    const worlds = reachable(config);
    const model = worlds[0]!.model;
    const sets = [...new Set(worlds.map((w) => w.observedId))];
    expect(sets.length).toBeGreaterThan(5);
    for (const set of sets) {
      const grown = model.knowledge(set);
      const closed = model.attackerTables.entry(model.observations.terms(set));
      expect(grown.knowledge.key).toBe(closed.knowledge.key);
      const keys = (e: typeof grown) => [...new Set(e.injectable.map(envelopeKey))].sort();
      expect(keys(grown)).toEqual(keys(closed));
      // The injectable messages as the world enumerates them: the same, in key order.
      expect(model.injectable(set).map((e) => model.keyOfEnvelope(e))).toEqual(keys(closed));
    }
  });
});
