// The claims over several TREs (McimInstalledOnlyInItsTre, NoMcimCredentialInTwoTres) in the two-device scenarios:
// with every counter-measure on they hold over the whole reachable state space; with the counter-measures that stop
// the clone switched off they fail, by a trace that replays on live actors. One property per search keeps each fast.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { propertiesFor } from '../../properties/index.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { replayTrace } from '../../src/engine/replay/replayTrace.ts';
import { searchWithOff as search } from './searchWithOff.ts';

const cloneIntoSecondTre = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't1-clone-second-tre')!;
const dishonestDpf = JSON.parse(readFileSync(new URL('../../examples/scenarios/dishonest-dpf-second-tre.json', import.meta.url), 'utf8')) as ScenarioInput;

/** The Ki ids in the registry of TRE role `role` in the last state of a trace (its `describeState` view). */
function kisAtEnd(states: readonly unknown[], role: string): string[] {
  const last = states[states.length - 1] as { roles: Record<string, { context: { registry: { ki: string }[] } }> };
  return last.roles[role]!.context.registry.map((e) => e.ki);
}

/** The search finds an attack on `property` whose last state satisfies `shows` and which replays on live actors. */
function expectAttack(input: ScenarioInput, off: readonly string[], property: string, shows: (states: readonly unknown[], actions: readonly string[]) => void): void {
  const found = search(input, off, property);
  expect(found.verdict.kind).toBe('violated');
  if (found.verdict.kind !== 'violated') return;
  shows(found.verdict.trace.states, found.verdict.trace.actions);
  const replay = replayTrace(worldSystem(found.config), found.entry.property, found.verdict.trace);
  expect(replay.result.kind).toBe('reproduced');
  expect(replay.live).toEqual({ mismatch: undefined });
}

describe('claims over several TREs', () => {
  it('are judged where a scenario has two devices, and only there', () => {
    const ids = (input: ScenarioInput) => {
      const r = resolveScenario(input);
      if (!r.ok) throw new Error(r.error.message);
      return propertiesFor(r.config).map((p) => p.property.id as string);
    };

    expect(ids({ flow: 'initial-3gpp', devices: 2 })).toEqual(expect.arrayContaining(['McimInstalledOnlyInItsTre', 'NoMcimCredentialInTwoTres']));
    expect(ids({ flow: 'initial-3gpp' })).not.toContain('NoMcimCredentialInTwoTres');
    expect(ids({ flow: 'initial-3gpp' })).not.toContain('McimInstalledOnlyInItsTre');
  });

  it('t1-clone-second-tre: with every counter-measure on, no Ki is in two TREs and no TRE installs another\'s MCIM', () => {
    expect(search(cloneIntoSecondTre, [], 'NoMcimCredentialInTwoTres').verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    expect(search(cloneIntoSecondTre, [], 'McimInstalledOnlyInItsTre').verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });

  it('t1-clone-second-tre with t2.cm3 (t1 cm1), t2.cm4 and t12.cm2 off: the clone of dev1\'s host puts its Ki into tre@dev2', () => {
    expectAttack(cloneIntoSecondTre, ['t2.cm3', 't2.cm4', 't12.cm2'], 'NoMcimCredentialInTwoTres', (states) => {
      expect(kisAtEnd(states, 'tre')).toContain('ki:sho1');
      expect(kisAtEnd(states, 'tre@dev2')).toContain('ki:sho1');
    });
  });

  it('t1-clone-second-tre with t2.cm4 off: tre@dev2 installs an MCIM object no SHO issued for its registration', () => {
    expectAttack(cloneIntoSecondTre, ['t2.cm4'], 'McimInstalledOnlyInItsTre', (_, actions) => {
      expect(actions.some((a) => a.startsWith('attacker>m2me@dev2 mcimDownload (injected as ro)'))).toBe(true);
      expect(actions[actions.length - 1]).toMatch(/^m2me@dev2>tre@dev2 mcimDownload /);
    });
  });

  it('a dishonest DPF that generated the credentials (5.1.3.4.3): with t2.cm4 and t12.cm2 off it clones dev1\'s Ki into tre@dev2; on, it cannot', () => {
    expectAttack(dishonestDpf, ['t2.cm4', 't12.cm2'], 'NoMcimCredentialInTwoTres', (states) => {
      expect(kisAtEnd(states, 'tre@dev2')).toContain('ki:sho1');
    });
    expect(search(dishonestDpf, [], 'NoMcimCredentialInTwoTres').verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});
