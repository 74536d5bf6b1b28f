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

function progressLine(ctx: CliContext, started: number, done: number, total: number, cached: number): void {
  if (!ctx.interactive || total === 0) return;
  const elapsed = (performance.now() - started) / 1000;
  const computed = done - cached;
  const left = total - done;
  const eta = computed > 0 ? `, ETA ${Math.round((elapsed / computed) * left)} s` : '';
  ctx.err(`\r\x1b[Kablate: ${done}/${total} cells (${cached} cached), ${Math.round(elapsed)} s${done < total ? eta : ''}`);
}

export async function runCells(specs: readonly CellSpec[], options: RunCellsOptions, ctx: CliContext): Promise<CellResult[]> {
  const cellOptions: CellOptions = { maxStates: options.maxStates, reduction: options.reduction };
  const results: (CellResult | undefined)[] = specs.map((s) => options.cache.get(s, cellOptions));
  const cached = results.filter((r) => r !== undefined).length;
  const todo = specs.map((_, i) => i).filter((i) => results[i] === undefined);
  const started = performance.now();
  let done = cached;
  const finish = (index: number, result: CellResult): void => {
    results[index] = result;
    options.cache.put(result, cellOptions);
    done++;
    progressLine(ctx, started, done, specs.length, cached);
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
  if (ctx.interactive) ctx.err('\r\x1b[K');
  return results.map((r, i) => {
    // Every index was either cached or computed above.
    if (r === undefined) throw new Error(`ablation: cell ${i} has no result`);
    return r;
  });
}
