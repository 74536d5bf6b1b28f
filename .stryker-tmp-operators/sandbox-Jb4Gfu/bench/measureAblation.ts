// `trecheck ablate` as a user runs it (a fresh process, 2 worker threads, no cache): the single-switch matrix, and
// with BENCH_FULL=1 the trust and pairs matrices too, each timed on its own.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface AblationFigures {
  readonly kind: 'single' | 'trust' | 'pairs';
  readonly cells: number;
  readonly states: number;
  readonly wallMillis: number;
}

const root = fileURLToPath(new URL('..', import.meta.url));

function run(kind: AblationFigures['kind'], flags: readonly string[]): AblationFigures {
  const out = mkdtempSync(join(tmpdir(), 'trecheck-bench-ablate-'));
  const started = performance.now();
  try {
    execFileSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'ablate', '--no-cache', '--out', out, ...flags], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } catch (error) {
    // ablate exits 1 or 3 for findings about the model; the figures are still what was measured.
    if ((error as { status?: number }).status === undefined || (error as { status: number }).status === 2) throw error;
  }
  const wallMillis = performance.now() - started;
  const report = JSON.parse(readFileSync(join(out, 'ablation.json'), 'utf8')) as { cells: number; totalStates: number };
  return { kind, cells: report.cells, states: report.totalStates, wallMillis };
}

export function measureAblation(full: boolean): AblationFigures[] {
  const single = run('single', []);
  if (!full) return [single];
  // The trust and pairs runs include the single-switch cells; their own share is what they add.
  const trust = run('trust', ['--trust']);
  const pairs = run('pairs', ['--pairs']);
  return [
    single,
    { kind: 'trust', cells: trust.cells - single.cells, states: trust.states - single.states, wallMillis: trust.wallMillis - single.wallMillis },
    { kind: 'pairs', cells: pairs.cells - single.cells, states: pairs.states - single.states, wallMillis: pairs.wallMillis - single.wallMillis },
  ];
}
