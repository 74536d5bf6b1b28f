// The pipelined search on the TR world (two threads: this one steps and checks, the store thread interns): the
// one-thread search's states, steps taken and left out, depth, verdicts and counterexample lengths, traces that
// re-execute, and limits that end it inconclusive with what it explored.
import { describe, expect, it } from 'vitest';
import { worldSystemFor } from '../../../models/world/worldSystem.ts';
import { propertiesFor, sanityProperty } from '../../../properties/index.ts';
import { allThreatScenarioConfigs } from '../../../properties/threats/threatSuite.ts';
import { resolveExhaustiveOptions, type ExhaustiveOptions } from '../../../src/engine/exhaustive/ExhaustiveOptions.ts';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { searchExhaustiveParallel } from '../../../src/engine/parallel/searchExhaustiveParallel.ts';
import { pipelineFits, searchPipelined } from '../../../src/engine/pipeline/searchPipelined.ts';
import { splitProperties } from '../../../src/engine/searchProperties.ts';
import { propertyId } from '../../../src/engine/Property.ts';
import type { World } from '../../../models/world/World.ts';
import { setRecordPoolCeiling } from '../../../src/packing/RecordTable.ts';
import { summary } from '../parallel/outcomeSummary.ts';
import { expectViolationsReplay } from './expectViolationsReplay.ts';

function scenario(name: string, injections?: number) {
  const found = allThreatScenarioConfigs().find((c) => c.name === name)!;
  const config = injections === undefined ? found : { ...found, attacker: { ...found.attacker, injections } };
  const properties = splitProperties([...propertiesFor(config).map((p) => p.property), sanityProperty]).safety;
  return { system: worldSystemFor(config, properties), properties };
}

const options = (extra: ExhaustiveOptions = {}) => resolveExhaustiveOptions(extra);

describe('searchPipelined', () => {
  // With injections, relays at receipt and the kept relays' assumption; the last with a finding about the text.
  it.each(['t2-failure-report', 't5-replaced-tre', 't2-dishonest-ro-redirect'])('finds what the one-thread search finds: %s', async (name) => {
    const { system, properties } = scenario(name);
    expect(pipelineFits(system, properties, options())).toBe(true);
    const one = searchExhaustive(system, properties);
    const two = await searchPipelined(system, properties, options());
    expect(two.workers).toBe(2);
    expect(summary(two)).toEqual(summary(one));
    expect(two.stats.leftOut).toBe(one.stats.leftOut);
    expect(two.stats.assumption).toEqual(one.stats.assumption);
    // The sanity goal is reached in each, and the redirect breaks the subscriber's choice.
    expectViolationsReplay(two, properties);
  });

  it('is what `--workers 2` runs on a system of records', async () => {
    const { system, properties } = scenario('t2-failure-report');
    const outcome = await searchExhaustiveParallel(system, properties, { workers: 2, source: { module: new URL('../../../src/cli/systems.ts', import.meta.url).href, name: system.name, config: system.config } });
    expect(outcome.workers).toBe(2);
    expect(outcome.stats.leftOut).toBeGreaterThan(0);
    expect(outcome.stats.states).toBe(searchExhaustive(system, properties).stats.states);
  });

  it('stops at the state limit, inconclusive, with exactly that many states', async () => {
    const { system, properties } = scenario('t5-replaced-tre');
    const outcome = await searchPipelined(system, properties, options({ maxStates: 500 }));
    expect(outcome.stats.states).toBe(500);
    const open = outcome.verdicts.filter(({ verdict }) => verdict.kind !== 'violated');
    expect(open.length).toBeGreaterThan(0);
    for (const { verdict } of open) expect(verdict).toMatchObject({ kind: 'inconclusive', limit: 'states' });
  });

  it('stops at the time limit, inconclusive', async () => {
    const { system, properties } = scenario('t5-replaced-tre', 2);
    const outcome = await searchPipelined(system, properties, options({ timeLimitMs: 0 }));
    for (const { verdict } of outcome.verdicts) if (verdict.kind !== 'violated') expect(verdict).toMatchObject({ kind: 'inconclusive', limit: 'time' });
  });

  it('ends inconclusive with limit memory when the record pool of the store thread reaches its ceiling', async () => {
    const { system, properties } = scenario('t5-replaced-tre');
    setRecordPoolCeiling(4096);
    try {
      const outcome = await searchPipelined(system, properties, options());
      expect(outcome.memory.storeLimit).toMatch(/RecordTable: the record pool would pass its ceiling of 4096 bytes/);
      expect(outcome.stats.states).toBeGreaterThan(0);
      for (const { verdict } of outcome.verdicts) if (verdict.kind !== 'violated') expect(verdict).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
    } finally {
      setRecordPoolCeiling(undefined);
    }
  });

  it('ends its store thread and rethrows when this thread fails (a property that throws)', async () => {
    const { system } = scenario('t2-failure-report');
    const throwing = { kind: 'invariant' as const, id: propertyId('Throws'), description: 'throws on a world with injections', holds: (world: World) => {
      if (world.injections > 0) throw new Error('property failed');
      return true;
    } };
    await expect(searchPipelined(system, [throwing], options())).rejects.toThrow('property failed');
  });

  it('does not take trace properties or a depth bound', () => {
    const { system, properties } = scenario('t2-failure-report');
    expect(pipelineFits(system, properties, options({ maxDepth: 5 }))).toBe(false);
  });
});
