// Exhaustive search on two threads for a system of byte records (System.records), as a pipeline: this thread builds
// each state from its record, checks it and writes its successors' records; the store thread (storeWorker.ts) interns
// them, keeps the parent of each new one and hands the new states back in the order it found them. States are
// expanded in that order, which is the one-thread search's, so the search takes the same steps, leaves out the same
// ones (a state's `via` travels with its record), and finds the same states, depth and shortest counterexamples;
// only the work is split. The store's table holds the records exactly: no hashing of states, nothing left out of it.
import type { ExhaustiveConfig } from '../exhaustive/ExhaustiveOptions.ts';
import type { ExhaustiveOutcome } from '../exhaustive/ExhaustiveOutcome.ts';
import { assembleVerdicts, explorerOrder, type SearchEnding } from '../exhaustive/assembleVerdicts.ts';
import type { FoundViolation } from '../exhaustive/ExplorerSetup.ts';
import { exploredDepth } from '../exhaustive/levelEnding.ts';
import { overBudget } from '../exhaustive/memoryBudget.ts';
import { ParentLog } from '../exhaustive/ParentLog.ts';
import { PendingInvariants } from '../exhaustive/PendingInvariants.ts';
import { traceOfViolation } from '../exhaustive/traceOfViolation.ts';
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import type { ExplorationStats } from '../Verdict.ts';
import { RingReader, RingWriter, searchBell, sleepUntil, storeBell, Word } from './ByteRing.ts';
import { Candidate, Frontier } from './PipelineProtocol.ts';
import { StoreThread } from './StoreThread.ts';
import { SuccessorStream } from './SuccessorStream.ts';

/** States expanded between two reads of the clock and the memory in use. */
const checkEvery = 1024;

/** Whether the pipelined search can search `system` for `properties` under `config`: a system of records, invariants
 *  only (a trace property's monitor would travel with every state), and no depth bound. */
export function pipelineFits<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], config: ExhaustiveConfig): boolean {
  return system.records !== undefined && properties.every((p) => p.kind === 'invariant') && config.maxDepth === Infinity;
}

export async function searchPipelined<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], config: ExhaustiveConfig): Promise<ExhaustiveOutcome> {
  const started = performance.now();
  const assumed = system.assumed;
  if (assumed === undefined) return searchOnce(system, properties, config, started, () => undefined);
  // As on one thread (searchExhaustive.ts): the assumption is checked at every step taken, here on this thread.
  const first = await searchOnce(system, properties, config, started, () => (assumed.brokenBy() === undefined ? { name: assumed.name, outcome: 'held' } : undefined));
  const brokenBy = assumed.brokenBy();
  if (brokenBy === undefined) return first;
  return searchOnce(assumed.without(), properties, config, started, () => ({ name: assumed.name, outcome: 'broken', brokenBy }));
}

async function searchOnce<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  config: ExhaustiveConfig,
  started: number,
  assumption: () => ExplorationStats['assumption'],
): Promise<ExhaustiveOutcome> {
  if (!pipelineFits(system, properties, config)) throw new Error(`pipelined search: system ${system.name} does not fit it`);
  const thread = new StoreThread(config);
  try {
    // The store thread loads first (a failure to load is then an error here, not a wait without end).
    await thread.load();
  } catch (error) {
    thread.stop();
    throw error;
  }
  const startupMillis = performance.now() - started;
  thread.begin();
  const { invariants } = explorerOrder(properties);
  const from: Continued = { firstId: 0, depth: 0, transitions: 0, leftOut: 0, found: [], pending: new PendingInvariants(invariants, system), checked: 0, peakFrontier: 0, bytes: 0, millis: 0 };
  return { ...pipelineOutcome(system, properties, config, started, assumption, thread, from), startupMillis };
}

/** Where the search thread starts: from the initial states (all zero), or from a one-thread search handed over at the
 *  end of a level (switchToPipeline.ts), whose counts and violations it goes on with. */
export interface Continued {
  /** The id of the first state to expand (the states before it are expanded). */
  readonly firstId: number;
  readonly depth: number;
  readonly transitions: number;
  readonly leftOut: number;
  readonly found: FoundViolation[];
  readonly pending: PendingInvariants<unknown>;
  /** The states the one-thread search found (and checked): ids below this one. */
  readonly checked: number;
  readonly peakFrontier: number;
  /** Bytes the one-thread search still holds (its visited set), counted with the store's. */
  readonly bytes: number;
  /** Milliseconds the search had run on one thread. */
  readonly millis: number;
}

/** The search on two threads, the store thread begun: this thread expands what the store hands back until it is done;
 *  then the verdicts, from the two threads' counts. */
export function pipelineOutcome<S, A>(
  system: System<S, A>,
  properties: readonly Property<S, A>[],
  config: ExhaustiveConfig,
  started: number,
  assumption: () => ExplorationStats['assumption'],
  thread: StoreThread,
  from: Continued,
): ExhaustiveOutcome {
  const records = system.records!;
  const { ordered } = explorerOrder(properties);
  const leaveOut = config.leaveOut && system.leavesOut !== undefined;
  let run: Expansion;
  try {
    run = expand(system, records, config, started, thread, leaveOut, from);
  } catch (error) {
    // This thread failed (a property threw, say): the store would wait for it without end.
    thread.stop();
    throw error;
  }
  // A failed store thread has its error in the answer.
  const store = thread.answer();
  const ending: SearchEnding =
    run.cut !== undefined ? { kind: 'cut', limit: run.cut } : store.cut !== undefined ? { kind: 'cut', limit: store.cut } : { kind: 'complete' };
  const held = assumption();
  const stats: ExplorationStats = {
    states: store.states,
    transitions: run.transitions,
    depth: exploredDepth(ending, ending.kind === 'complete' ? run.depth + 1 : run.depth),
    millis: performance.now() - started,
    hashed: 0,
    ...(leaveOut ? { leftOut: run.leftOut } : {}),
    ...(held === undefined ? {} : { assumption: held }),
    twoThreads: { fromLevel: from.depth, fromStates: from.checked, fromMillis: from.millis },
  };
  const lookup = ParentLog.of(store.parents);
  const verdicts = assembleVerdicts(properties, ordered, run.found, ending, stats, (violation, property) => traceOfViolation(system, violation, property, lookup));
  return {
    verdicts,
    stats,
    fingerprints: { exact: store.states, hashed: 0, omissionBound: 0 },
    memory: {
      visitedBytes: store.visitedBytes + from.bytes,
      parentBytes: store.parentBytes,
      peakFrontier: Math.max(store.peakFrontier, from.peakFrontier),
      ...(store.storeLimit === undefined ? {} : { storeLimit: store.storeLimit }),
    },
    workers: 2,
  };
}

interface Expansion {
  transitions: number;
  leftOut: number;
  depth: number;
  found: FoundViolation[];
  cut: 'time' | 'memory' | 'stop-at-first' | undefined;
}

/** This thread's part: seeds, then expands every state the store hands back until it says none is left, or a limit of
 *  this thread's cuts the search; then tells the store to finish. */
function expand<S, A>(
  system: System<S, A>,
  records: NonNullable<System<S, A>['records']>,
  config: ExhaustiveConfig,
  started: number,
  thread: StoreThread,
  leaveOut: boolean,
  from: Continued,
): Expansion {
  const { control: ctrl, data } = thread;
  const failed = (): void => {
    if (Atomics.load(ctrl, Word.failed) === 1) throw new StoreFailed();
  };
  const out = new RingWriter(data.candidates, ctrl, Word.candidatesWritten, Word.candidatesRead, storeBell, searchBell, failed);
  const back = new RingReader(data.frontier, ctrl, Word.frontierWritten, Word.frontierRead, storeBell);
  const run: Expansion = { transitions: from.transitions, leftOut: from.leftOut, depth: from.depth, found: from.found, cut: undefined };
  const pending = from.pending as PendingInvariants<S>;
  const deadline = started + config.timeLimitMs;
  const successors = new SuccessorStream(out, run, leaveOut);
  try {
    // Handed over, the store knows the states found so far.
    if (from.firstId === 0) {
      for (const state of system.initialStates()) {
        const record = records.recordOf(state);
        out.room(record.length + 16);
        out.varint(Candidate.initial);
        out.varint(record.length);
        out.copy(record, 0, record.length);
      }
      out.room(1);
      out.varint(Candidate.seeded);
    }
    // The record of the state being expanded: its world keeps it only while it is checked and expanded.
    let record = new Uint8Array(256);
    for (let id = from.firstId; ; ) {
      if (!back.available()) {
        out.publish();
        back.release();
        while (!back.available()) {
          failed();
          sleepUntil(ctrl, searchBell, () => back.available());
        }
      }
      const code = back.varint();
      if (code === Frontier.done) break;
      if (code === Frontier.nextLevel) {
        // The states found so far are those of the levels before this one and the ones handed back of it: at least `id`.
        config.onProgress?.({ states: id, transitions: run.transitions, depth: run.depth });
        run.depth++;
        continue;
      }
      const length = code - Frontier.state;
      const via = back.varint() - 1;
      let state: S;
      if (length <= back.tail) {
        // Written in one piece: read in place (the stream's bytes stay until `release`, after this state's expansion).
        const at = back.linearAt();
        state = records.stateOfRecord(back.buffer, at, at + length);
        back.skip(length);
      } else {
        if (record.length < length) record = new Uint8Array(Math.max(length, record.length * 2));
        back.copy(record, length);
        state = records.stateOfRecord(record, 0, length);
      }
      // The states below `from.checked` were checked by the one-thread search that handed over.
      if (id >= from.checked && !pending.allHold(state)) {
        for (const property of pending.violatedBy(state) ?? []) run.found.push({ property, depth: run.depth, state: id, action: -1 });
      }
      successors.index = 0;
      records.writeSuccessors(state, leaveOut ? via : -1, successors);
      out.room(1);
      out.varint(Candidate.endOfState);
      if (out.pending > 1 << 14) out.publish();
      if ((++id & (checkEvery - 1)) === 0) {
        back.release();
        if (performance.now() > deadline) run.cut = 'time';
        else if (overBudget(config.memoryBudgetBytes, config.heapBudgetBytes)) run.cut = 'memory';
      }
      if (config.stopAtFirst && run.found.length > 0) run.cut = 'stop-at-first';
      if (run.cut !== undefined) break;
    }
    out.room(1);
    out.varint(Candidate.finish);
    out.publish();
    back.release();
  } catch (error) {
    // The store's own error comes with its answer.
    if (!(error instanceof StoreFailed)) throw error;
  }
  return run;
}

class StoreFailed extends Error {}
