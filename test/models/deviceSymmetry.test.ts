// The TR world's symmetry of two identical honest devices (models/world/deviceSymmetry.ts): declared only where the
// scenario treats the devices and SHOs alike, a symmetry of the state graph (checked over every reachable world and
// step), one world of each pair kept whether steps are left out under it or not, the
// verdicts of the full search on about half the worlds, off when a property names dev1, and a counterexample found
// on representatives mapped back to a real trace that replays on live actors.
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioConfig } from '../../models/flows/ScenarioConfig.ts';
import { DeviceSwap, swapBreaker, swapName, swapRole } from '../../models/world/deviceSymmetry.ts';
import { enabledEvents, stepWorld, type World, type WorldEvent } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { tresOf } from '../../properties/claims/worldReaders.ts';
import { buildSystem } from '../../src/cli/systems/worldSystemEntry.ts';
import { searchExhaustive, symmetrySetting } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import type { System } from '../../src/engine/System.ts';
import { allRoleIds } from '../../models/roleIds.ts';
import { checkSymmetryLaws } from '../engine/symmetryLaws.ts';

const scenario = (input: object): ScenarioConfig => {
  const resolved = resolveScenario(input);
  if (!resolved.ok) throw new Error(resolved.error.message);
  return resolved.config;
};

const twoDevices = { flow: 'initial-3gpp', devices: 2 };
const symmetricIds = ['McimSecretNeverLeaves', 'NoMcimCredentialInTwoTres', 'McimInstalledOnlyInItsTre', 'NoSecretInClearOnHostInterface'];

describe('the symmetry of two identical devices', () => {
  it('renames both ways: names and roles are swapped back by a second swap', () => {
    for (const text of ['pcid:dev1', 'mcim:sho2', 'nreg:pcid:dev2:1', 'sk:tre:dev1', 'supplier']) expect(swapName(swapName(text))).toBe(text);
    expect(swapName('k:init:dev1')).toBe('k:init:dev2');
    for (const role of allRoleIds) expect(swapRole(swapRole(role))).toBe(role);
    expect(swapRole('tre')).toBe('tre@dev2');
    expect(swapRole('ro')).toBe('ro');
  });

  it('is declared only for a scenario that treats the devices and the SHOs alike', () => {
    expect(swapBreaker(scenario(twoDevices))).toBeUndefined();
    expect(worldSystem(scenario(twoDevices)).symmetry).toBeDefined();
    const broken: [object, RegExp][] = [
      [{ flow: 'initial-3gpp' }, /not two devices/],
      [{ ...twoDevices, lifecycleActions: true }, /lifecycle/],
      [{ ...twoDevices, userPinEntry: true }, /PIN/],
      [{ ...twoDevices, attacker: { capabilities: ['network'], injections: 1 } }, /attacker/],
      [{ ...twoDevices, sho: 'sho2' }, /chooses sho2/],
      [{ ...twoDevices, faults: { tamper: true } }, /faults/],
    ];
    for (const [input, reason] of broken) {
      const config = scenario(input);
      expect(swapBreaker(config)).toMatch(reason);
      expect(worldSystem(config).symmetry).toBeUndefined();
    }
  });

  it('is a symmetry of the state graph over the first reachable worlds: representatives fixed, successors alike up to the swap', () => {
    const built = buildSystem('tr33812-alt1a', twoDevices);
    const check = checkSymmetryLaws(built.system, built.properties.filter((p) => symmetricIds.includes(p.id)), 20_000);
    expect(check.problems).toEqual([]);
    expect(check.orbits).toBeLessThan(check.states);
  });

  it('commutes with every step of every reachable world, and the search keeps exactly one world of each pair', () => {
    // The whole space (the laws above check its first worlds only): a TRE's measurement of its MCIM's code is a content
    // id, renamed with the code; a swap that renamed the code alone broke 3,312 of these steps past depth 30.
    const system = worldSystem(scenario(twoDevices));
    const initial = system.initialStates()[0]!;
    const swap = new DeviceSwap(initial.model);
    const localImages = swap.localEventImages()!;
    const seen = new Set<number>([initial.at]);
    const pairs = new Set<number>();
    const broken: string[] = [];
    for (let level = [initial]; level.length > 0; ) {
      const next: World[] = [];
      for (const q of level) {
        const image = swap.swapped(q);
        pairs.add(Math.min(q.at, image.at));
        for (const a of enabledEvents(q)) {
          const w = stepWorld(q, a);
          if (stepWorld(image, swap.swappedEvent(a, localImages)).at !== swap.swapped(w).at && broken.length < 3) broken.push(JSON.stringify(a));
          if (!seen.has(w.at)) {
            seen.add(w.at);
            next.push(w);
          }
        }
      }
      level = next;
    }
    expect(broken).toEqual([]);
    const symmetric = worldSystem(scenario(twoDevices));
    const properties = buildSystem('tr33812-alt1a', twoDevices).properties.filter((p) => symmetricIds.includes(p.id));
    // Steps left out under the symmetry (an order of role classes it keeps) and none: the same pairs.
    const leaving = searchExhaustive(symmetric, properties, { symmetry: true });
    const taking = searchExhaustive(worldSystem(scenario(twoDevices)), properties, { symmetry: true, reduction: false });
    expect(leaving.stats.states).toBe(pairs.size);
    expect(taking.stats.states).toBe(pairs.size);
    expect(leaving.stats.leftOut).toBeGreaterThan(0);
    expect(leaving.stats.transitions).toBeLessThan(taking.stats.transitions);
    expect(pairs.size).toBeLessThan(seen.size);
  });

  it('gives the full search verdicts on about half the worlds, only for the properties that read every device alike', () => {
    const built = buildSystem('tr33812-alt1a', twoDevices);
    const symmetric = built.properties.filter((p) => symmetricIds.includes(p.id));
    expect(symmetric.map((p) => p.id).sort()).toEqual([...symmetricIds].sort());
    const full = searchExhaustive(built.system, symmetric);
    const reduced = searchExhaustive(built.system, symmetric, { symmetry: true });
    expect(reduced.stats.symmetry).toEqual({ applied: true });
    expect(reduced.verdicts.map((v) => [v.property, v.verdict.kind])).toEqual(full.verdicts.map((v) => [v.property, v.verdict.kind]));
    expect(reduced.stats.depth).toBe(full.stats.depth);
    // An orbit has one or two worlds.
    expect(reduced.stats.states).toBeLessThan(full.stats.states);
    expect(2 * reduced.stats.states).toBeGreaterThanOrEqual(full.stats.states);
    // With every property of the scenario, one reads dev1's TRE alone: the reduction is off, naming it.
    expect(symmetrySetting(built.system, built.properties, true, false)).toEqual({ applied: false, reason: 'property', property: 'AtMostOneMcimActive' });
  });

  it('maps a counterexample found on representatives back to a real trace of the same length that replays on live actors', () => {
    const config = scenario(twoDevices);
    const plain = worldSystem(config);
    // Symmetric (every TRE alike) and violated: some TRE installs an MCIM. Declared preserved for this test only.
    const nothingInstalled: Invariant<World> = {
      kind: 'invariant',
      id: propertyId('NoTreInstallsAnMcim'),
      description: 'no TRE installs an MCIM',
      holds: (world) => tresOf(world).every(({ tre }) => tre.installs.length === 0),
    };
    const system: System<World, WorldEvent> = { ...plain, symmetry: { ...plain.symmetry!, preserves: () => true } };
    const found = searchExhaustive(system, [nothingInstalled], { symmetry: true, stopAtFirst: true }).verdicts[0]!.verdict;
    const shortest = searchExhaustive(plain, [nothingInstalled], { stopAtFirst: true }).verdicts[0]!.verdict;
    if (found.kind !== 'violated' || shortest.kind !== 'violated') throw new Error('some TRE must install an MCIM');
    expect(found.trace.actions).toHaveLength(shortest.trace.actions.length);
    const replayed = replayTrace(worldSystem(config), nothingInstalled, found.trace);
    expect(replayed.result).toMatchObject({ kind: 'reproduced', steps: found.trace.actions.length });
    expect(replayed.live).toEqual({ mismatch: undefined });
  });
});
