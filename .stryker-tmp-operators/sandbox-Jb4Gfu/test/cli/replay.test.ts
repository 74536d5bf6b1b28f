// Transcript tests of `trecheck replay`: command, exit code, output.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

async function savedAttack(method: 'exhaustive' | 'random'): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'trecheck-replay-'));
  const { code } = await runCliCaptured(['explore', 'needham-schroeder', '--mode', method, '--workers', '1', '--out', dir]);
  expect(code).toBe(1);
  return join(dir, 'traces', `needham-schroeder.ResponderAgreesWithInitiator.${method}.json`);
}

describe('trecheck replay', () => {
  it('reproduces a saved exhaustive counterexample (exit 1)', async () => {
    const file = await savedAttack('exhaustive');
    const { code, stdout, stderr } = await runCliCaptured(['replay', file]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toBe(
      [
        `replaying ${file}: needham-schroeder {"fix":"none","maxInjections":3}`,
        '  property ResponderAgreesWithInitiator (B commits to a session with A only if A started a run with B), 4 steps, found by exhaustive search',
        '  reproduced: ResponderAgreesWithInitiator is violated after step 4 of 4, as saved: expected A to have started a run with B, actual: A started with I',
        '  live cross-check: none (the system has no live actors)',
        '',
      ].join('\n'),
    );
  });

  it('names the seed and path of a random counterexample', async () => {
    const file = await savedAttack('random');
    const { code, stdout } = await runCliCaptured(['replay', file]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/found by random search, seed 42, path \d+\.\d+\n/);
  });

  it('says where an edited trace diverges (exit 3)', async () => {
    const file = await savedAttack('exhaustive');
    const trace = JSON.parse(readFileSync(file, 'utf8')) as { actions: string[] };
    trace.actions[1] = 'inject to:B aenc(<Nb, A>, pk(skB))';
    writeFileSync(file, JSON.stringify(trace));
    const { code, stdout } = await runCliCaptured(['replay', file]);
    expect(code).toBe(3);
    expect(stdout).toContain('  diverged at step 2: "inject to:B aenc(<Nb, A>, pk(skB))" is not enabled there; enabled: ');
    expect(stdout).toContain('inject to:B aenc(<Na, A>, pk(skB))');
  });

  it('the attack does not replay on Lowe\'s fixed protocol (exit 3)', async () => {
    const file = await savedAttack('exhaustive');
    const trace = JSON.parse(readFileSync(file, 'utf8')) as { system: string; config: { fix: string } };
    writeFileSync(file, JSON.stringify({ ...trace, system: 'needham-schroeder-lowe', config: { ...trace.config, fix: 'lowe' } }));
    const { code, stdout } = await runCliCaptured(['replay', file]);
    expect(code).toBe(3);
    expect(stdout).toContain('diverged at step 3: "deliver to:A aenc(<Na, Nb>, pk(skA))" is not enabled there');
  });

  it.each([
    ['missing', null, /^trecheck: cannot read trace .*: ENOENT\n$/],
    ['not JSON', '{"format":', /^trecheck: .*: not JSON \(/],
    ['not a trace', '{"format":"trecheck-trace/1","system":"needham-schroeder"}', /^trecheck: .*: not a trecheck-trace\/1 trace: config|property: /],
    ['unknown system', JSON.stringify({ format: 'trecheck-trace/1', system: 'nope', config: {}, property: 'P', method: 'random', initial: 0, actions: [], states: [null] }), /^trecheck: unknown system "nope"/],
    ['unknown property', JSON.stringify({ format: 'trecheck-trace/1', system: 'needham-schroeder', config: {}, property: 'P', method: 'random', initial: 0, actions: [], states: [null] }), /^trecheck: .*: needham-schroeder has no property "P"/],
  ])('a %s file: one line, exit 2', async (_what, content, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'trecheck-replay-'));
    const file = join(dir, 'trace.json');
    if (content !== null) writeFileSync(file, content);
    const { code, stdout, stderr } = await runCliCaptured(['replay', file]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
