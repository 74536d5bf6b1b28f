// examples/ci/github-actions.yml as CI would run it: every `run:` command exists (npm scripts in package.json,
// trecheck commands with the flags they use), and its ablation steps, on a bounded scope (threat t6, one worker),
// give shards that merge into the matrix one machine writes.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../src/cli/main.ts';
import { packageRoot } from '../../src/package/packageRoot.ts';

const workflow = readFileSync(join(packageRoot(), 'examples', 'ci', 'github-actions.yml'), 'utf8');
const runs = [...workflow.matchAll(/^\s*-?\s*run:\s*(.+)$/gm)].map((m) => m[1]!.trim());
const shards = [...(/shard:\s*\[([\d,\s]+)\]/.exec(workflow)?.[1] ?? '').matchAll(/\d+/g)].map((m) => Number(m[0]));
const words = (command: string): string[] => command.split(/\s+/);
const fresh = (): string => mkdtempSync(join(tmpdir(), 'trecheck-ci-'));

describe('the example GitHub Actions workflow', () => {
  it('runs only npm ci, npm scripts that exist and trecheck commands with flags they have', async () => {
    const scripts = (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(runs.length).toBeGreaterThanOrEqual(4);
    for (const run of runs) {
      const w = words(run);
      if (run === 'npm ci') continue;
      let trecheckArgs: string[];
      if (w[0] === 'npm' && w[1] === 'run') {
        const script = scripts[w[2]!];
        expect(script, run).toBeDefined();
        // `npm run check -- FLAGS`: the script's trecheck command with the flags after --.
        const entry = words(script!).findIndex((a) => a === 'src/cli/main.ts' || a === 'bin/trecheck.js');
        expect(entry, script).toBeGreaterThan(-1);
        trecheckArgs = [...words(script!).slice(entry + 1), ...w.slice(w.indexOf('--') + 1)];
      } else {
        expect(w.slice(0, 2), run).toEqual(['npx', 'trecheck']);
        trecheckArgs = w.slice(2);
      }
      const help = await runCliCaptured([trecheckArgs[0]!, '--help']);
      expect(help.code, run).toBe(0);
      for (const flag of trecheckArgs.filter((a) => a.startsWith('--'))) expect(help.stdout, `${run}: ${flag}`).toContain(flag);
    }
  });

  it('uploads the SARIF and publishes the JUnit that the check step writes', () => {
    const out = /--out (\S+)/.exec(runs.find((r) => r.startsWith('npm run check'))!)![1]!;
    expect(workflow).toContain(`sarif_file: ${out}/report.sarif`);
    expect(workflow).toContain(`report_paths: ${out}/junit.xml`);
  });

  it('merges its shards into the matrix of one machine (bounded: threat t6 without the trust cells, one worker per shard)', async () => {
    const ablate = runs.find((r) => r.includes('trecheck ablate'))!;
    const merge = runs.find((r) => r.includes('trecheck merge'))!;
    const bounded = ['--threat', 't6', '--workers', '1', '--no-cache'];
    // The trust cells are left out here: an insider RO's cell alone searches for minutes under synthesis.
    const untrusted = (args: string[]): string[] => args.filter((a) => a !== '--trust');
    const dir = fresh();
    for (const shard of shards) {
      const args = words(ablate.replace('${{ matrix.shard }}', String(shard))).slice(2).map((a) => (a === 'shards' ? join(dir, 'shards') : a));
      const r = await runCliCaptured([...untrusted(args), ...bounded]);
      expect(r.code, r.stderr).toBe(0);
    }
    const merged = join(dir, 'merged');
    const mergeArgs = words(merge).slice(2).map((a) => a.replace(/^shards\//, `${join(dir, 'shards')}/`)).map((a) => (a === 'reports/latest' ? merged : a));
    const m = await runCliCaptured(mergeArgs);
    expect(m.code, m.stderr).toBe(0);

    const single = join(dir, 'single');
    const oneMachine = words(ablate.replace('${{ matrix.shard }}', '1')).slice(2).filter((a, i, all) => a !== '--shard' && all[i - 1] !== '--shard').map((a) => (a === 'shards' ? single : a));
    expect((await runCliCaptured([...untrusted(oneMachine), ...bounded])).code).toBe(0);
    const matrix = (d: string): unknown => (JSON.parse(readFileSync(join(d, 'ablation.json'), 'utf8')) as { matrix: unknown; trust?: unknown; conclusions: unknown });
    const cells = (d: string) => {
      const r = matrix(d) as { matrix: unknown; trust?: unknown; conclusions: unknown };
      return JSON.parse(JSON.stringify({ matrix: r.matrix, trust: r.trust, conclusions: r.conclusions }).replace(/"trace":"[^"]*"/g, '"trace":""'));
    };
    expect(cells(merged)).toEqual(cells(single));
  });
});
