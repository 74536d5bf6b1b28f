// How a world is stepped for the search: successors' keys that a visit expanding another world leaves as they are
// (World.ts gathers a world's successors before interning them), and the enabledness a step left out is asked for
// agreeing with the step itself.
import { describe, expect, it } from 'vitest';
import type { ScenarioConfig } from '../../models/flows/ScenarioConfig.ts';
import { envelopesOf, forEachSuccessor, forEachSuccessorKey, worldAt, type World } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { allThreatScenarioConfigs } from '../../properties/threats/threatSuite.ts';

const config = (name: string): ScenarioConfig => allThreatScenarioConfigs().find((c) => c.name === name)!;

describe('stepping a world for the search', () => {
  it('give each successor the same key when a visit expands another world before the rest are visited', () => {
    const system = worldSystem(config('t5-replaced-tre'));
    let frontier: World[] = system.initialStates().slice();
    let nested = 0;
    for (let depth = 0; depth < 8; depth++) {
      const next: World[] = [];
      for (const w of frontier) {
        const plain: number[] = [];
        forEachSuccessorKey(w, (_, key) => plain.push(key));
        const withNested: number[] = [];
        forEachSuccessorKey(w, (_, key) => {
          withNested.push(key);
          // A property that steps: expands the successor inside the visit (its own successors pushed above).
          if (key >= 0) {
            forEachSuccessorKey(worldAt(w.model, key), () => nested++);
          }
        });
        expect(withNested).toEqual(plain);
        for (const key of plain) if (key >= 0 && next.length < 50) next.push(worldAt(w.model, key));
      }
      frontier = next;
    }
    expect(nested).toBeGreaterThan(0);
  });

  it('tell a delivery enabled without stepping it exactly when stepping it gives a successor', () => {
    const system = worldSystem(config('t5-replaced-tre'));
    const seen = new Set<number>();
    let frontier: World[] = system.initialStates().slice();
    let checked = 0;
    let enabled = 0;
    while (frontier.length > 0 && seen.size < 3000) {
      const next: World[] = [];
      for (const w of frontier) {
        const model = w.model;
        for (const e of new Set(envelopesOf(w))) {
          const receiver = model.receivers[e]!;
          const delivery = model.deliveries[e]!;
          const stepped = model.roleStep(w.rolesId, receiver, delivery) >= 0;
          expect(model.enabledStep(w.rolesId, receiver, delivery)).toBe(stepped);
          checked++;
          if (stepped) enabled++;
        }
        forEachSuccessor(w, (_, n) => {
          if (!seen.has(n.at)) {
            seen.add(n.at);
            next.push(n);
          }
        });
      }
      frontier = next;
    }
    // Both answers occur: messages the receiver takes and messages it cannot take in its state.
    expect(enabled).toBeGreaterThan(0);
    expect(checked - enabled).toBeGreaterThan(0);
  });
});
