// The scenario files of MCIM storage, repeated changes and the user's scenarios (examples/scenarios/) run in
// `trecheck check --config` with their verdicts; a refused MCIM's trace replays, and each user switch breaks its claim.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { exampleScenario as example } from './exampleScenario.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-storage-'));

describe('trecheck check --config on storage and repeated changes', () => {
  it('finds the TRE of capacity 1 refusing the new SHO\'s MCIM at step 7', async () => {
    const r = await runCliCaptured(['check', '--config', example('capacity-1.json'), '--no-baseline', '--out', join(root, 'one')]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ProvisionedMcimNotRefused \[[^\]]*\]: VIOLATED: counterexample of \d+ steps/);
    expect(r.stdout).toContain('refused while it holds mcim:sho1 Selected (1 instance(s), capacity 1)');
    expect(r.stdout).toMatch(/AtMostOneMcimActive \[[^\]]*\]: holds for every trace/);
  });

  it('finds repeated provisioning filling a TRE of capacity 2, and the trace replays', async () => {
    const out = join(root, 'two');
    const r = await runCliCaptured(['check', '--config', example('repeated-provisioning-capacity-2.json'), '--no-baseline', '--out', out]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ProvisionedMcimNotRefused \[[^\]]*\]: VIOLATED: counterexample of 33 steps/);
    expect(r.stdout).toContain('refused while it holds mcim:sho1 Retired, mcim:sho2 Activated (2 instance(s), capacity 2)');
    const replay = await runCliCaptured(['replay', join(out, 'traces', 'tr33812-alt1a.repeated-provisioning-capacity-2.ProvisionedMcimNotRefused.exhaustive.json')]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('reproduced: ProvisionedMcimNotRefused is violated after step 33 of 33');
    expect(replay.stdout).toContain('live actors agree on every state');
  });

  it('gives two changes in flight a verdict for every claim: one MCIM active, choices honoured, the last choice missed', async () => {
    const r = await runCliCaptured(['check', '--config', example('two-changes-in-flight.json'), '--no-baseline', '--out', join(root, 'twice')]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/AtMostOneMcimActive \[[^\]]*\]: holds for every trace up to depth 52 \(complete: 4,065 states/);
    expect(r.stdout).toMatch(/SubscriberChoiceHonoured \[[^\]]*\]: holds for every trace/);
    expect(r.stdout).toMatch(/ProvisionedMcimNotRefused \[[^\]]*\]: holds for every trace/);
    expect(r.stdout).toMatch(/HonestRunEndsAtGoal \[[^\]]*\]: VIOLATED: counterexample of 14 steps/);
  });

  // The user's scenarios of t9/t10 cm5, t10 cm10 and t7 cm3: every claim holds with every counter-measure on, and the
  // switch breaks its claim.
  for (const [file, off, property] of [
    ['pin-entry-bus-monitor.json', 't10.cm5', 'NoSecretInClearOnHostInterface'],
    ['gated-instruction.json', 't10.cm10', 'InstructionOnlyForAuthenticatedUser'],
    ['user-deletes.json', 't7.cm3', 'LifecycleChangesOnlyByOwner'],
  ] as const) {
    it(`gives ${file} a verdict for every claim, all holding; with ${off} off ${property} is violated`, async () => {
      const on = await runCliCaptured(['check', '--config', example(file), '--no-baseline', '--out', join(root, `${file}-on`)]);
      expect(on.code).toBe(0);
      expect(on.stdout).toMatch(new RegExp(`${property} \\[[^\\]]*\\]: holds for every trace`));
      const broken = await runCliCaptured(['check', '--config', example(file), '--off', off, '--no-baseline', '--out', join(root, `${file}-off`)]);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toMatch(new RegExp(`${property} \\[[^\\]]*\\]: VIOLATED`));
    });
  }
});
