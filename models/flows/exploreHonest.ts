// Every interleaving of an honest scenario, breadth first: does each end state reach the goal? A small,
// bounded cross-check of the scheduled runs until the search engine drives the world (issue 2).
import type { RoleId } from '../roleIds.ts';
import { enabledEvents, eventLabel, initialWorld, roleSnapshot, stepWorld, worldKey, type World } from '../world/World.ts';
import { activeMcims, flowOutcome } from './flowOutcome.ts';
import type { ScenarioConfig } from './ScenarioConfig.ts';

export interface HonestExploration {
  readonly states: number;
  readonly endStates: number;
  /** End states that miss the goal, with the unmet parts and a shortest path to the first one found. */
  readonly endStatesMissingGoal: number;
  readonly firstMiss: { readonly unmet: readonly string[]; readonly path: readonly string[] } | null;
  /** Largest number of MCIMs active at once in any reachable state. */
  readonly maxActiveMcims: number;
  /** True when `maxStates` cut the exploration short: the figures then cover part of the space only. */
  readonly truncated: boolean;
}

export function exploreHonest(config: ScenarioConfig, maxStates = 100_000): HonestExploration {
  const start = initialWorld(config);
  const parent = new Map<string, { from: string; label: string } | null>([[worldKey(start), null]]);
  const queue: World[] = [start];
  let endStates = 0;
  let missing = 0;
  let maxActive = 0;
  let firstMiss: HonestExploration['firstMiss'] = null;
  let truncated = false;
  for (let head = 0; head < queue.length; head++) {
    const world = queue[head]!;
    const snapshotOf = (id: RoleId) => roleSnapshot(world, id);
    maxActive = Math.max(maxActive, activeMcims(snapshotOf));
    const events = enabledEvents(world);
    if (events.length === 0) {
      endStates++;
      const outcome = flowOutcome(config, snapshotOf, { maxActiveMcims: 0, steps: 0, quiescent: true });
      if (!outcome.goalReached) {
        missing++;
        firstMiss ??= { unmet: outcome.unmet, path: pathTo(parent, worldKey(world)) };
      }
    }
    for (const e of events) {
      const next = stepWorld(world, e);
      const key = worldKey(next);
      if (parent.has(key)) continue;
      if (parent.size >= maxStates) {
        truncated = true;
        continue;
      }
      parent.set(key, { from: worldKey(world), label: eventLabel(world, e) });
      queue.push(next);
    }
  }
  return { states: parent.size, endStates, endStatesMissingGoal: missing, firstMiss, maxActiveMcims: maxActive, truncated };
}

function pathTo(parent: Map<string, { from: string; label: string } | null>, key: string): string[] {
  const labels: string[] = [];
  for (let link = parent.get(key); link; link = parent.get(link.from)) labels.push(link.label);
  return labels.reverse();
}
