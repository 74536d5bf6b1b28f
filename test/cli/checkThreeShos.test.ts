// A third SHO (scenario field `shos: 3`, examples/scenarios/three-shos.json): the subscriber changes operator twice,
// sho1 -> sho2 -> sho3, and `trecheck check --config` gives every claim a verdict; the two instructions in flight
// reproduce finding 14 of docs/threats.md with three operators, and the trace replays on live actors.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { exampleScenario as example } from './exampleScenario.ts';
import { resolveScenario } from '../../models/flows/ScenarioConfig.ts';
import { castFor } from '../../models/flows/castFor.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-three-shos-'));

describe('a scenario with three SHOs', () => {
  it('adds sho3 after the other roles, and only to a second change of operator without an attacker', () => {
    const r = resolveScenario({ flow: 'change-via-old-sho', changeRequests: 2, shos: 3 });
    if (!r.ok) throw new Error(r.error.message);
    expect(castFor(r.config).map((m) => m.id).slice(-3)).toEqual(['sho1', 'sho2', 'sho3']);
    expect(resolveScenario({ flow: 'change-via-old-sho', shos: 3 })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^scenario\.shos: /) } });
    expect(resolveScenario({ flow: 'change-via-old-sho', changeRequests: 2, shos: 3, attacker: { capabilities: ['network'] } }))
      .toMatchObject({ ok: false, error: { message: expect.stringMatching(/^scenario\.shos: /) } });
  });

  it('changes operator twice in the honest run, and finds the later instruction overtaken by the earlier one', async () => {
    const out = join(root, 'three');
    const r = await runCliCaptured(['check', '--config', example('three-shos.json'), '--no-baseline', '--out', out]);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('honest run: goal reached in 52 steps (live actors: 52 steps, same final states)');
    expect(r.stdout).toContain('TRE registry: mcim:sho3 Activated; sho3: Serving, report success; old SHO sho2: Released');
    expect(r.stdout).toMatch(/exhaustive search: 7,997 states/);
    expect(r.stdout).toMatch(/AtMostOneMcimActive \[[^\]]*\]: holds for every trace/);
    expect(r.stdout).toMatch(/SubscriberChoiceHonoured \[[^\]]*\]: holds for every trace/);
    expect(r.stdout).toMatch(/HonestRunEndsAtGoal \[[^\]]*\]: VIOLATED: counterexample of 50 steps/);
    expect(r.stdout).toContain('sho3 is Released with report \'success\', expected Serving with \'success\'');
    const replay = await runCliCaptured(['replay', join(out, 'traces', 'tr33812-alt1a.change-of-operator-twice-three-shos.HonestRunEndsAtGoal.exhaustive.json')]);
    expect(replay.stdout).toContain('live actors agree on every state');
  });
});
