// The two-device scenario file of the dishonest DPF (examples/scenarios/dishonest-dpf-second-tre.json) runs in
// `trecheck check --config` with its verdicts, and its cloning attack, once the counter-measures that stop it are
// off, replays with `trecheck replay`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-devices-'));
const scenario = fileURLToPath(new URL('../../examples/scenarios/dishonest-dpf-second-tre.json', import.meta.url));

describe('trecheck check --config on a dishonest DPF with two devices', () => {
  it('holds every Ki in one TRE with every counter-measure on, while the DPF itself holds every Ki (5.1.3.4.3)', async () => {
    const r = await runCliCaptured([
      'check', '--config', scenario, '--no-baseline', '--out', join(root, 'on'), '--property', 'NoMcimCredentialInTwoTres', '--property', 'McimSecretNeverLeaves',
    ]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/NoMcimCredentialInTwoTres \[[^\]]*\]: holds for every trace up to depth \d+ \(complete: /);
    expect(r.stdout).toMatch(/McimSecretNeverLeaves \[[^\]]*\]: VIOLATED: counterexample of 0 steps/);
    expect(r.stdout).toContain('actual: it derives ki:sho1, ki:sho2');
  });

  it('with t2.cm4 and t12.cm2 off, clones dev1\'s Ki into the second TRE by a trace that replays', async () => {
    const out = join(root, 'off');
    const r = await runCliCaptured([
      'check', '--config', scenario, '--no-baseline', '--out', out, '--property', 'NoMcimCredentialInTwoTres', '--off', 't2.cm4', '--off', 't12.cm2',
    ]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/NoMcimCredentialInTwoTres \[[^\]]*\]: VIOLATED: counterexample of \d+ steps/);
    expect(r.stdout).toContain('actual: ki:sho1 in tre and tre@dev2');
    const replay = await runCliCaptured(['replay', join(out, 'traces', 'tr33812-alt1a.dishonest-dpf-second-tre.NoMcimCredentialInTwoTres.exhaustive.json')]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('reproduced');
    expect(replay.stdout).toContain('live actors agree on every state');
  });
});
