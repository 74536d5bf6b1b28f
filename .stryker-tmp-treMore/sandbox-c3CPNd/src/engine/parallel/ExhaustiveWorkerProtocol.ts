// Messages between the main thread and the workers of the parallel exhaustive search
// (level-synchronous: every worker expands a level, then absorbs what the others found for it).
import type { SystemSource } from '../SystemSource.ts';
import type { Batch, FoundViolation } from '../exhaustive/LevelExplorer.ts';

export interface ExhaustiveWorkerData {
  readonly source: SystemSource;
  /** Property ids, in the caller's order. */
  readonly properties: readonly string[];
  readonly owner: number;
  readonly owners: number;
  readonly maxStates: number;
  /** Wall-clock time (performance.timeOrigin + now) after which the search stops; Infinity for none.
   *  An epoch, not a duration, since each thread has its own clock origin and a worker's start-up
   *  counts against the time limit too. */
  readonly deadlineEpoch: number;
  readonly stopAtFirst: boolean;
  readonly initialCapacity: number;
  /** This worker's share of the search's memory budget (its heap and the memory outside it), past which it stops
   *  the search inconclusive (limit 'memory'); its heap is also held below 85% of its own limit. */
  readonly memoryBudgetBytes: number;
}

export type ToWorker =
  | { readonly kind: 'expand' }
  | { readonly kind: 'absorb'; readonly batches: readonly Batch<unknown>[] }
  | { readonly kind: 'parents' };

/** Where a worker stands after a phase. */
export interface WorkerStatus {
  readonly states: number;
  readonly transitions: number;
  readonly frontier: number;
  readonly hashed: number;
  readonly peakFrontier: number;
  readonly visitedBytes: number;
  readonly parentBytes: number;
  readonly cut: 'states' | 'time' | 'memory' | 'stop-at-first' | undefined;
  /** Violations seen so far (FoundViolation.property indexes invariants first, then trace properties). */
  readonly found: readonly FoundViolation[];
  /** Milliseconds spent expanding and absorbing (not waiting), for utilisation figures. */
  readonly busyMillis: number;
}

export type FromWorker =
  | { readonly kind: 'ready'; readonly status: WorkerStatus }
  /** `batches[owner]`: states found for that owner (empty for the sender itself). */
  | { readonly kind: 'expanded'; readonly status: WorkerStatus; readonly batches: readonly Batch<unknown>[] }
  | { readonly kind: 'absorbed'; readonly status: WorkerStatus }
  | { readonly kind: 'parents'; readonly parents: Int32Array; readonly actions: Uint16Array };
