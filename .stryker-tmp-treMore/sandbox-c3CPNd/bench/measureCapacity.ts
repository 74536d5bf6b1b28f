// How many cores the machine actually offered during the bench: the same single-threaded search
// run alone in one worker, then in two workers at once. 2.0 means two idle cores; other work on
// the machine lowers it, and bounds any parallel speed-up measured at the same time.
import { startWorker } from '../src/engine/startWorker.ts';

export interface CapacityFigures {
  readonly aloneMillis: number;
  readonly togetherMillis: readonly number[];
  /** 2 x alone / mean(together): cores' worth of work the machine did for two threads. */
  readonly cores: number;
}

function runWorkers(count: number, maxP: number): Promise<number[]> {
  const module = new URL('./capacityWorker.ts', import.meta.url);
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<number>((resolve, reject) => {
          const worker = startWorker(module, { maxP });
          worker.once('message', (millis: number) => {
            resolve(millis);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
}

export async function measureCapacity(maxP: number): Promise<CapacityFigures> {
  const [aloneMillis] = await runWorkers(1, maxP);
  const togetherMillis = await runWorkers(2, maxP);
  const mean = togetherMillis.reduce((a, b) => a + b, 0) / togetherMillis.length;
  return { aloneMillis: aloneMillis!, togetherMillis, cores: (2 * aloneMillis!) / mean };
}
