// Runs ablation cells side by side on worker threads (each cell's search on one thread, so a result never depends
// on scheduling), in a fixed output order, reusing cached cells, with a progress line (done / total, elapsed, ETA).
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../engine/startWorker.ts';
import type { CliContext } from '../CliContext.ts';
import type { CellResult, CellSpec } from './AblationCell.ts';
import type { CellCache } from './cellCache.ts';
import { runCell, type CellOptions } from './runCell.ts';

export interface RunCellsOptions extends CellOptions {
  readonly workers: number;
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
  const cellOptions: CellOptions = { maxStates: options.maxStates, reduction: options.reduction };
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
  if (workers <= 1) {
    for (const i of todo) finish(i, runCell(specs[i]!, cellOptions));
  } else {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let completed = 0;
      const pool: Worker[] = [];
      const feed = (worker: Worker): void => {
        if (next >= todo.length) {
          worker.postMessage('stop');
          return;
        }
        const index = todo[next++]!;
        worker.postMessage({ index, spec: specs[index] });
      };
      for (let w = 0; w < workers; w++) {
        const worker = startWorker(new URL('./cellWorker.ts', import.meta.url), { options: cellOptions });
        worker.on('message', (m: { index: number; result: CellResult }) => {
          finish(m.index, m.result);
          if (++completed === todo.length) resolve();
          feed(worker);
        });
        worker.on('error', reject);
        // A worker that exits with cells of its own unfinished would leave the matrix incomplete: an error.
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`ablation worker exited with code ${code}`));
        });
        pool.push(worker);
        feed(worker);
      }
    });
  }
  progress.stop();
  return results.map((r, i) => {
    // Every index was either cached or computed above.
    if (r === undefined) throw new Error(`ablation: cell ${i} has no result`);
    return r;
  });
}
