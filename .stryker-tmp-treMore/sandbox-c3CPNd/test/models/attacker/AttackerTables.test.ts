// The attacker's tables synthesise again, when it learns a term, only the templates whose synthesis reads something
// new of its knowledge (synthesisSignature): for every knowledge a search of three attacker scenarios made, the
// messages it can inject are those, in the same order, that synthesising every template again gives.
import { describe, expect, it } from 'vitest';
import { AttackerTables, type KnowledgeEntry } from '../../../models/attacker/AttackerTables.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { planCheck } from '../../../src/cli/check/planCheck.ts';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import type { WorldModel } from '../../../models/world/WorldModel.ts';

const jobs = planCheck({ threat: threatSuite.map((t) => `t${t.threat}`) }).jobs;
const keyOf = (m: KnowledgeEntry['injectable'][number]): string => `${m.kind}|${m.from}|${m.to}|${JSON.stringify(m.term)}`;

describe('the attacker tables, extended by one term', () => {
  it.each(['t1-clone', 't2-dishonest-ro-redirect', 't7-insider-sho'])('give every message synthesis from scratch gives, in its order: %s', (name) => {
    const config = jobs.find((j) => j.config.name === name)!.config;
    const system = worldSystem(config);
    const model = (system.initialStates()[0] as unknown as { model: WorldModel }).model;
    searchExhaustive(system, [], { maxStates: 5_000 });
    const full = new AttackerTables(model.attacker, { incremental: false });
    const fullEntries: KnowledgeEntry[] = [];
    const fullEntry = (set: number): KnowledgeEntry => {
      const from = model.observations.madeFrom[set];
      return (fullEntries[set] ??= from === undefined ? full.entry(model.observations.terms(set)) : full.extend(fullEntry(from.set), from.term));
    };
    let sets = 0;
    for (let set = 0; set < model.observations.count; set++) {
      expect(model.knowledge(set).injectable.map(keyOf)).toEqual(fullEntry(set).injectable.map(keyOf));
      sets++;
    }
    expect(sets).toBeGreaterThan(10);
    // The incremental tables kept some templates, and made fewer candidates than the full ones.
    expect(model.attackerTables.stats.templatesKept).toBeGreaterThan(0);
    expect(model.attackerTables.stats.candidates).toBeLessThan(full.stats.candidates);
  });
});
