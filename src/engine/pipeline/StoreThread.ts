// The store thread of the pipelined search, seen from the search thread: started, told where to start, and asked for its
// answer, each without waiting for this thread's event loop, so a search that runs synchronously (a one-thread search
// that hands itself over at a level's end, switchToPipeline.ts) can use it as well as the pipelined search.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { recordPoolCeiling } from '../../packing/RecordTable.ts';
import type { ExhaustiveConfig } from '../exhaustive/ExhaustiveOptions.ts';
import { startWorker } from '../startWorker.ts';
import { controlBytes, Word } from './ByteRing.ts';
import type { Handover, StoreAnswer, StoreData, StoreResult, StoreStart } from './PipelineProtocol.ts';

/** Bytes of each stream (a power of two): some 2M successors' records in flight, so that the search thread goes on
 *  while the store grows its table (a growth of a table of millions of records takes a few hundred ms, during which
 *  8 MiB streams ran full or dry and the search thread waited). */
const streamBytes = 1 << 25;
/** Bytes past each stream's ring: a record of up to this many (a world of some 13,000 messages in flight) is written in
 *  one piece (RingWriter.linearAt): a successor's in place by the system, a state's to expand read in place. */
const streamTail = 1 << 16;

export class StoreThread {
  readonly data: StoreData;
  readonly control: Int32Array;
  private readonly worker: Worker;
  private readonly answers: MessagePort;

  constructor(config: ExhaustiveConfig) {
    const { port1, port2 } = new MessageChannel();
    this.answers = port1;
    const control = new SharedArrayBuffer(controlBytes);
    this.control = new Int32Array(control);
    this.data = {
      control,
      candidates: new SharedArrayBuffer(streamBytes + streamTail),
      frontier: new SharedArrayBuffer(streamBytes + streamTail),
      maxStates: config.maxStates,
      maxPoolBytes: recordPoolCeiling(),
      ...(config.memoryBudgetBytes === undefined ? {} : { memoryBudget: config.memoryBudgetBytes }),
      ...(config.heapBudgetBytes === undefined ? {} : { heapBudget: config.heapBudgetBytes }),
      answers: port2,
    };
    this.worker = startWorker(new URL('./storeWorker.ts', import.meta.url), this.data, [port2]);
    // Neither keeps the process alive: a thread handed nothing is ended by `stop`, or dies with the process.
    this.worker.unref();
    this.answers.unref();
  }

  /** Whether the thread has loaded its module and waits to be started. */
  get loaded(): boolean {
    return Atomics.load(this.control, Word.loaded) === 1;
  }

  /** Waits here until the thread has loaded, for at most `limitMs` (a thread that failed to load never does). */
  waitLoaded(limitMs = 60_000): void {
    const until = performance.now() + limitMs;
    while (!this.loaded && performance.now() < until) Atomics.wait(this.control, Word.loaded, 0, 50);
  }

  /** Resolves once the thread is loaded; rejects if it failed to load. */
  load(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(new Error(`pipelined search: the store thread exited (code ${code}) before it was loaded`)));
    });
  }

  /** Starts the store: from the initial states the search thread streams, or from `handover`, on shared memory:
   *  nothing is transferred, which would detach the buffers here and throw away this thread's optimised code
   *  (docs/engine.md "The handover shares the records"). */
  begin(handover?: Handover): void {
    const start: StoreStart = handover === undefined ? {} : { handover };
    this.worker.postMessage(start);
  }

  /** The store's final message, once the search thread told it to finish (waits for it here). */
  answer(): StoreResult {
    while (Atomics.load(this.control, Word.answered) === 0) Atomics.wait(this.control, Word.answered, 0, 50);
    const answer = receiveMessageOnPort(this.answers)?.message as StoreAnswer | undefined;
    this.stop();
    if (answer === undefined) throw new Error('pipelined search: the store thread answered nothing');
    if ('error' in answer) throw new Error(`pipelined search: the store thread failed: ${answer.error}`);
    return answer.result;
  }

  /** Ends the thread, whatever it was doing. */
  stop(): void {
    this.answers.close();
    void this.worker.terminate();
  }
}
