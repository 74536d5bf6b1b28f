// Runs ablation cells side by side on worker threads (runJobsOnThreads; each cell's search on one thread, so a result
// never depends on scheduling), in a fixed output order, reusing cached cells, with a progress line (done / total, elapsed, ETA).
import { availableParallelism } from 'node:os';
import type { CliContext } from '../CliContext.ts';
import type { CellResult, CellSpec } from './AblationCell.ts';
import type { CellCache } from './cellCache.ts';
import { runCell, type CellOptions } from './runCell.ts';
import { runJobsOnThreads } from '../threads/runJobsOnThreads.ts';

export interface RunCellsOptions extends CellOptions {
  readonly workers: number;
  /** --workers not given: a long cell may go on on a second core where one has been idle (runCell). */
  readonly twoThreads: boolean;
  readonly cache: CellCache;
}

/** Off a terminal (a CI log) a whole line at most this often, so a long run shows it is alive. */
export const PLAIN_PROGRESS_MS = 5000;

function progressText(started: number, done: number, total: number, cached: number): string {
  const elapsed = (performance.now() - started) / 1000;
  const computed = done - cached;
  const left = total - done;
  const eta = computed > 0 ? `, ETA ${Math.round((elapsed / computed) * left)} s` : '';
  return `ablate: ${done}/${total} cells (${cached} cached), ${Math.round(elapsed)} s${done < total ? eta : ''}`;
}

/** On a terminal: one line redrawn per cell. Elsewhere: a plain line every PLAIN_PROGRESS_MS, on a timer too, so
 *  that a slow cell does not leave the log silent (the single-thread path only prints between cells). */
export function startCellProgress(ctx: CliContext, total: number, cached: number, everyMs = PLAIN_PROGRESS_MS): { update(done: number): void; stop(): void } {
  const started = performance.now();
  let done = cached;
  let printed = started;
  let printedDone = -1;
  if (total === 0) return { update: () => {}, stop: () => {} };
  if (ctx.interactive) {
    return { update: (d) => void ctx.err(`\r\x1b[K${progressText(started, (done = d), total, cached)}`), stop: () => void ctx.err('\r\x1b[K') };
  }
  const say = (): void => {
    printed = performance.now();
    printedDone = done;
    ctx.err(`${progressText(started, done, total, cached)}\n`);
  };
  const timer = setInterval(say, everyMs);
  timer.unref();
  return {
    update(d) {
      done = d;
      if (performance.now() - printed >= everyMs) say();
    },
    stop() {
      clearInterval(timer);
      if (performance.now() - started >= everyMs && printedDone !== done) say();
    },
  };
}

export async function runCells(specs: readonly CellSpec[], options: RunCellsOptions, ctx: CliContext): Promise<CellResult[]> {
  // Absent, the budget is left out of the cache's key, which then stays that of the runs before the flag.
  const cellOptions: CellOptions = {
    maxStates: options.maxStates,
    reduction: options.reduction,
    ...(options.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: options.memoryBudgetBytes }),
  };
  const results: (CellResult | undefined)[] = specs.map((s) => options.cache.get(s, cellOptions));
  const cached = results.filter((r) => r !== undefined).length;
  const todo = specs.map((_, i) => i).filter((i) => results[i] === undefined);
  let done = cached;
  const progress = startCellProgress(ctx, specs.length, cached);
  const finish = (index: number, result: CellResult): void => {
    results[index] = result;
    options.cache.put(result, cellOptions);
    done++;
    progress.update(done);
  };
  const workers = Math.max(1, Math.min(options.workers, availableParallelism(), todo.length));
  // Several: every cell on a worker thread (this one only collects), so the progress timer above runs while cells
  // do. One: every cell here, no thread to start.
  await runJobsOnThreads({
    count: todo.length,
    threads: workers,
    here: workers === 1,
    worker: new URL('./cellWorker.ts', import.meta.url),
    data: { specs: todo.map((i) => specs[i]!), options: cellOptions, twoThreads: options.twoThreads },
    run: (j) => runCell(specs[todo[j]!]!, cellOptions, options.twoThreads),
    onResult: (j, result) => finish(todo[j]!, result),
  });
  progress.stop();
  return results.map((r, i) => {
    // Every index was either cached or computed above.
    if (r === undefined) throw new Error(`ablation: cell ${i} has no result`);
    return r;
  });
}
