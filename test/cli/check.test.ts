// `trecheck check` transcripts: honest flows, exit codes, one-line errors for bad input.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

const dir = mkdtempSync(join(tmpdir(), 'trecheck-check-'));
const file = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('trecheck check', () => {
  it('runs every built-in scenario and exits 0 when all reach their goal', async () => {
    const r = await runCliCaptured(['check']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('7 of 7 scenario(s) reach their goal.');
    expect(r.stdout).toContain('change-via-old-sho-both-present: goal reached');
    expect(r.stdout).toContain('TRE registry: mcim:sho1 Blocked, mcim:sho2 Activated');
    expect(r.stdout).toContain('same final states');
  });

  it('runs the scenarios of one flow', async () => {
    const r = await runCliCaptured(['check', '--flow', 'initial-non3gpp']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('initial-non3gpp-authenticated: goal reached');
    expect(r.stdout).toContain('initial-non3gpp-unauthenticated: goal reached');
    expect(r.stdout).toContain('2 of 2 scenario(s)');
  });

  it('prints JSON with --json', async () => {
    const r = await runCliCaptured(['check', '--flow', 'delayed-activation', '--json']);
    expect(r.code).toBe(0);
    const data = JSON.parse(r.stdout) as { pure: { goalReached: boolean; sho: unknown }; agree: boolean }[];
    expect(data).toHaveLength(1);
    expect(data[0]!.pure.goalReached).toBe(true);
    expect(data[0]!.pure.sho).toEqual({ id: 'sho1', state: 'Serving', report: 'success' });
    expect(data[0]!.agree).toBe(true);
  });

  it('reads scenarios from a config file', async () => {
    const p = file('ok.json', JSON.stringify([{ flow: 'change-via-pristine', sho: 'sho1' }]));
    const r = await runCliCaptured(['check', '--config', p]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('sho1: Serving, report success; old SHO sho2: Serving');
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
