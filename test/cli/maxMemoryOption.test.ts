// `--max-memory`: an exhaustive search past the budget ends inconclusive with limit 'memory' (exit 3, what it explored,
// no stack trace), a budget it stays under changes nothing, and a bad size or a random search is one line, exit 2.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { exampleScenario } from './exampleScenario.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-max-memory-'));
const stackFrame = /\n\s+at /;
// 1,541 worlds: the budget is read every 1,024 states, and a process holds more than 1 MiB of heap before it starts.
const scenario = exampleScenario('dishonest-ro-redirect.json');

describe('--max-memory', () => {
  it('check: a budget below what the search holds stops it, inconclusive, exit 3, and the report records the budget', async () => {
    const out = join(root, 'low');
    const r = await runCliCaptured(['check', '--config', scenario, '--max-memory', '1M', '--format', 'json', '--out', out]);
    expect(r.stdout + r.stderr).not.toMatch(stackFrame);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/INCONCLUSIVE: the memory limit stopped the search after [\d,]+ states/);
    expect(r.stdout).not.toMatch(/holds for every trace/);
    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { findingOptions?: { maxMemory?: number } };
    expect(report.findingOptions?.maxMemory).toBe(2 ** 20);
  });

  it('check: a budget the search stays under concludes as without one', async () => {
    const free = await runCliCaptured(['check', '--config', scenario, '--format', 'json', '--out', join(root, 'free')]);
    const high = await runCliCaptured(['check', '--config', scenario, '--max-memory', '16G', '--format', 'json', '--out', join(root, 'high')]);
    expect(high.code).toBe(free.code);
    expect(high.code).not.toBe(3);
    const verdicts = (s: string) => s.split('\n').filter((l) => /^\s+\w+ \[/.test(l)).map((l) => l.replace(/\d[\d,]* ms/g, ''));
    expect(verdicts(free.stdout).length).toBeGreaterThan(0);
    expect(verdicts(high.stdout)).toEqual(verdicts(free.stdout));
  });

  it('explore, on one thread and on two: exit 3, limit memory', async () => {
    for (const workers of ['1', '2']) {
      const r = await runCliCaptured(['explore', 'tr33812-alt1a', '--config', scenario, '--workers', workers, '--max-memory', '1M', '--json']);
      expect(r.stderr).not.toMatch(stackFrame);
      expect(r.code, `--workers ${workers}`).toBe(3);
      expect(r.stdout).toMatch(/"limit":\s*"memory"/);
    }
  });

  it('bad input: one line, exit 2', async () => {
    for (const args of [
      ['explore', 'tr33812-alt1a', '--max-memory', '4x'],
      ['explore', 'tr33812-alt1a', '--mode', 'random', '--max-memory', '2G'],
      ['check', '--random', '--max-memory', '2G'],
    ]) {
      const r = await runCliCaptured(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toMatch(/^trecheck: .*--max-memory/);
    }
  });
});
