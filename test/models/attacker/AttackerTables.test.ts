// The attacker's tables synthesise again, when it learns a term, only the templates whose synthesis reads something
// new of its knowledge (synthesisReadsAlike): for every knowledge a search of three attacker scenarios made, the
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

describe('the attacker tables, asked for knowledge only', () => {
  it('synthesise the messages of an entry when they are first asked for, the same list as at once', () => {
    const config = jobs.find((j) => j.config.name === 't2-dishonest-ro-redirect')!.config;
    const model = (worldSystem(config).initialStates()[0] as unknown as { model: WorldModel }).model;
    const lazy = new AttackerTables(model.attacker);
    const entry = lazy.entry([]);
    expect(entry.knowledge.terms.size).toBeGreaterThan(0);
    expect(lazy.stats.entries).toBe(0);
    const messages = entry.injectable.map(keyOf);
    expect(lazy.stats.entries).toBe(1);
    expect(entry.injectable.map(keyOf)).toEqual(messages);
    expect(lazy.stats.entries).toBe(1);
    expect(messages.length).toBeGreaterThan(0);
  });

  it('make no messages for a set of observations whose knowledge alone is asked for (a secrecy claim reads it in every world)', () => {
    const job = jobs.find((j) => j.config.name === 't2-dishonest-ro-redirect')!;
    const system = worldSystem(job.config);
    const model = (system.initialStates()[0] as unknown as { model: WorldModel }).model;
    searchExhaustive(system, [], { maxStates: 5_000 });
    expect(model.observations.count).toBeGreaterThan(10);
    for (let set = 0; set < model.observations.count; set++) void model.knowledge(set).knowledge;
    const synthesised = model.attackerTables.stats.entries;
    // Every set's messages, asked for now: the entries the search did not need synthesise only now.
    for (let set = 0; set < model.observations.count; set++) void model.knowledge(set).injectable;
    expect(synthesised).toBeLessThan(model.attackerTables.stats.entries);
  });
});
