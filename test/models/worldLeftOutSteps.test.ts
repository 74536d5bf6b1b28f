// The TR world leaves out steps by the event that reached a world (eventLeavesOut, System.leavesOut): in every
// built-in and threat scenario, with the properties `check` searches, it finds the same states, depth, verdicts
// and trace lengths as taking every step; and each event it leaves out (in the search's fast path as in
// `eventLeavesOut`) commutes, from the world before, with the event that reached the world, as the engine asks.
import { describe, expect, it } from 'vitest';
import { presets } from '../../models/flows/presets.ts';
import { enabledEvents, eventLeavesOut, forEachSuccessor, forEachSuccessorKey, stepWorld, worldKey, type World, type WorldEvent } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { planCheck } from '../../src/cli/check/planCheck.ts';
import { searchedProperties } from '../../src/cli/check/runCheckJob.ts';
import { splitProperties } from '../../src/engine/searchProperties.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { searchSummary as summary } from '../engine/exhaustive/searchSummary.ts';

const jobs = [...planCheck({ flow: presets.map((c) => c.name) }).jobs, ...planCheck({ threat: threatSuite.map((t) => `t${t.threat}`) }).jobs];

describe('steps the world leaves out', () => {
  it.each(jobs.map((j) => [j.config.name, j] as const))('leave every state, verdict and trace length as they are: %s', (_, job) => {
    const properties = splitProperties(searchedProperties(job)).safety;
    const on = searchExhaustive(worldSystem(job.config), properties);
    const off = searchExhaustive(worldSystem(job.config), properties, { reduction: false });
    expect(summary(on)).toEqual(summary(off));
    // No ample sets (docs/engine.md): the only reduction is the steps left out.
    expect(on.stats.reduction).toBeUndefined();
    expect(on.stats.transitions + on.stats.leftOut!).toBe(off.stats.transitions);
    expect(on.stats.leftOut).toBeGreaterThan(0);
  });

  it.each(['t1-clone', 't8-owner-unblocks', 'change-via-pristine'])('commute, from the world before, with the event that reached the world: %s', (name) => {
    const config = jobs.find((j) => j.config.name === name)!.config;
    const initial = worldSystem(config).initialStates()[0]!;
    // Breadth-first, each world with the world and event that first reached it (the search's parent and via).
    const reachedBy = new Map<number, { readonly from: World; readonly via: WorldEvent }>();
    const seen = new Set([worldKey(initial)]);
    let frontier = [initial];
    let checked = 0;
    while (frontier.length > 0) {
      const next: World[] = [];
      for (const world of frontier) {
        const parent = reachedBy.get(worldKey(world));
        if (parent !== undefined) {
          // The search's fast path leaves out exactly these events.
          forEachSuccessorKey(world, (event, key) => expect(key === -1).toBe(eventLeavesOut(world.model, parent.via, event)), parent.via);
          for (const event of enabledEvents(world)) {
            if (!eventLeavesOut(world.model, parent.via, event)) continue;
            checked++;
            // Enabled before the reaching event, and the two orders reach one world.
            expect(enabledEvents(parent.from)).toContain(event);
            expect(worldKey(stepWorld(stepWorld(parent.from, event), parent.via))).toBe(worldKey(stepWorld(world, event)));
          }
        }
        forEachSuccessor(world, (via, successor) => {
          if (seen.has(worldKey(successor))) return;
          seen.add(worldKey(successor));
          reachedBy.set(worldKey(successor), { from: world, via });
          next.push(successor);
        });
      }
      frontier = next;
    }
    expect(checked).toBeGreaterThan(100);
  });
});
