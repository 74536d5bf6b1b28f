// `trecheck check` on several threads: the same output, reports, traces and exit code as on one thread (forced
// --workers 2 on a few small threat scenarios), --bail stopping at the same scenario, one-line errors for bad
// --workers values, and the default's decision (checkThreads) on made-up cores and loads.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkThreads, minParallelJobs, type CheckThreadsInput } from '../../src/cli/check/checkThreads.ts';
import { runCliCaptured } from '../../src/cli/main.ts';

const root = mkdtempSync(join(tmpdir(), 'trecheck-check-threads-'));
let runs = 0;

async function check(...args: string[]): Promise<{ code: number; stdout: string; stderr: string; out: string }> {
  const out = join(root, `run-${++runs}`);
  return { ...(await runCliCaptured(['check', ...args, '--out', out])), out };
}

/** A file of a run's report folder with the folder and every timing replaced by placeholders. */
function normalised(text: string, out: string): string {
  return text
    .split(out)
    .join('<out>')
    .replace(/\d[\d,]* ms\b/g, '<ms> ms')
    .replace(/"(millis|durationMillis|elapsedMillis|startTimeUtc|endTimeUtc|generatedAt|generated)": ?("[^"]*"|[\d.e+-]+)/g, '"$1": <t>')
    .replace(/\b(time|timestamp)="[^"]*"/g, '$1="<t>"')
    .replace(/<(td|span)([^>]*)>[\d.,]+ ?(ms|s)<\//g, '<$1$2><t></');
}

/** Every file a run wrote (reports and traces), normalised, by path under its folder. */
function written(out: string): Record<string, string> {
  const files = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(md|html|json|sarif|xml)$/.test(f)).sort();
  return Object.fromEntries(files.map((f) => [f, normalised(readFileSync(join(out, f), 'utf8'), out)]));
}

describe('trecheck check --workers 2', () => {
  it('prints, writes and exits as one thread does: verdicts in order, reports, baseline comparison, counterexamples', async () => {
    // t11's three scenarios have attacks (counterexamples, traces, replays, known findings); t4 and t9 add small ones.
    const scope = ['--threat', 't11', '--threat', 't4', '--threat', 't9'];
    const one = await check(...scope, '--workers', '1');
    const two = await check(...scope, '--workers', '2');

    expect(two.code).toBe(one.code);
    expect(one.stdout).toMatch(/VIOLATED/);
    expect(normalised(two.stdout, two.out)).toBe(normalised(one.stdout, one.out));
    expect(two.stderr).toBe(one.stderr);
    const files = written(one.out);
    expect(Object.keys(files)).toEqual(expect.arrayContaining(['report.md', 'report.html', 'report.json', 'report.sarif', 'junit.xml']));
    expect(Object.keys(files).some((f) => f.startsWith('traces'))).toBe(true);
    expect(written(two.out)).toEqual(files);
  });

  it('prints the same JSON and exit code without a baseline', async () => {
    const scope = ['--threat', 't11', '--threat', 't4', '--no-baseline', '--json', '--format', 'json'];
    const one = await check(...scope, '--workers', '1');
    const two = await check(...scope, '--workers', '2');

    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(normalised(two.stdout, two.out)).toBe(normalised(one.stdout, one.out));
  });

  it('with --bail stops after the same scenario, in scenario order, and says so', async () => {
    // Without a baseline t11-faults' attack is unexpected: the third of five scenarios (t4, t9, then t11's).
    const scope = ['--threat', 't11', '--threat', 't4', '--threat', 't9', '--no-baseline', '--bail'];
    const one = await check(...scope, '--workers', '1');
    const two = await check(...scope, '--workers', '2');

    expect(one.stderr).toMatch(/stopped after t11-faults, the first unexpected result \(3 of 5 scenarios run\)/);
    expect(two.code).toBe(one.code);
    expect(normalised(two.stdout, two.out)).toBe(normalised(one.stdout, one.out));
    expect(two.stderr.split(two.out).join('<out>')).toBe(one.stderr.split(one.out).join('<out>'));
  });
});

describe('trecheck check: a bad --workers is one line on stderr and exit 2', () => {
  for (const value of ['0', '65', 'two', '1.5', '-1', '']) {
    it(`rejects --workers "${value}"`, async () => {
      const r = await check('--threat', 't4', '--workers', value);

      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.trimEnd()).toBe(`trecheck: --workers must be a whole number from 1 to 64, got "${value}"`);
    });
  }
});

describe('checkThreads: the default number of threads', () => {
  const idle: CheckThreadsInput = { requested: undefined, jobs: 50, cores: 2, load: 0.2, bundled: true, bail: false };

  it('takes --workers as given, but never more threads than scenarios', () => {
    expect(checkThreads({ ...idle, requested: 2, bundled: false, load: 9, cores: 1 })).toBe(2);
    expect(checkThreads({ ...idle, requested: 8, jobs: 3 })).toBe(3);
    expect(checkThreads({ ...idle, requested: 1 })).toBe(1);
    expect(checkThreads({ ...idle, requested: 4, jobs: 0 })).toBe(1);
  });

  it('uses both cores of an idle two-core machine from the bundle', () => {
    expect(checkThreads(idle)).toBe(2);
  });

  it('stays on one thread when the load leaves no core free beside this thread', () => {
    expect(checkThreads({ ...idle, load: 0.45 })).toBe(2);
    expect(checkThreads({ ...idle, load: 0.5 })).toBe(1);
    expect(checkThreads({ ...idle, load: 1.2 })).toBe(1);
    expect(checkThreads({ ...idle, load: 6 })).toBe(1);
  });

  it('counts a helper for each further core the load leaves free', () => {
    expect(checkThreads({ ...idle, cores: 8, load: 0 })).toBe(8);
    expect(checkThreads({ ...idle, cores: 8, load: 3 })).toBe(5);
    expect(checkThreads({ ...idle, cores: 8, load: 6.4 })).toBe(2);
    expect(checkThreads({ ...idle, cores: 8, load: 6.5 })).toBe(1);
    expect(checkThreads({ ...idle, cores: 32, load: 0, jobs: 20 })).toBe(20);
  });

  it('stays on one thread with few scenarios, one core, --bail, or helpers that would compile the sources', () => {
    expect(checkThreads({ ...idle, jobs: minParallelJobs - 1 })).toBe(1);
    expect(checkThreads({ ...idle, jobs: minParallelJobs })).toBe(2);
    expect(checkThreads({ ...idle, cores: 1, load: 0 })).toBe(1);
    expect(checkThreads({ ...idle, bail: true })).toBe(1);
    expect(checkThreads({ ...idle, bundled: false })).toBe(1);
  });
});
