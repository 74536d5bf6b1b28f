// `trecheck check` transcripts: honest runs, the engine's verdict per property, the saved and replayable
// counterexample of the change-via-pristine race, exit codes, one-line errors for bad input.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/CliContext.ts';
import { registerDiffWith, rerunWithCheck } from '../../src/cli/commands/diff.ts';
import { runCliCaptured } from '../../src/cli/main.ts';
import type { PropertyCoverage } from '../../src/text/PropertyCoverage.ts';

const dir = mkdtempSync(join(tmpdir(), 'trecheck-check-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const out = join(dir, 'traces');

describe('trecheck check', () => {
  it('runs every built-in scenario, searches every interleaving, and exits 1 for the one violated property', async () => {
    const r = await runCliCaptured(['check', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('7 of 7 honest run(s) reach their goal.');
    expect(r.stdout).toContain('change-via-old-sho-both-present: goal reached');
    expect(r.stdout).toContain('TRE registry: mcim:sho1 Blocked, mcim:sho2 Activated');
    expect(r.stdout).toContain('same final states');
    // The engine's state counts, one search per scenario.
    const counts = [...r.stdout.matchAll(/exhaustive search: (\d+) states/g)].map((m) => Number(m[1]));
    expect(counts).toEqual([263, 263, 239, 69, 69, 108, 271]);
    expect(r.stdout).toContain('AtMostOneMcimActive: holds for every trace up to depth 35 (complete: 263 states, the whole reachable state space)');
    expect(r.stdout).toContain('HonestRunEndsAtGoal: VIOLATED: counterexample of 23 steps (exhaustive, shortest)');
    expect(r.stdout).toContain('1 of 14 property verdicts VIOLATED: change-via-pristine HonestRunEndsAtGoal.');
    expect(r.stdout).toContain('live actors: agree on every state of the trace');
    const file = join(out, 'tr33812-alt1a.change-via-pristine.HonestRunEndsAtGoal.exhaustive.json');
    expect(r.stdout).toContain(`replay: trecheck replay ${file}`);
    expect(existsSync(file)).toBe(true);
  });

  it('saves a counterexample that trecheck replay reproduces and cross-checks against live actors', async () => {
    const check = await runCliCaptured(['check', '--flow', 'change-via-pristine', '--out', out]);
    expect(check.code).toBe(1);
    const file = /replay: trecheck replay (\S+)/.exec(check.stdout)![1]!;
    const trace = JSON.parse(readFileSync(file, 'utf8')) as { system: string; property: string; actions: string[] };
    expect(trace).toMatchObject({ system: 'tr33812-alt1a', property: 'HonestRunEndsAtGoal' });
    expect(trace.actions).toHaveLength(23);
    const r = await runCliCaptured(['replay', file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('reproduced: HonestRunEndsAtGoal is violated after step 23 of 23, as saved');
    expect(r.stdout).toContain('live cross-check: live actors agree on every state');
  });

  it('exits 0 when every run reaches its goal and every property holds', async () => {
    const r = await runCliCaptured(['check', '--flow', 'initial-non3gpp', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('initial-non3gpp-authenticated: goal reached');
    expect(r.stdout).toContain('initial-non3gpp-unauthenticated: goal reached');
    expect(r.stdout).toContain('2 of 2 honest run(s)');
    expect(r.stdout).toContain('All 4 property verdicts hold.');
    expect(r.stdout).not.toContain('saved:');
  });

  it('prints JSON with --json', async () => {
    const r = await runCliCaptured(['check', '--flow', 'delayed-activation', '--json', '--out', out]);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as {
      scenarios: { pure: { goalReached: boolean; sho: unknown }; agree: boolean; search: { states: number }; properties: { property: string; verdict: string; checks: string[] }[] }[];
      exitCode: number;
    };
    expect(data.scenarios).toHaveLength(1);
    const [s] = data.scenarios;
    expect(s!.pure.goalReached).toBe(true);
    expect(s!.pure.sho).toEqual({ id: 'sho1', state: 'Serving', report: 'success' });
    expect(s!.agree).toBe(true);
    expect(s!.search.states).toBe(271);
    expect(s!.properties.map((p) => [p.property, p.verdict])).toEqual([
      ['AtMostOneMcimActive', 'holds-exhaustively'],
      ['HonestRunEndsAtGoal', 'holds-exhaustively'],
    ]);
    expect(s!.properties[0]!.checks).toContain('004 5.1.3.7.2');
    expect(data.exitCode).toBe(0);
  });

  it('reads scenarios from a config file', async () => {
    const p = file('ok.json', JSON.stringify([{ flow: 'change-via-old-sho', sho: 'sho1' }]));
    const r = await runCliCaptured(['check', '--config', p, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sho1: Serving, report success; old SHO sho2: Released');
  });

  const bad: [string, string[], RegExp][] = [
    ['an unknown flow', ['check', '--flow', 'initial-5g'], /^trecheck: unknown flow 'initial-5g'; expected one of: /],
    ['a missing config file', ['check', '--config', join(dir, 'nope.json')], /^trecheck: cannot read config .*nope\.json: ENOENT$/],
    ['a config that is not JSON', ['check', '--config', file('bad.json', '{flow:')], /^trecheck: config .*bad\.json is not JSON: /],
    ['a malformed scenario', ['check', '--config', file('m.json', '{"flow":"initial-3gpp","access":"wifi"}')], /^trecheck: config .*m\.json: scenario\.access: /],
    ['an impossible variant', ['check', '--config', file('v.json', '[{"flow":"initial-3gpp","bothMcimsPresent":true}]')], /^trecheck: config .*v\.json \[0\]: scenario\.bothMcimsPresent: /],
    ['both --flow and --config', ['check', '--flow', 'initial-3gpp', '--config', 'x.json'], /^trecheck: use --flow or --config, not both$/],
  ];
  for (const [what, argv, message] of bad) {
    it(`rejects ${what} with one line and exit code 2`, async () => {
      const r = await runCliCaptured(argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toMatch(message);
    });
  }
});

describe('trecheck check --property', () => {
  it('checks only the named property', async () => {
    const r = await runCliCaptured(['check', '--flow', 'change-via-pristine', '--property', 'AtMostOneMcimActive', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('AtMostOneMcimActive: holds for every trace');
    expect(r.stdout).not.toContain('HonestRunEndsAtGoal');
    expect(r.stdout).toContain('All 1 property verdicts hold.');
  });

  it('rejects an unknown property with one line and exit code 2', async () => {
    const r = await runCliCaptured(['check', '--property', 'NoSuchClaim']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("trecheck: unknown property 'NoSuchClaim'; expected one of: AtMostOneMcimActive, HonestRunEndsAtGoal\n");
  });
});

describe('trecheck diff --check', () => {
  const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/text/${name}`, import.meta.url));

  async function diffCheck(coverage: readonly PropertyCoverage[]): Promise<{ code: number; stdout: string }> {
    let stdout = '';
    let code = -1;
    const ctx: CliContext = { out: (t) => void (stdout += t), err: (t) => void (stdout += t), interactive: false, exit: (c) => void (code = c) };
    const program = new Command('trecheck').exitOverride();
    registerDiffWith({ propertyCoverage: coverage, rerun: rerunWithCheck })(program, ctx);
    await program.parseAsync(['diff', fixture('diff-old.txt'), fixture('diff-lost.txt'), '--check'], { from: 'user' });
    return { code, stdout };
  }

  it('re-runs exactly the properties whose counter-measure lost text support', async () => {
    // diff-lost.txt drops the only [t6 cm3] reference of diff-old.txt.
    const r = await diffCheck([
      { id: 'HonestRunEndsAtGoal', counterMeasures: ['t6.cm3'] },
      { id: 'AtMostOneMcimActive', counterMeasures: ['t1.cm1'] },
    ]);
    expect(r.stdout).toContain('check: re-running HonestRunEndsAtGoal');
    expect(r.stdout).toContain('HonestRunEndsAtGoal: VIOLATED');
    expect(r.stdout).not.toContain('AtMostOneMcimActive:');
    expect(r.code).toBe(1);
  });

  it('runs nothing when no property checks a touched counter-measure', async () => {
    const r = await diffCheck([{ id: 'AtMostOneMcimActive', counterMeasures: ['t1.cm1'] }]);
    expect(r.stdout).toContain('check: nothing to re-run');
    expect(r.stdout).not.toContain('exhaustive search');
  });
});
