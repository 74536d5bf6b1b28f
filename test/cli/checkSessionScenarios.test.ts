// The scenario files of the OMA DM session and of step 13's failure report (examples/scenarios/) run in
// `trecheck check --config` with their verdicts: without the session's mutual authentication the attacker poses as
// the DM server (its trace replays) while the MCIM claims hold; a TRE too full for an MCIM answers it with a failure.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { exampleScenario as example } from './exampleScenario.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-session-'));

describe('trecheck check --config on the OMA DM session and the failure report', () => {
  it('finds the DM server masquerade with t2.cm4.mutual off, and the trace replays; the MCIM claims hold', async () => {
    const out = join(root, 'session');
    const r = await runCliCaptured(['check', '--config', example('dm-session-no-mutual-auth.json'), '--no-baseline', '--out', out]);

    expect(r.code).toBe(1);
    expect(r.stdout).toContain('switched OFF: t2.cm4.mutual');
    expect(r.stdout).toMatch(/DmSessionPeersAuthenticated \[[^\]]*\]: VIOLATED: counterexample of 25 steps/);
    expect(r.stdout).toContain('tre took sign(<dmServer, pcid:dev1, nreg:pcid:dev1:1>, sk:attacker) as the DPF\'s');
    for (const claim of ['InstalledMcimWasIssuedForThisTre', 'ShoSuccessMeansInstalled', 'McimSecretNeverLeaves']) {
      expect(r.stdout).toMatch(new RegExp(`${claim} \\[[^\\]]*\\]: holds for every trace`));
    }
    const replay = await runCliCaptured(['replay', join(out, 'traces', 'tr33812-alt1a.dm-session-no-mutual-auth.DmSessionPeersAuthenticated.exhaustive.json')]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('reproduced: DmSessionPeersAuthenticated is violated after step 25 of 25');
  });

  it('has the full TRE answer the MCIM it cannot store with a failure: not refused, and the change still never completes', async () => {
    const r = await runCliCaptured(['check', '--config', example('failure-report-capacity-2.json'), '--no-baseline', '--out', join(root, 'failure')]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ProvisionedMcimNotRefused \[[^\]]*\]: holds for every trace/);
    expect(r.stdout).toMatch(/HonestRunEndsAtGoal \[[^\]]*\]: VIOLATED/);
  });
});
