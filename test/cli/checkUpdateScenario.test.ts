// The MCIM update scenario file (examples/scenarios/mcim-update.json) runs in `trecheck check --config` with its
// verdicts: the owner check holds against the synthesising network attacker, the replayed update is found and replays.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { exampleScenario as example } from './exampleScenario.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-update-'));

describe('trecheck check --config on an MCIM update', () => {
  it('holds McimUpdatedOnlyByItsSho, and finds the replayed update, whose trace replays on live actors', async () => {
    const out = join(root, 'update');
    const r = await runCliCaptured(['check', '--config', example('mcim-update.json'), '--property', 'McimUpdatedOnlyByItsSho', '--property', 'McimUpdateAppliedOncePerIssue', '--no-baseline', '--out', out]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/McimUpdatedOnlyByItsSho \[[^\]]*\]: holds for every trace up to depth 45 \(complete: 2,585 states/);
    expect(r.stdout).toMatch(/McimUpdateAppliedOncePerIssue \[[^\]]*\]: VIOLATED: counterexample of 35 steps/);
    const replay = await runCliCaptured(['replay', join(out, 'traces', 'tr33812-alt1a.mcim-update-forged.McimUpdateAppliedOncePerIssue.exhaustive.json')]);
    expect(replay.stdout).toContain('reproduced: McimUpdateAppliedOncePerIssue is violated after step 35 of 35');
    expect(replay.stdout).toContain('live actors agree on every state');
  });

  it('with t7.cm7 off, applies the attacker\'s own update', async () => {
    const r = await runCliCaptured(['check', '--config', example('mcim-update.json'), '--property', 'McimUpdatedOnlyByItsSho', '--off', 't7.cm7', '--no-baseline', '--out', join(root, 'off')]);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('applied sign(<mcimUpdate, pcid:dev1, mcim:sho1, nreg:pcid:dev1:1, code:attacker>, sk:attacker) to mcim:sho1');
  });
});
