// Options of the exhaustive search, resolved into a complete config in this one place, with the defaults.
import { totalmem } from 'node:os';
import { getHeapStatistics } from 'node:v8';
import type { ReductionOffReason } from '../ReductionStats.ts';

export interface ExhaustiveProgress {
  readonly states: number;
  readonly transitions: number;
  /** Deepest level whose states are all known. */
  readonly depth: number;
  /** One-thread search: states of that level (the next to expand), and of the widest level so far. */
  readonly level?: number;
  readonly widest?: number;
}

export interface ExhaustiveOptions {
  /** Longest traces explored, in steps. Default: unbounded (the whole reachable space). */
  readonly maxDepth?: number;
  /** Stop (inconclusive) before storing more distinct states than this. Default: 20,000,000
   *  (about 0.5 GB of visited set and parent pointers at the default load). */
  readonly maxStates?: number;
  /** Stop (inconclusive) after this many milliseconds; the clock only stops the search, it never
   *  decides what is explored. Default: unbounded. */
  readonly timeLimitMs?: number;
  /** Stop at the first violation of any property; the others become inconclusive. Default: false. */
  readonly stopAtFirst?: boolean;
  /** Stop (inconclusive, limit 'memory') once the memory in use, V8's heap plus what lies outside it (the typed
   *  arrays of record pools, interning tables, visited set and parent log), passes this many bytes, rather than be
   *  aborted with no verdict (on threads: each partitioned worker against its share; the shared-memory search
   *  counts its shared arrays by what is in use). Default: 85% of this machine's memory (or of the process's cgroup
   *  limit, if lower). Whatever it says, the search also stops when V8's heap passes 85% of its limit, and when a
   *  store reaches its own ceiling (StoreLimitError). */
  readonly memoryBudgetBytes?: number;
  /** Initial visited-set slots (it grows by doubling). Default: 65,536. */
  readonly initialCapacity?: number;
  /** Partial-order reduction, for systems that offer it. Default: true.
   *  - Through the system's ample sets (System.ample): off whatever this says under a depth bound (`maxDepth`): the
   *    reduced graph may reach a state only by a path longer than its shortest, so a bound would leave out states
   *    the bounded full search covers.
   *  - Steps left out by the action that reached a state (System.leavesOut): every state is still found at its
   *    depth, so also under a depth bound. */
  readonly reduction?: boolean;
  /** Symmetry reduction, for systems that declare a symmetry (System.symmetry): one state per orbit, when every
   *  property checked is preserved by it and no ample set is in use. Default: false: the one model that declares one
   *  (two identical devices of the TR world) declares it for one scenario and four claims, where it halves the states
   *  and is measured 1.27x faster (docs/engine.md, "Symmetry"); asked for there. */
  readonly symmetry?: boolean;
  /** Called after each breadth-first level (for progress display only). Default: none. */
  readonly onProgress?: (progress: ExhaustiveProgress) => void;
  /** A search of a system of records (System.records) for invariants, with no depth bound, goes on on two threads
   *  (the pipelined search) once it has run this long, if a core looks free then (src/engine/pipeline/
   *  switchToPipeline.ts): the same states, steps and verdicts. Default: one thread to the end. */
  readonly twoThreads?: TwoThreadsWhen;
}

/** When a one-thread search goes on on two threads (ExhaustiveOptions.twoThreads). */
export interface TwoThreadsWhen {
  /** Milliseconds of search before the second thread may be started (the search goes on on two threads at the first
   *  level's end after that thread has loaded). */
  readonly afterMs: number;
  /** Asked at each level's end past `afterMs` until it says yes, with the search's progress: whether to start the
   *  thread now (whether a core looks free). */
  readonly startIf: (progress: ExhaustiveProgress) => boolean;
  /** The search waits for the thread to load at the level's end it started it, and goes on on two threads from there
   *  (a test or bench hands over at a known level). Default: it goes on alone meanwhile. */
  readonly waitForThread?: boolean;
}

export interface ExhaustiveConfig {
  readonly maxDepth: number;
  readonly maxStates: number;
  readonly timeLimitMs: number;
  readonly stopAtFirst: boolean;
  readonly memoryBudgetBytes: number;
  /** V8 heap bytes in use past which the search stops: 85% of the heap limit. */
  readonly heapBudgetBytes: number;
  readonly initialCapacity: number;
  readonly reduction: { readonly on: true } | { readonly on: false; readonly reason: Exclude<ReductionOffReason, 'parallel'> };
  /** Steps left out by the action that reached a state (System.leavesOut). */
  readonly leaveOut: boolean;
  readonly symmetry: boolean;
  readonly onProgress: ((progress: ExhaustiveProgress) => void) | undefined;
  readonly twoThreads: TwoThreadsWhen | undefined;
}

const exhaustiveDefaults = {
  maxDepth: Number.POSITIVE_INFINITY,
  maxStates: 20_000_000,
  timeLimitMs: Number.POSITIVE_INFINITY,
  stopAtFirst: false,
  initialCapacity: 1 << 16,
  reduction: true,
} as const;

export function resolveExhaustiveOptions(options: ExhaustiveOptions = {}): ExhaustiveConfig {
  const maxDepth = options.maxDepth ?? exhaustiveDefaults.maxDepth;
  const reduction: ExhaustiveConfig['reduction'] = !(options.reduction ?? exhaustiveDefaults.reduction)
    ? { on: false, reason: 'turned-off' }
    : maxDepth !== Number.POSITIVE_INFINITY
      ? { on: false, reason: 'depth-bound' }
      : { on: true };
  const config = {
    maxDepth,
    maxStates: options.maxStates ?? exhaustiveDefaults.maxStates,
    timeLimitMs: options.timeLimitMs ?? exhaustiveDefaults.timeLimitMs,
    stopAtFirst: options.stopAtFirst ?? exhaustiveDefaults.stopAtFirst,
    memoryBudgetBytes: options.memoryBudgetBytes ?? defaultMemoryBudget(),
    heapBudgetBytes: Math.floor(0.85 * getHeapStatistics().heap_size_limit),
    initialCapacity: options.initialCapacity ?? exhaustiveDefaults.initialCapacity,
    reduction,
    leaveOut: options.reduction ?? exhaustiveDefaults.reduction,
    symmetry: options.symmetry ?? false,
    onProgress: options.onProgress,
    twoThreads: options.twoThreads,
  };
  const countOrInfinity = (name: string, value: number): void => {
    if (!(value === Number.POSITIVE_INFINITY || (Number.isInteger(value) && value >= 0))) {
      throw new RangeError(`exhaustive search: ${name} must be a non-negative integer, got ${value}`);
    }
  };
  countOrInfinity('maxDepth', config.maxDepth);
  countOrInfinity('maxStates', config.maxStates);
  if (!(config.memoryBudgetBytes > 0)) throw new RangeError(`exhaustive search: memoryBudgetBytes must be positive, got ${config.memoryBudgetBytes}`);
  if (!(config.timeLimitMs >= 0)) throw new RangeError(`exhaustive search: timeLimitMs must be >= 0, got ${config.timeLimitMs}`);
  if (!(Number.isInteger(config.initialCapacity) && config.initialCapacity > 0)) {
    throw new RangeError(`exhaustive search: initialCapacity must be a positive integer, got ${config.initialCapacity}`);
  }
  return config;
}

/** 85% of the memory this process may use: the machine's, or its cgroup's limit when lower (Node gives a huge number
 *  or 0 when there is none). */
function defaultMemoryBudget(): number {
  const machine = totalmem();
  const constrained = (process as { constrainedMemory?: () => number | undefined }).constrainedMemory?.() ?? 0;
  return Math.floor(0.85 * (constrained > 0 && constrained < machine ? constrained : machine));
}
