// Predicates memoised by the part of the world they read; a predicate of the roles, beyond that, by the roles it read:
// the same answers as the predicate itself in every reachable world, far fewer evaluations than tuples, and a loud
// error for a predicate whose reads do not follow from the roles it read.
import { describe, expect, it } from 'vitest';
import { presets } from '../../../models/flows/presets.ts';
import { onPart, partOfInvariant } from '../../../models/world/onPart.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import { forEachSuccessor, roleSnapshot, worldKey, type World } from '../../../models/world/World.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';

function reachable(name: string): World[] {
  const config = presets.find((c) => c.name === name)!;
  const initial = worldSystem(config).initialStates()[0]!;
  const seen = new Map<number, World>([[worldKey(initial), initial]]);
  let frontier = [initial];
  while (frontier.length > 0) {
    const next: World[] = [];
    for (const w of frontier) forEachSuccessor(w, (_, n) => {
      if (!seen.has(worldKey(n))) {
        seen.set(worldKey(n), n);
        next.push(n);
      }
    });
    frontier = next;
  }
  return [...seen.values()];
}

describe('onPart', () => {
  it('answers a predicate of the roles as the predicate does, evaluating it once per distinct state of the roles it read', () => {
    const worlds = reachable('initial-3gpp');
    let evaluations = 0;
    // Reads the TRE, and the SHO only while the TRE is not yet provisioned: the roles read depend on what was read.
    const direct = (world: World): boolean => {
      evaluations++;
      const tre = roleSnapshot(world, 'tre');
      return JSON.stringify(tre.value).includes('Provisioned') || JSON.stringify(roleSnapshot(world, 'sho1').value).length % 2 === 0;
    };
    const memoised = onPart('roles', direct);
    const answers = worlds.map((w) => memoised(w));
    const evaluatedMemoised = evaluations;
    expect(worlds.map((w) => direct(w))).toEqual(answers);
    const tuples = new Set(worlds.map((w) => w.rolesId)).size;
    const reads = new Set(worlds.map((w) => {
      const tre = JSON.stringify(roleSnapshot(w, 'tre'));
      return tre.includes('Provisioned') ? tre : `${tre}|${JSON.stringify(roleSnapshot(w, 'sho1'))}`;
    })).size;
    expect(tuples).toBeGreaterThan(50);
    // Once per distinct state of what it read (the snapshots' texts may tell apart states the tables merge: at most).
    expect(evaluatedMemoised).toBeLessThanOrEqual(reads);
    expect(evaluatedMemoised).toBeLessThan(tuples / 5);
    expect(answers.some((a) => a) && answers.some((a) => !a)).toBe(true);
  });

  it('refuses a predicate of the roles whose reads follow from something else than the roles it read', () => {
    const worlds = reachable('initial-3gpp');
    let calls = 0;
    // Reads the TRE first on one call and the SHO first on the next, whatever the world: not a function of the roles.
    const fickle = onPart('roles', (world) => (calls++ % 2 === 0 ? roleSnapshot(world, 'tre') : roleSnapshot(world, 'sho1')) !== undefined);
    expect(() => worlds.forEach((w) => fickle(w))).toThrow(/read them differently after the same reads/);
  });

  it('names the part a claim reads alone to the search (partOfInvariant): the roles and the observations, by their ids', () => {
    const claim = (holds: (world: World) => boolean): Invariant<World> => ({ kind: 'invariant', id: propertyId('Claim'), description: 'a claim', holds });
    const world = reachable('initial-3gpp').at(-1)!;
    const roles = partOfInvariant(claim(onPart('roles', () => true)));
    const knowledge = partOfInvariant(claim(onPart('knowledge', () => true)));
    expect([roles?.name, roles?.id(world)]).toEqual(['roles', world.rolesId]);
    expect([knowledge?.name, knowledge?.id(world)]).toEqual(['knowledge', world.observedId]);
    // The network has no id, and a predicate not made by onPart may read anything.
    expect(partOfInvariant(claim(onPart('net', () => true)))).toBeUndefined();
    expect(partOfInvariant(claim(() => true))).toBeUndefined();
  });
});
