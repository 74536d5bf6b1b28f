// Transcript tests of `trecheck explore` and `trecheck merge`: command, exit code, output.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';

const out = (): string => mkdtempSync(join(tmpdir(), 'trecheck-explore-'));
/** Timings vary from run to run: replaced by a placeholder. */
const untimed = (text: string): string => text.replace(/\d+ ms\b/g, '<ms>');

describe('trecheck explore', () => {
  it('finds Lowe\'s attack exhaustively, prints the shortest trace, saves it and the replay command (exit 1)', async () => {
    const dir = out();
    const { code, stdout, stderr } = await runCliCaptured(['explore', 'needham-schroeder', '--property', 'ResponderAgreesWithInitiator', '--out', dir]);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const file = join(dir, 'traces', 'needham-schroeder.ResponderAgreesWithInitiator.exhaustive.json');
    expect(untimed(stdout)).toBe(
      [
        'needham-schroeder {"fix":"none","maxInjections":3}',
        'exhaustive search: 64 states, 74 transitions, depth 4, <ms>',
        '  ResponderAgreesWithInitiator: VIOLATED: counterexample of 4 steps (exhaustive, shortest)',
        '      1. A starts with I',
        '      2. inject to:B aenc(<Na, A>, pk(skB))',
        '      3. deliver to:A aenc(<Na, Nb>, pk(skA))',
        '      4. inject to:B aenc(Nb, pk(skB))',
        '    B commits to a session with A only if A started a run with B: expected A to have started a run with B, actual: A started with I',
        `    saved: ${file}`,
        `    replay: trecheck replay ${file}`,
        '',
      ].join('\n'),
    );
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ system: 'needham-schroeder', method: 'exhaustive', actions: { length: 4 } });
  });

  it.each(['needham-schroeder', 'needham-schroeder-lowe'])(
    '%s: 2 worker threads give the verdict lines, counts and exit code of 1 worker',
    async (system) => {
      const run = async (workers: string): Promise<{ code: number; lines: string[]; threads: unknown; text: string }> => {
        const text = await runCliCaptured(['explore', system, '--workers', workers, '--out', out()]);
        const json = await runCliCaptured(['explore', system, '--workers', workers, '--json', '--out', out()]);
        // Among equally short counterexamples another may be chosen; the verdicts and counts may not differ.
        const lines = untimed(text.stdout)
          .replace(/ on \d+ threads/, '')
          .split('\n')
          .filter((line) => /^(\S|  \S)/.test(line));
        const threads = (JSON.parse(json.stdout) as { searches: { outcome: { workers: number } }[] }).searches[0]?.outcome.workers;
        return { code: text.code, lines, threads, text: text.stdout };
      };
      const one = await run('1');
      const two = await run('2');
      expect(one.threads).toBe(1);
      expect(two.threads).toBe(2);
      // The summary says the threads it ran on.
      expect(two.text).toMatch(/ ms on 2 threads/);
      expect(one.text).not.toMatch(/ on \d+ threads/);
      expect(two.code).toBe(one.code);
      expect(two.lines).toEqual(one.lines);
      expect(one.lines[1]).toMatch(/^exhaustive search: 6\d states, \d+ transitions, depth 4, <ms>$/);
      expect(one.lines.filter((line) => line.startsWith('  '))).toHaveLength(2);
    },
  );

  it('tr33812-alt1a: 2 threads (the pipelined search) give the lines and exit code of 1, steps left out alike', async () => {
    const lines = async (workers: string): Promise<{ code: number; text: string }> => {
      const r = await runCliCaptured(['explore', 'tr33812-alt1a', '--workers', workers, '--out', out()]);
      return { code: r.code, text: untimed(r.stdout) };
    };
    const one = await lines('1');
    const two = await lines('2');
    expect(two.text).toMatch(/ <ms> on 2 threads; partial-order reduction: \d+ of \d+ steps left out/);
    expect(two.text.replace(' on 2 threads', '')).toBe(one.text);
    expect(two.code).toBe(one.code);
  });

  it('states the bound of a depth-limited search and exits 0 only for what was explored', async () => {
    const { code, stdout } = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--depth', '2', '--out', out()]);
    expect(code).toBe(0);
    expect(stdout).toContain('ResponderAgreesWithInitiator: holds for every trace up to depth 2 (bounded: 19 states; longer traces not explored)');
  });

  it('says a complete search covered the whole state space', async () => {
    const { code, stdout } = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--out', out()]);
    expect(code).toBe(0);
    expect(stdout).toContain('holds for every trace up to depth 4 (complete: 62 states, the whole reachable state space as 63-bit fingerprints: probability that one was missed <= 2e-16)');
  });

  it('accepts --no-reduction, which changes nothing on a system without ample sets', async () => {
    const plain = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--out', out()]);
    const unreduced = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--no-reduction', '--out', out()]);
    const withoutTimes = (text: string): string => text.replace(/\d+ ms/g, '<ms> ms');
    expect(unreduced.code).toBe(plain.code);
    expect(withoutTimes(unreduced.stdout)).toBe(withoutTimes(plain.stdout));
    expect(plain.stdout).not.toContain('reduction');
  });

  it('a state limit gives inconclusive (exit 3), never holds', async () => {
    const { code, stdout } = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--max-states', '10', '--out', out()]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/ResponderAgreesWithInitiator: INCONCLUSIVE: the states limit stopped the search/);
    expect(stdout).not.toContain('holds');
  });

  it('random mode says it is not a proof (exit 4), with runs, steps and seed', async () => {
    const { code, stdout } = await runCliCaptured(['explore', 'needham-schroeder-lowe', '--mode', 'random', '--runs', '300', '--steps', '8', '--seed', '5', '--workers', '1', '--out', out()]);
    expect(code).toBe(4);
    expect(stdout).toContain('ResponderNonceStaysSecret: no violation found in 300 random runs of <= 8 steps (seed 5): not a proof');
  });

  it('both modes, JSON output: the same seed gives byte-identical output apart from timings', async () => {
    const argv = ['explore', 'needham-schroeder', '--mode', 'both', '--runs', '300', '--seed', '8', '--workers', '1', '--json', '--out', out()];
    const first = await runCliCaptured(argv);
    const second = await runCliCaptured(argv);
    const stable = (s: string): string => untimed(s.replace(/"millis": [\d.e+-]+/g, '"millis": 0'));
    expect(first.code).toBe(1);
    expect(stable(second.stdout)).toBe(stable(first.stdout));
    const parsed = JSON.parse(first.stdout) as {
      searches: { method: string; outcome: { verdicts: { verdict: { kind: string } }[] } }[];
      traces: { file: string; replay: string }[];
    };
    expect(parsed.traces).toHaveLength(4);
    for (const t of parsed.traces) expect(JSON.parse(readFileSync(t.file, 'utf8'))).toMatchObject({ format: 'trecheck-trace/1' });
    expect(parsed.searches.map((s) => [s.method, s.outcome.verdicts.map((v) => v.verdict.kind)])).toEqual([
      ['exhaustive', ['violated', 'violated']],
      ['random', ['violated', 'violated']],
    ]);
  });

  it('splits random runs into shards whose merge equals the whole run', async () => {
    const dir = out();
    const common = ['explore', 'needham-schroeder-lowe', '--mode', 'random', '--runs', '400', '--steps', '8', '--workers', '1', '--out', dir];
    const one = await runCliCaptured([...common, '--shard', '1/2']);
    const two = await runCliCaptured([...common, '--shard', '2/2']);
    expect([one.code, two.code]).toEqual([4, 4]);
    expect(two.stdout).toContain('no violation found in 200 random runs of <= 8 steps (seed 42)');
    const files = [1, 2].map((i) => join(dir, `needham-schroeder-lowe.random-seed42.shard-${i}-of-2.json`));
    expect(one.stdout).toContain(`merge all shards: trecheck merge ${files.join(' ')}`);
    const merged = await runCliCaptured(['merge', ...files, '--out', dir]);
    expect(merged.code).toBe(4);
    expect(merged.stdout).toContain('ResponderAgreesWithInitiator: no violation found in 400 random runs of <= 8 steps (seed 42): not a proof');
    const lonely = await runCliCaptured(['merge', files[0]!, '--out', dir]);
    expect(lonely.stdout).toContain('1 shard(s) missing');
    expect(lonely.stdout).toContain('no violation found in 200 random runs');
  });

  it('prints a reproduce command for random counterexamples that re-runs one chunk to the identical trace', async () => {
    const dir = out();
    const first = await runCliCaptured(['explore', 'needham-schroeder', '--mode', 'random', '--runs', '500', '--seed', '3', '--workers', '1', '--out', dir]);
    expect(first.code).toBe(1);
    const command = /reproduce: trecheck (explore .*--path \d+\.\d+)\n/.exec(first.stdout)?.[1];
    expect(command).toBeDefined();
    const file = join(dir, 'traces', 'needham-schroeder.ResponderAgreesWithInitiator.random.json');
    const saved = readFileSync(file, 'utf8');
    const again = await runCliCaptured([...command!.split(' '), '--out', join(dir, 'again')]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/only the chunk of path \d+\.\d+ \(\d+ runs\)/);
    expect(readFileSync(join(dir, 'again', 'traces', 'needham-schroeder.ResponderAgreesWithInitiator.random.json'), 'utf8')).toBe(saved);
  });

  it.each([
    [['explore', 'needham-schroeder', '--path', '1.0'], /^trecheck: --path reproduces a random counterexample: add --mode random/],
    [['explore', 'needham-schroeder', '--mode', 'random', '--path', 'x'], /^trecheck: --path must be the path printed with a random counterexample/],
    [['explore', 'needham-schroeder', '--mode', 'random', '--runs', '200', '--path', '2.0'], /^trecheck: --path 2\.0 names a chunk beyond the 2 chunks of 200 runs/],
    [['explore', 'no-such-system'], /^trecheck: unknown system "no-such-system"\. Known systems: .*needham-schroeder/],
    [['explore', 'needham-schroeder', '--depth', '-1'], /^trecheck: --depth must be a whole number/],
    [['explore', 'needham-schroeder', '--mode', 'fast'], /^trecheck: --mode must be exhaustive, random or both, got "fast"/],
    [['explore', 'needham-schroeder', '--property', 'Nope'], /^trecheck: unknown property "Nope" of needham-schroeder\. Known: ResponderAgreesWithInitiator/],
    [['explore', 'needham-schroeder', '--mode', 'random', '--shard', '3/2'], /^trecheck: --shard must be i\/n/],
    [['explore', 'needham-schroeder', '--shard', '1/2'], /^trecheck: --shard splits random runs: add --mode random/],
    [['explore', 'needham-schroeder', '--config', 'missing.json'], /^trecheck: cannot read configuration missing\.json: ENOENT/],
    [['explore', 'needham-schroeder', '--mode', 'random', '--no-reduction'], /^trecheck: --no-reduction sets the exhaustive search: drop it or use --mode exhaustive or both\n$/],
  ])('bad input %j: one line, exit 2', async (argv, message) => {
    const { code, stdout, stderr } = await runCliCaptured(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects an invalid configuration naming the field (exit 2)', async () => {
    const dir = out();
    const config = join(dir, 'config.json');
    writeFileSync(config, JSON.stringify({ maxInjections: 99 }));
    const { code, stderr } = await runCliCaptured(['explore', 'needham-schroeder', '--config', config]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^trecheck: invalid configuration for needham-schroeder: maxInjections: /);
  });

  it('merge refuses shards of different searches (exit 2)', async () => {
    const dir = out();
    const base = ['explore', 'needham-schroeder-lowe', '--mode', 'random', '--runs', '200', '--workers', '1', '--out', dir];
    await runCliCaptured([...base, '--shard', '1/2', '--seed', '1']);
    await runCliCaptured([...base, '--shard', '2/2', '--seed', '2']);
    const { code, stderr } = await runCliCaptured([
      'merge',
      join(dir, 'needham-schroeder-lowe.random-seed1.shard-1-of-2.json'),
      join(dir, 'needham-schroeder-lowe.random-seed2.shard-2-of-2.json'),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/is a shard of a different search/);
  });
});
