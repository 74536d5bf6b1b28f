// A one-thread search that goes on on two threads at a level's end (ExhaustiveOptions.twoThreads): the states, steps
// taken and left out, depth, verdicts and counterexamples of the search that stayed on one thread, whichever level it
// hands over at; violations found before the handover kept, and traces that re-execute.
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import { worldSystemFor } from '../../../models/world/worldSystem.ts';
import { propertiesFor, sanityProperty } from '../../../properties/index.ts';
import { allThreatScenarioConfigs } from '../../../properties/threats/threatSuite.ts';
import type { ExhaustiveProgress } from '../../../src/engine/exhaustive/ExhaustiveOptions.ts';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import type { StoreStart } from '../../../src/engine/pipeline/PipelineProtocol.ts';
import { setRecordPoolCeiling } from '../../../src/packing/RecordTable.ts';
import { splitProperties } from '../../../src/engine/searchProperties.ts';
import { summary } from '../parallel/outcomeSummary.ts';
import { expectViolationsReplay } from './expectViolationsReplay.ts';

function scenario(name: string) {
  const config = allThreatScenarioConfigs().find((c) => c.name === name)!;
  const properties = splitProperties([...propertiesFor(config).map((p) => p.property), sanityProperty]).safety;
  return { system: worldSystemFor(config, properties), properties };
}

/** Hands over at the end of level `depth`, waiting there for the thread. */
const atDepth = (depth: number) => ({ twoThreads: { afterMs: 0, startIf: (p: ExhaustiveProgress) => p.depth >= depth, waitForThread: true } });

describe('searchExhaustive going on on two threads', () => {
  // With injections, relays at receipt and the kept relays' assumption; the last with a finding about the text, which
  // the search at level 20 has found already (its sanity goal too).
  it.each([
    ['t2-failure-report', 1],
    ['t5-replaced-tre', 12],
    ['t2-dishonest-ro-redirect', 20],
  ])('finds what the one-thread search finds: %s, handed over at level %i', (name, depth) => {
    const { system, properties } = scenario(name);
    const one = searchExhaustive(system, properties);
    const two = searchExhaustive(scenario(name).system, properties, atDepth(depth));
    expect(two.workers).toBe(2);
    expect(two.stats.twoThreads?.fromLevel).toBe(depth);
    expect(two.stats.twoThreads?.fromStates).toBeGreaterThan(0);
    expect(two.stats.twoThreads?.fromStates).toBeLessThan(one.stats.states);
    expect(summary(two)).toEqual(summary(one));
    expect(two.stats.leftOut).toBe(one.stats.leftOut);
    expect(two.stats.assumption).toEqual(one.stats.assumption);
    expectViolationsReplay(two, properties);
  });

  it('stays on one thread while the start is not asked for, or the system of records has a record no search found', () => {
    const { system, properties } = scenario('t2-failure-report');
    const never = searchExhaustive(system, properties, { twoThreads: { afterMs: 0, startIf: () => false, waitForThread: true } });
    expect(never.workers).toBe(1);
    expect(never.stats.twoThreads).toBeUndefined();
    // The same system searched again: its table holds the first search's records before the second finds them.
    const again = searchExhaustive(system, properties, atDepth(1));
    expect(again.workers).toBe(1);
    expect(summary(again)).toEqual(summary(never));
  });

  it('keeps none of the records it handed over, and the same system searched again finds the same', () => {
    const { system, properties } = scenario('t5-replaced-tre');
    const two = searchExhaustive(system, properties, atDepth(12));
    expect(two.workers).toBe(2);
    // Moved to the store thread: what this thread's table holds is the initial world and the worlds the traces'
    // re-execution stepped through, not the worlds found before the handover.
    const held = system.records!.keyTable().size;
    expect(held).toBeLessThan(two.stats.twoThreads!.fromStates / 4);
    expect(summary(searchExhaustive(system, properties))).toEqual(summary(two));
  });

  // A buffer transferred from this thread would be detached here, which throws away its optimised code and slows what
  // runs after (RecordTable.moveOut).
  it('hands over without transferring a buffer of this thread: everything it hands on shared memory', () => {
    const post = vi.spyOn(Worker.prototype, 'postMessage');
    try {
      const { system, properties } = scenario('t5-replaced-tre');
      expect(searchExhaustive(system, properties, atDepth(12)).workers).toBe(2);
      expect(post.mock.calls.every(([, transfer]) => transfer === undefined || transfer.length === 0)).toBe(true);
      const handover = post.mock.calls.map(([message]) => (message as StoreStart).handover).find((h) => h !== undefined)!;
      const arrays = [...handover.table.segments, handover.table.slots, handover.parents, handover.actions, handover.frontier, handover.tags];
      expect(arrays.every((array) => array.buffer instanceof SharedArrayBuffer && array.byteLength > 0)).toBe(true);
    } finally {
      post.mockRestore();
    }
  });

  it('keeps the record pool\'s ceiling across the handover: the store reaches it, inconclusive with limit memory', () => {
    setRecordPoolCeiling(8192);
    try {
      const { system, properties } = scenario('t5-replaced-tre');
      const outcome = searchExhaustive(system, properties, atDepth(3));
      expect(outcome.workers).toBe(2);
      expect(outcome.stats.twoThreads?.fromLevel).toBe(3);
      expect(outcome.memory.storeLimit).toMatch(/RecordTable: the record pool would pass its ceiling of 8192 bytes/);
      for (const { verdict } of outcome.verdicts) if (verdict.kind !== 'violated') expect(verdict).toMatchObject({ kind: 'inconclusive', limit: 'memory' });
    } finally {
      setRecordPoolCeiling(undefined);
    }
  });

  it('asks whether to start the thread at each level\'s end until it says yes, with the progress so far', () => {
    const { system, properties } = scenario('t5-replaced-tre');
    const asked: ExhaustiveProgress[] = [];
    const outcome = searchExhaustive(system, properties, { twoThreads: { afterMs: 0, startIf: (p) => asked.push(p) === 3, waitForThread: true } });
    expect(asked.map((p) => p.depth)).toEqual([1, 2, 3]);
    expect(asked[2]!.states).toBe(outcome.stats.twoThreads?.fromStates);
    expect(outcome.stats.twoThreads?.fromLevel).toBe(3);
    expect(summary(outcome)).toEqual(summary(searchExhaustive(scenario('t5-replaced-tre').system, properties)));
  });

  it('stops at the state limit on the store thread, inconclusive, with exactly that many states', () => {
    const { system, properties } = scenario('t5-replaced-tre');
    const outcome = searchExhaustive(system, properties, { maxStates: 500, ...atDepth(5) });
    expect(outcome.workers).toBe(2);
    expect(outcome.stats.states).toBe(500);
    const open = outcome.verdicts.filter(({ verdict }) => verdict.kind !== 'violated');
    expect(open.length).toBeGreaterThan(0);
    for (const { verdict } of open) expect(verdict).toMatchObject({ kind: 'inconclusive', limit: 'states' });
  });
});
