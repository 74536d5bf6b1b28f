// A one-thread search that goes on on two threads once it has shown itself long enough to pay for the second: the
// store thread is started after the search has run a while (and only when a core looks free), loads while the search
// goes on, and at the first level's end after it has loaded the search hands it what it stored (its records, at the
// offsets it knows them by, and its parents) and the level to expand next; from there the pipelined search
// (searchPipelined.ts) expands the states in the order one thread would, so the search takes the same steps and finds
// the same states, depth and counterexamples as if it had stayed on one thread. A search that ends first never
// waited for the thread, and ends it.
import { collectNow } from '../../packing/collectReplaced.ts';
import { sharedCopy } from '../../packing/sharedCopy.ts';
import type { ExhaustiveConfig, ExhaustiveProgress, TwoThreadsWhen } from '../exhaustive/ExhaustiveOptions.ts';
import type { LevelExplorer } from '../exhaustive/LevelExplorer.ts';
import type { System } from '../System.ts';
import type { Continued } from './searchPipelined.ts';
import { StoreThread } from './StoreThread.ts';

export class PipelineSwitch {
  private thread: StoreThread | undefined;
  private stopped = false;

  constructor(
    private readonly config: ExhaustiveConfig,
    private readonly started: number,
    private readonly when: TwoThreadsWhen,
  ) {}

  /** At a level's end: the store thread, once it has loaded (started at a level's end past `when.afterMs` where
   *  `when.startIf` said yes); undefined until then, and after `stop`. */
  ready(progress: ExhaustiveProgress): StoreThread | undefined {
    if (this.stopped) return undefined;
    if (this.thread === undefined) {
      if (performance.now() - this.started < this.when.afterMs || !this.when.startIf(progress)) return undefined;
      this.thread = new StoreThread(this.config);
      if (!this.when.waitForThread) return undefined;
      this.thread.waitLoaded();
    }
    return this.thread.loaded ? this.thread : undefined;
  }

  /** Ends the thread if the search did not hand itself over; none is started after. */
  stop(): void {
    this.stopped = true;
    this.thread?.stop();
    this.thread = undefined;
  }
}

/** Hands the search `explorer` runs, between two levels, to `thread`: what the pipelined search on this thread goes on
 *  from, or undefined (nothing handed) when the explorer's search does not fit one (LevelExplorer.handover), or when
 *  the system's table of records holds a record the search did not find (the store would take it for found). */
export function handOver<S, A>(system: System<S, A>, explorer: LevelExplorer<S, A>, thread: StoreThread, millis: number): Continued | undefined {
  const records = system.records;
  const level = explorer.handover();
  if (records === undefined || level === undefined) return undefined;
  const table = records.keyTable();
  if (table.size !== explorer.states) return undefined;
  const { parents, actions } = explorer.parents.export();
  const tags = Int32Array.from(level.keys, (_, i) => {
    const via = level.via[i];
    return via === undefined ? -1 : records.tagOf(via);
  });
  // All on shared memory (sharedCopy.ts): posted, nothing is serialised here and built again there, nor detached here.
  thread.begin({ table: records.moveKeyTable(), parents: sharedCopy(parents), actions: sharedCopy(actions), frontier: sharedCopy(Int32Array.from(level.keys)), tags: sharedCopy(tags) });
  // The table's old arrays, copied for the store thread (RecordTable.moveOut), released now: this thread allocates
  // too little from here on for V8 to collect them before the search ends (13 MB at 4 injections, 3 bytes a state of
  // peak RSS; the collection takes some 20 ms). The shared copies are the store's from here.
  collectNow();
  return {
    firstId: level.frontierStart,
    depth: explorer.depth,
    transitions: explorer.transitions,
    leftOut: explorer.leftOut,
    found: level.found,
    pending: level.pending,
    checked: explorer.states,
    peakFrontier: explorer.peakFrontier,
    bytes: explorer.bytes.visited,
    millis,
  };
}
