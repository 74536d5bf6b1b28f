// The scenario files of the properties of service (examples/scenarios/) run in `trecheck check --config` with their
// verdicts: the dishonest RO's redirect breaks SubscriberChoiceHonoured, the silent old SHO ServiceEventually; the
// saved lasso replays with `trecheck replay`.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { exampleScenario as example } from './exampleScenario.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-service-'));

describe('trecheck check --config on the scenarios of service', () => {
  it('finds the dishonest RO sending the M2ME to an SHO the subscriber did not select', async () => {
    const r = await runCliCaptured(['check', '--config', example('dishonest-ro-redirect.json'), '--no-baseline', '--out', join(root, 'ro')]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/SubscriberChoiceHonoured \[[^\]]*\]: VIOLATED: counterexample of 19 steps/);
    expect(r.stdout).toContain('actual: a registration at sho2');
  });

  it('finds the old SHO that never acknowledges: service stays reachable but never comes, and the lasso replays', async () => {
    const out = join(root, 'silent');
    const r = await runCliCaptured(['check', '--config', example('old-sho-silent.json'), '--no-baseline', '--out', out]);

    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/ServiceRecoverable \[[^\]]*\]: holds for every trace up to depth \d+ \(complete: /);
    expect(r.stdout).toMatch(/ServiceEventually \[[^\]]*\]: VIOLATED: counterexample of 16 steps \(exhaustive, shortest, then no fair step forever\); assuming weak fairness of each of: /);
    expect(r.stdout).toContain('may stall: sho1');
    const replay = await runCliCaptured(['replay', join(out, 'traces', 'tr33812-alt1a.old-sho-silent.ServiceEventually.exhaustive.json')]);
    expect(replay.code).toBe(1);
    expect(replay.stdout).toContain('reproduced: ServiceEventually is violated after step 16 of 16, as saved: the run stays in its last state, where no fair step is enabled');
    expect(replay.stdout).toContain('live actors agree on every state');
  });
});
