// A step's label names one enabled event: replay (and the saved traces it reads) finds the step by its label, so two
// enabled events with one label would let it take the wrong one. Checked on every world a bounded breadth-first walk
// reaches, in scenarios where honest roles answer the attacker as well (two answers of one kind on one channel).
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { enabledEvents, initialWorld, stepWorld, worldKey, type World } from '../../models/world/World.ts';
import { eventLabel } from '../../models/world/eventLabel.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';

function scenario(name: string): ScenarioInput {
  return threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === name)!;
}

/** Labels shared by two events enabled in one world, over the first `limit` worlds of a breadth-first walk. */
function sharedLabels(input: ScenarioInput, limit: number): string[] {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  const start = initialWorld(r.config);
  const seen = new Set<number>([worldKey(start)]);
  const queue: World[] = [start];
  const shared = new Set<string>();
  for (let i = 0; i < queue.length && i < limit; i++) {
    const w = queue[i]!;
    const labels = new Set<string>();
    for (const e of enabledEvents(w)) {
      const label = eventLabel(w, e);
      if (labels.has(label)) shared.add(label);
      labels.add(label);
      const next = stepWorld(w, e);
      const key = worldKey(next);
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return [...shared];
}

describe('eventLabel', () => {
  it.each(['t7-insider-sho', 't2-forged-release', 't7-forged-commands'])('names one enabled event in every world of %s (first 20,000)', (name) => {
    expect(sharedLabels(scenario(name), 20_000)).toEqual([]);
  });
});
