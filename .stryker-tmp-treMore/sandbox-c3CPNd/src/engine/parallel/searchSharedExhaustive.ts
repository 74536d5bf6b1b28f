// Exhaustive breadth-first search on shared memory: the main thread searches from the start, and
// helper threads join it as soon as they have rebuilt the system. Every level's id range is split
// in chunks among the threads; new states are claimed in one shared visited set (compare-and-swap,
// so each is counted once) and get global ids, parents and actions in shared arrays. No state
// travels in a message. Only for numeric states with keys below 2^32 - 1 and no trace properties:
// otherwise (also when such a state turns up mid-search) it returns undefined and the caller falls back.
import { assembleVerdicts, explorerOrder, type SearchEnding } from '../exhaustive/assembleVerdicts.ts';
import type { ExhaustiveConfig } from '../exhaustive/ExhaustiveOptions.ts';
import type { ExhaustiveOutcome } from '../exhaustive/ExhaustiveOutcome.ts';
import { overBudget } from '../exhaustive/memoryBudget.ts';
import { exploredDepth, levelEnding } from '../exhaustive/levelEnding.ts';
import { traceOfViolation } from '../exhaustive/traceOfViolation.ts';
import type { Invariant, Property } from '../Property.ts';
import type { System } from '../System.ts';
import type { SystemSource } from '../SystemSource.ts';
import { rehashShare } from './rehashShare.ts';
import { readStats, SharedExplorer } from './SharedExplorer.ts';
import { SharedHelpers } from './SharedHelpers.ts';
import {
  allocateArrays,
  blockIds,
  Command,
  CutCode,
  idCapacity,
  maxLoad,
  Status,
  tableLimit,
  Word,
  type SharedArrays,
} from './SharedSearchMemory.ts';

/** Levels with fewer states than this are expanded by the main thread alone. */
const soloLevelStates = 2048;

/** Ids reserved up front at most (14 bytes each of address space): beyond, the id arrays grow by copying. */
const maxReservedIds = 2 ** 25;

export interface SharedPlan {
  /** The helper threads besides the main thread, started or not (the search stops them when it ends). */
  readonly team: SharedHelpers;
  /** Start the helpers only once the search has run this long (0: at once). Small searches end
   *  before and never pay for a thread. */
  readonly startAfterMs: number;
  /** Asked once, when `startAfterMs` has passed: false keeps the search on this thread. Default: yes. */
  readonly startIf?: () => boolean;
}

export async function searchSharedExhaustive<A>(
  system: System<number, A>,
  properties: readonly Property<number, A>[],
  config: ExhaustiveConfig,
  plan: SharedPlan,
): Promise<ExhaustiveOutcome | undefined> {
  const team = plan.team;
  try {
    return await search(system, properties, config, team, plan);
  } finally {
    team.stop();
  }
}

/** Starts `helpers` helper threads for a search of these properties (they join once they are ready). */
export function sharedHelpers<S, A>(source: SystemSource, properties: readonly Property<S, A>[], helpers: number): SharedHelpers {
  return new SharedHelpers({ source, properties: explorerOrder(properties).ordered.map((p) => p.id), helpers });
}

async function search<A>(
  system: System<number, A>,
  properties: readonly Property<number, A>[],
  config: ExhaustiveConfig,
  team: SharedHelpers,
  plan: SharedPlan,
): Promise<ExhaustiveOutcome | undefined> {
  const started = performance.now();
  const { invariants, traceProperties, ordered } = explorerOrder(properties);
  // Cheap early answer for the common cases the shared arrays cannot hold (each stored state is checked too).
  if (traceProperties.length > 0 || system.initialStates().some((s) => typeof s !== 'number')) return undefined;
  const deadline = started + config.timeLimitMs;
  team.useLimits({ deadlineEpoch: performance.timeOrigin + deadline, stopAtFirst: config.stopAtFirst });
  const control = team.control;
  const threads = team.helpers + 1;
  const room = blockIds * threads * 2;
  let slots = 1024;
  while (slots < config.initialCapacity || slots * maxLoad < system.initialStates().length + room) slots *= 2;
  // Id arrays are reserved for the states limit up front (the system commits pages only as they are
  // written), so they seldom need copying; the table grows, since its entries spread over all of it.
  let arrays: SharedArrays;
  try {
    arrays = allocateArrays(slots, Math.max(slots, Math.min(maxReservedIds, config.maxStates + blockIds)));
  } catch {
    // A system that commits address space up front refuses the reservation: grow by copying instead.
    arrays = allocateArrays(slots, slots);
  }
  const main = new SharedExplorer(system, invariants as Invariant<number>[], control, team.stats, team.stride, 0, deadline, config.stopAtFirst);
  main.bind(arrays);
  team.useArrays(arrays);
  const setIdLimit = (holes: number): void => {
    Atomics.store(control, Word.idLimit, Math.min(idCapacity(arrays), holes + Math.min(tableLimit(arrays), config.maxStates)));
  };
  setIdLimit(0);
  let asked = false;
  const askToStart = (): void => {
    asked = true;
    if (plan.startIf?.() ?? true) team.start();
  };
  if (plan.startAfterMs <= 0) askToStart();
  let chunks = 0;
  const onChunk = (): void => {
    if (!asked && performance.now() - started >= plan.startAfterMs) askToStart();
    team.joinReady();
    // The memory budget, read every 16 chunks (4,096 states) as the one-thread search reads it every 1,024: the
    // shared arrays (outside the heap's and external_memory's count) by what is in use, the rest as it reads.
    if ((++chunks & 15) === 0) {
      const shared = arrays.table.byteLength + Atomics.load(control, Word.nextId) * 14;
      if (overBudget(config.memoryBudgetBytes - shared, config.heapBudgetBytes)) Atomics.compareExchange(control, Word.cut, CutCode.none, CutCode.memory);
    }
  };
  const seeded = main.seed();
  if (seeded === Status.unpackable) return undefined;
  let ending: SearchEnding | undefined = seeded === Status.cut ? cutEnding(control, 'stop-at-first') : undefined;
  if (seeded === Status.blocked) ending = { kind: 'cut', limit: 'states' };
  let levelStart = 0;
  let levelEnd = Atomics.load(control, Word.nextId);
  let statesBefore = 0;
  let depth = 0;
  let peakFrontier = 0;
  let totals = sumStats(team, threads);
  while (ending === undefined) {
    const frontier = totals.states - statesBefore;
    peakFrontier = Math.max(peakFrontier, frontier);
    ending = levelEnding(undefined, frontier, depth, config.maxDepth);
    if (ending !== undefined) break;
    Atomics.store(control, Word.cursor, levelStart);
    Atomics.store(control, Word.levelEnd, levelEnd);
    Atomics.store(control, Word.depth, depth);
    // A small level is not worth waking the helpers for: a barrier costs about as much as a few
    // hundred states (the helpers stay parked, but one joining now takes part).
    if (frontier < soloLevelStates) team.alone();
    else team.command(Command.expandLevel);
    main.beginLevel();
    for (;;) {
      main.work(onChunk);
      await team.waitArrivals();
      totals = sumStats(team, threads);
      if (totals.statuses.includes(Status.unpackable)) return undefined;
      if (totals.statuses.includes(Status.cut)) {
        ending = cutEnding(control, 'time');
        break;
      }
      if (!totals.statuses.includes(Status.blocked)) break;
      // A thread needs an id the limit does not allow: every thread is at the barrier, so the counts are exact.
      if (totals.states >= config.maxStates) {
        ending = { kind: 'cut', limit: 'states' };
        break;
      }
      const old = arrays;
      arrays = grow(arrays, totals.states, Atomics.load(control, Word.nextId), room);
      main.bind(arrays);
      if (arrays.table !== old.table) {
        // Every thread moves its share of the old table, then all resume on the new one.
        team.useArrays(arrays, old.table);
        team.command(Command.rehash);
        rehashShare(new Int32Array(old.table), new Int32Array(arrays.table), 0, team.joined + 1);
        await team.waitArrivals();
      } else {
        team.useArrays(arrays);
      }
      setIdLimit(totals.holes);
      team.command(Command.resume);
    }
    if (ending !== undefined) break;
    statesBefore += frontier;
    levelStart = levelEnd;
    levelEnd = Atomics.load(control, Word.nextId);
    setIdLimit(totals.holes);
    depth++;
    config.onProgress?.({ states: totals.states, transitions: totals.transitions, depth });
  }
  const stats = {
    states: totals.states,
    transitions: totals.transitions,
    depth: exploredDepth(ending, depth),
    millis: performance.now() - started,
  };
  const parents = new Int32Array(arrays.parents);
  const actions = new Uint16Array(arrays.actions);
  const lookup = { parent: (id: number) => parents[id]!, action: (id: number) => actions[id]! };
  const verdicts = assembleVerdicts(properties, ordered, totals.found, ending, stats, (violation, property) =>
    traceOfViolation(system, violation, property, lookup),
  );
  return {
    verdicts,
    stats,
    fingerprints: { exact: totals.states, hashed: 0, omissionBound: 0 },
    memory: {
      visitedBytes: arrays.table.byteLength,
      // Per id used (the id arrays are reserved larger, but only written pages take memory): parent id,
      // action index, and the state value the levels are read from (the serial search's frontier).
      parentBytes: Atomics.load(control, Word.nextId) * (4 + 2 + 8),
      peakFrontier,
    },
    workers: 1 + team.joined,
    // The main thread's, then each joined helper's (helpers that never joined did no work).
    busyMillis: totals.busyMillis.filter((millis, i) => i === 0 || millis > 0),
    ...(team.firstJoin === undefined ? {} : { startupMillis: Math.max(0, team.firstJoin - started) }),
  };
}

function cutEnding(control: Int32Array, otherwise: 'time' | 'stop-at-first'): SearchEnding {
  const code = Atomics.load(control, Word.cut);
  const limit = code === CutCode.stopAtFirst ? 'stop-at-first' : code === CutCode.time ? 'time' : code === CutCode.memory ? 'memory' : otherwise;
  return { kind: 'cut', limit };
}

/** Every thread's figures summed (threads that never joined published nothing and count zero). */
function sumStats(team: SharedHelpers, threads: number) {
  const totals = {
    states: 0,
    transitions: 0,
    holes: 0,
    statuses: [] as number[],
    busyMillis: [] as number[],
    found: [] as ReturnType<typeof readStats>['found'],
  };
  for (let i = 0; i < threads; i++) {
    const s = readStats(team.stats, team.stride, i);
    totals.states += s.states;
    totals.transitions += s.transitions;
    totals.holes += s.holes;
    totals.statuses.push(s.status);
    totals.busyMillis.push(s.busyMillis);
    totals.found.push(...s.found);
  }
  return totals;
}

/** Bigger arrays, so that every thread can reserve `room` more ids: the id arrays are copied, the
 *  table is new and empty (the threads then move the old one into it with rehashShare). */
function grow(arrays: SharedArrays, states: number, nextId: number, room: number): SharedArrays {
  let slots = arrays.table.byteLength / 4;
  // Quadrupling up to 16 MiB of table moves a third as many entries as doubling (moves stop every
  // thread's search) at the cost of at most 16 MiB; beyond, doubling keeps the load as serial's.
  while (Math.floor(slots * maxLoad) - states < room) slots *= slots < 2 ** 22 ? 4 : 2;
  let ids = idCapacity(arrays);
  while (ids - nextId < room) ids *= 2;
  if (slots > 2 ** 30) throw new RangeError('shared-memory exhaustive search: more than 2^30 slots; lower maxStates');
  const grown = {
    table: slots === arrays.table.byteLength / 4 ? arrays.table : new SharedArrayBuffer(slots * 4),
    parents: arrays.parents,
    actions: arrays.actions,
    values: arrays.values,
  };
  if (ids === idCapacity(arrays)) return grown;
  const copy = <T extends Int32Array | Uint16Array | Float64Array>(old: T, Kind: { new (b: SharedArrayBuffer): T; BYTES_PER_ELEMENT: number }) => {
    const buffer = new SharedArrayBuffer(ids * Kind.BYTES_PER_ELEMENT);
    new Kind(buffer).set(old.subarray(0, nextId));
    return buffer;
  };
  return {
    table: grown.table,
    parents: copy(new Int32Array(arrays.parents), Int32Array),
    actions: copy(new Uint16Array(arrays.actions), Uint16Array),
    values: copy(new Float64Array(arrays.values), Float64Array),
  };
}
