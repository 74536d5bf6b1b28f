// The helper threads of a shared-memory exhaustive search, seen from the main thread: starts them
// (at once, or only once the search has run a while), lets the ready ones join between chunks,
// sends them the arrays after each growth, and waits for them at the level barriers.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../startWorker.ts';
import type { SystemSource } from '../SystemSource.ts';
import type { SharedHelperData, SharedLimits, ToSharedHelper } from './SharedHelperProtocol.ts';
import { Command, statsStride, Word, type SharedArrays } from './SharedSearchMemory.ts';

/** Atomics.waitAsync (in Node 20's V8; TypeScript types it only from lib es2024). */
const waitAsync = (Atomics as unknown as {
  waitAsync(array: Int32Array, index: number, value: number, timeoutMs: number): { async: boolean; value: Promise<string> | string };
}).waitAsync;

/** Nice value (Linux: per thread) at which a helper loads its sources. With a helper loading beside
 *  it, the one-thread search of the benchmark model took 649 ms at nice 0, 424 ms at 10 and 373 ms
 *  at 19 (316 ms with none; medians of 9). 10, not 19: where the helper may not reset it to 0 once
 *  ready, it searches at this priority, and at 19 any other process would starve it at the barriers. */
const bootNice = 10;

export interface SharedHelpersSetup {
  readonly source: SystemSource;
  /** Property ids, in the search's order. */
  readonly properties: readonly string[];
  readonly helpers: number;
}

export class SharedHelpers {
  readonly control = new Int32Array(new SharedArrayBuffer(Word.size * 4));
  readonly stats: Float64Array;
  /** Float64 words per thread in `stats`. */
  readonly stride: number;
  private readonly workers: Worker[] = [];
  private readonly joinedFlags: boolean[];
  /** Indices (into workers) of the joined helpers, in joining order. */
  private readonly joinOrder: number[] = [];
  joined = 0;
  /** Helpers taking part in the current phase (woken by its command, or joined during it): the barrier waits for them. */
  private active = 0;
  /** performance.now() when the first helper joined. */
  firstJoin: number | undefined;
  private failure: unknown;
  private arrays: SharedArrays | undefined;
  private limits: SharedLimits = { deadlineEpoch: Number.POSITIVE_INFINITY, stopAtFirst: false };

  constructor(private readonly setup: SharedHelpersSetup) {
    if (setup.helpers > 63) throw new RangeError('shared-memory exhaustive search: at most 63 helper threads');
    // Room for every property's violation, though only invariants are reported here.
    this.stride = statsStride(setup.properties.length);
    this.stats = new Float64Array(new SharedArrayBuffer((setup.helpers + 1) * this.stride * 8));
    this.joinedFlags = Array.from({ length: setup.helpers }, () => false);
  }

  get helpers(): number {
    return this.setup.helpers;
  }

  get started(): boolean {
    return this.workers.length > 0 || this.setup.helpers === 0;
  }

  /** Starts every helper thread; each rebuilds the system, then says it is ready. */
  start(): void {
    if (this.started) return;
    for (let i = 1; i <= this.setup.helpers; i++) {
      const data: SharedHelperData = {
        source: this.setup.source,
        properties: this.setup.properties,
        index: i,
        control: this.control.buffer as SharedArrayBuffer,
        stats: this.stats.buffer as SharedArrayBuffer,
        bootNice,
      };
      const worker = startWorker(new URL('./sharedExhaustiveHelper.ts', import.meta.url), data);
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => this.fail(new Error(`shared-memory exhaustive search: a helper thread exited with code ${code} mid-search`)));
      this.workers.push(worker);
    }
  }

  /** Resolves when every helper has rebuilt the system (to measure a search without start-up). */
  async ready(): Promise<void> {
    this.start();
    for (let i = 1; i <= this.setup.helpers; i++) {
      while (Atomics.load(this.control, Word.ready + i) === 0) {
        if (Atomics.load(this.control, Word.failed) !== 0) throw await this.failureError();
        const wait = waitAsync(this.control, Word.ready + i, 0, 100);
        if (wait.async) await wait.value;
      }
    }
  }

  /** The search's limits, given to each helper as it joins. */
  useLimits(limits: SharedLimits): void {
    this.limits = limits;
  }

  /** The arrays the threads use from now on: sent to every joined helper (they bind them when woken).
   *  With `oldTable`, joined helper k (in joining order) is given share k of moving it (the main thread's is 0). */
  useArrays(arrays: SharedArrays, oldTable?: SharedArrayBuffer): void {
    this.arrays = arrays;
    const gen = Atomics.load(this.control, Word.gen) + 1;
    this.joinOrder.forEach((i, k) => {
      const rehash = oldTable === undefined ? undefined : { old: oldTable, part: k + 1, parts: this.joined + 1 };
      this.workers[i]!.postMessage({ arrays, gen, limits: this.limits, ...(rehash === undefined ? {} : { rehash }) } satisfies ToSharedHelper);
    });
  }

  /** Between chunks (main thread): lets every helper that is ready join the level under way. */
  joinReady(): void {
    if (this.joined === this.workers.length || Atomics.load(this.control, Word.failed) !== 0) return;
    for (let i = 0; i < this.workers.length; i++) {
      if (this.joinedFlags[i] || Atomics.load(this.control, Word.ready + i + 1) === 0) continue;
      this.workers[i]!.postMessage({ arrays: this.arrays!, gen: Atomics.load(this.control, Word.gen), limits: this.limits } satisfies ToSharedHelper);
      this.joinedFlags[i] = true;
      this.joinOrder.push(i);
      this.joined++;
      this.active++;
      this.firstJoin ??= performance.now();
      Atomics.store(this.control, Word.join + i + 1, 1);
      Atomics.notify(this.control, Word.join + i + 1);
    }
  }

  /** Wakes the joined helpers for `command` (they all wait at the barrier). */
  command(command: number): void {
    Atomics.store(this.control, Word.arrived, 0);
    this.active = this.joined;
    Atomics.store(this.control, Word.command, command);
    Atomics.add(this.control, Word.gen, 1);
    Atomics.notify(this.control, Word.gen);
  }

  /** Starts a phase the main thread does alone (a small level): the joined helpers stay parked;
   *  only a helper joining during it takes part. */
  alone(): void {
    Atomics.store(this.control, Word.arrived, 0);
    this.active = 0;
  }

  /** Waits until every helper of the phase has arrived at the barrier (the main thread already has). */
  async waitArrivals(): Promise<void> {
    const control = this.control;
    const spinUntil = performance.now() + 0.2;
    for (;;) {
      if (Atomics.load(control, Word.failed) !== 0) throw await this.failureError();
      const arrived = Atomics.load(control, Word.arrived);
      if (arrived >= this.active) return;
      // Barriers are usually short: spin a little before handing the wait to the event loop (which
      // also delivers a helper's error or exit).
      if (performance.now() < spinUntil) continue;
      const wait = waitAsync(control, Word.arrived, arrived, 100);
      if (wait.async) await wait.value;
    }
  }

  /** Ends every helper thread (joined ones leave their loop; all are terminated). */
  stop(): void {
    if (this.joined > 0) this.command(Command.stop);
    // Helpers still waiting to join are told there is nothing to join (the join word's value 2).
    for (let i = 1; i <= this.setup.helpers; i++) {
      if (Atomics.compareExchange(this.control, Word.join + i, 0, 2) === 0) Atomics.notify(this.control, Word.join + i);
    }
    for (const worker of this.workers) {
      worker.removeAllListeners('exit');
      worker.removeAllListeners('error');
      worker.on('error', () => undefined);
      void worker.terminate();
    }
  }

  private fail(error: unknown): void {
    this.failure ??= error;
    Atomics.store(this.control, Word.failed, 1);
    Atomics.notify(this.control, Word.arrived);
  }

  /** A helper that failed sets the word, then its error arrives as an event: wait for it (a second at most). */
  private async failureError(): Promise<unknown> {
    for (let i = 0; i < 200 && this.failure === undefined; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    return this.failure ?? new Error('shared-memory exhaustive search: a helper thread failed');
  }
}
