// The store thread of the pipelined search (searchPipelined.ts): it interns the successors' records the search thread
// streams to it, keeps the parent of each new state, and streams the new states back, in the order it found them, for
// the search thread to expand. It reads records as bytes and never builds a state: it loads no model.
import { parentPort, workerData } from 'node:worker_threads';
import { overBudget } from '../exhaustive/memoryBudget.ts';
import { ParentLog, chunkBuffers } from '../exhaustive/ParentLog.ts';
import { isStoreLimit } from '../StoreLimitError.ts';
import { RecordTable, recordHash } from '../../packing/RecordTable.ts';
import { RingReader, RingWriter, ring, searchBell, sleepUntil, storeBell, Word } from './ByteRing.ts';
import { growsEarly } from './earlyGrowth.ts';
import { Candidate, Frontier, type Handover, type StoreAnswer, type StoreData, type StoreResult, type StoreStart } from './PipelineProtocol.ts';

/** States registered between two reads of the memory in use. */
const checkMemoryEvery = 1024;

/** The states found and not yet sent back, in id order: their records' offsets and the tags they were reached by. */
class Queue {
  offsets = new Int32Array(1 << 12);
  tags = new Int32Array(1 << 12);
  head = 0;
  tail = 0;

  push(offset: number, tag: number): void {
    if (this.tail === this.offsets.length) {
      if (this.head * 2 >= this.tail) {
        this.offsets.copyWithin(0, this.head, this.tail);
        this.tags.copyWithin(0, this.head, this.tail);
      } else {
        this.offsets = grown(this.offsets, this.head, this.tail);
        this.tags = grown(this.tags, this.head, this.tail);
      }
      this.tail -= this.head;
      this.head = 0;
    }
    this.offsets[this.tail] = offset;
    this.tags[this.tail++] = tag;
  }
}

function grown(array: Int32Array<ArrayBuffer>, from: number, to: number): Int32Array<ArrayBuffer> {
  const out = new Int32Array(Math.floor(array.length * 1.5));
  out.set(array.subarray(from, to));
  return out;
}

/** Successors interned together (`flush`): up to this many. (The search thread's own batch of one state's successors
 *  is models/world/successorRecord.ts; this one is the store's, of whatever the stream brings.) */
const batchSize = 64;

/** Successors read and not yet interned: their records, hashes, parents, actions and tags. */
class PendingSuccessors {
  bytes = new Uint8Array(1 << 12);
  readonly starts = new Int32Array(batchSize);
  readonly ends = new Int32Array(batchSize);
  readonly hashes = new Int32Array(batchSize);
  readonly parents = new Int32Array(batchSize);
  readonly actions = new Int32Array(batchSize);
  readonly tags = new Int32Array(batchSize);
  size = 0;
  private top = 0;
  /** The first slots read ahead, folded here so the reads are not dropped. */
  touched = 0;

  /** Reads a successor's record of `length` bytes from `stream`. */
  add(stream: RingReader, length: number, parent: number, action: number, tag: number): void {
    if (this.top + length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.top + length, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.top));
      this.bytes = grown;
    }
    const k = this.size++;
    stream.copyInto(this.bytes, this.top, length);
    this.starts[k] = this.top;
    this.ends[k] = this.top + length;
    this.hashes[k] = recordHash(this.bytes, this.top, length);
    this.parents[k] = parent;
    this.actions[k] = action;
    this.tags[k] = tag;
    this.top += length;
  }

  clear(): void {
    this.size = 0;
    this.top = 0;
  }
}

if (parentPort !== null) {
  const data = workerData as StoreData;
  const control = new Int32Array(data.control);
  Atomics.store(control, Word.loaded, 1);
  Atomics.notify(control, Word.loaded);
  parentPort.postMessage('ready');
  parentPort.once('message', (start: StoreStart) => {
    let answer: StoreAnswer;
    let moved: ArrayBuffer[] = [];
    try {
      const result = store(data, control, start.handover);
      answer = { result };
      // The parent log's arrays are moved, not copied (a copy beside them was the search's peak of memory).
      moved = chunkBuffers(result.parents);
    } catch (error) {
      answer = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
      // The search thread may wait for this one: it stops at this word.
      Atomics.store(control, Word.failed, 1);
    }
    data.answers.postMessage(answer, moved);
    Atomics.store(control, Word.answered, 1);
    Atomics.notify(control, Word.answered);
    ring(control, searchBell);
  });
}

function store(data: StoreData, control: Int32Array, handover: Handover | undefined): StoreResult {
  const candidates = new RingReader(data.candidates, control, Word.candidatesWritten, Word.candidatesRead, searchBell);
  const frontier = new RingWriter(data.frontier, control, Word.frontierWritten, Word.frontierRead, searchBell, storeBell);
  const table = handover === undefined ? new RecordTable({ maxPoolBytes: data.maxPoolBytes }) : RecordTable.of(handover.table, { maxPoolBytes: data.maxPoolBytes });
  const parents = new ParentLog();
  const queue = new Queue();
  let record = new Uint8Array(256);
  /** States registered; end-of-state marks read (so: the id of the state whose successors arrive); states sent back. */
  let registered = 0;
  let expanded = 0;
  let sent = 0;
  let initials = 0;
  /** The id of the first state of each level past the first: known once the level before it is expanded. */
  const levels: number[] = [];
  let levelsSent = 0;
  let seeded = false;
  let doneSent = false;
  let cut: StoreResult['cut'];
  let storeLimit: string | undefined;
  let peakFrontier = 0;
  // The pace of this search, for growing the table early (earlyGrowth.ts): the search thread's over a window that
  // starts at `paceFrom`, with `paceExpanded` states expanded then; the store's at its last growth.
  let paceFrom = performance.now();
  let paceExpanded = 0;
  let msPerState = 0;
  let msPerRecord = Infinity;
  const grow = (): void => {
    // The states found go to the search thread first, for it to expand while the table grows.
    if (sendBack()) frontier.publish();
    const startedAt = performance.now();
    table.grow();
    msPerRecord = (performance.now() - startedAt) / table.size;
  };

  const register = (body: Uint8Array, from: number, length: number, hash: number, parent: number, action: number, tag: number): void => {
    try {
      // A table a record may fill grows here (by one record sooner, if that one is not new).
      if (table.fullAfterNext) grow();
      const before = table.size;
      const at = table.internHashed(body, from, length, hash);
      if (table.size === before) return;
      if (registered >= data.maxStates) {
        cut = 'states';
        return;
      }
      parents.push(parent, action);
      queue.push(at, tag);
      registered++;
      if ((registered & (checkMemoryEvery - 1)) === 0) {
        if (overBudget(data.memoryBudget, data.heapBudget)) cut = 'memory';
        // The search thread's pace over the last fifth of a second or more (its waits included).
        const now = performance.now();
        if (now - paceFrom >= 200 && expanded > paceExpanded) {
          msPerState = (now - paceFrom) / (expanded - paceExpanded);
          paceFrom = now;
          paceExpanded = expanded;
        }
        if (cut === undefined && growsEarly({ records: table.size, slots: table.slotCount, waiting: registered - expanded, msPerState, msPerRecord })) grow();
      }
    } catch (error) {
      if (!isStoreLimit(error)) throw error;
      cut = 'memory';
      storeLimit = error instanceof Error ? error.message : String(error);
    }
  };

  /** Sends back the states found that the stream to the search thread has room for, in id order, a level mark before
   *  each level's first; says whether it sent any. */
  const sendBack = (most = Infinity): boolean => {
    let progressed = false;
    for (const until = sent + most; sent < registered && sent < until && !doneSent; ) {
      const i = queue.head;
      const at = queue.offsets[i]!;
      const pool = table.segmentOf(at);
      const start = table.bodyStart(at);
      const end = table.bodyEnd(at);
      const mark = levelsSent < levels.length && levels[levelsSent] === sent;
      if (!frontier.fits(end - start + 16)) break;
      if (mark) {
        frontier.varint(Frontier.nextLevel);
        levelsSent++;
      }
      frontier.varint(end - start + Frontier.state);
      frontier.varint(queue.tags[i]! + 1);
      // In one piece where it fits, read in place by the search thread.
      if (end - start <= frontier.tail) frontier.linear(pool, start, end);
      else frontier.copy(pool, start, end);
      queue.head++;
      sent++;
      progressed = true;
    }
    return progressed;
  };

  // Successors are interned a batch at a time: their first slots are read first, one after the other, so the trips to
  // memory overlap (as the one-thread search's `readAhead`), then each is interned in the order it came.
  const batch = new PendingSuccessors();
  const flush = (): void => {
    let touched = 0;
    for (let k = 0; k < batch.size; k++) touched ^= table.firstSlot(batch.hashes[k]!);
    batch.touched ^= touched;
    for (let k = 0; k < batch.size && cut === undefined; k++) {
      const from = batch.starts[k]!;
      register(batch.bytes, from, batch.ends[k]! - from, batch.hashes[k]!, batch.parents[k]!, batch.actions[k]!, batch.tags[k]!);
    }
    batch.clear();
  };

  if (handover !== undefined) {
    // The search so far: its states, and the level it expands next, to be sent back and expanded as if found here.
    for (let i = 0; i < handover.frontier.length; i++) queue.push(handover.frontier[i]!, handover.tags[i]!);
    registered = handover.parents.length;
    expanded = sent = registered - handover.frontier.length;
    // The search thread's pace is measured from here.
    paceFrom = performance.now();
    paceExpanded = expanded;
    // The next level starts past the states found so far.
    levels.push(registered);
    seeded = true;
    peakFrontier = handover.frontier.length;
    // The level goes back first, a thousand states at a time (the search thread starts on the first while the rest are
    // written: all at once, it waited some 30 ms at level 27), and the parent log is rebuilt after.
    while (sendBack(1024)) frontier.publish();
    for (let i = 0; i < handover.parents.length; i++) parents.push(handover.parents[i]!, handover.actions[i]!);
  }
  for (;;) {
    let progressed = false;
    let finished = false;
    let entries = 0;
    while (candidates.available()) {
      progressed = true;
      // Room given back to the search thread every so many entries (each release is a shared write), and the states
      // found sent back: after a growth of the table the stream holds what the search thread wrote meanwhile, and
      // it would wait for new states until the store had read all of it.
      if ((++entries & 4095) === 0) {
        candidates.release();
        if (sendBack()) frontier.publish();
      }
      const code = candidates.varint();
      if (code >= Candidate.successor) {
        const length = code - Candidate.successor;
        const action = candidates.varint();
        const tag = candidates.varint() - 1;
        batch.add(candidates, length, expanded, action, tag);
        if (batch.size === batchSize) flush();
        continue;
      }
      // Any other entry after the successors before it.
      flush();
      if (code === Candidate.endOfState) {
        expanded++;
        // The level being expanded is done: the next one ends where the states found so far end.
        const levelEnd = levels.length === 0 ? -1 : levels[levels.length - 1]!;
        if (expanded === levelEnd && registered > levelEnd) {
          peakFrontier = Math.max(peakFrontier, registered - levelEnd);
          levels.push(registered);
        }
      } else if (code === Candidate.finish) {
        finished = true;
        break;
      } else if (code === Candidate.initial) {
        const length = candidates.varint();
        if (record.length < length) record = new Uint8Array(Math.max(length, record.length * 2));
        candidates.copy(record, length);
        if (cut === undefined) register(record, 0, length, recordHash(record, 0, length), -1 - initials, 0, -1);
        initials++;
      } else if (code === Candidate.seeded) {
        seeded = true;
        peakFrontier = registered;
        levels.push(registered);
      }
    }
    flush();
    candidates.release();
    if (finished) break;
    if (sendBack()) progressed = true;
    // Every state found was expanded and none is left: the search is complete (or the store cut it).
    if (!doneSent && (cut !== undefined || (seeded && expanded === registered && sent === registered)) && frontier.fits(1)) {
      frontier.varint(Frontier.done);
      doneSent = true;
      progressed = true;
    }
    frontier.publish();
    if (!progressed) sleepUntil(control, storeBell, () => candidates.available() || (sent < registered && !doneSent && frontier.fits(64)));
  }
  return {
    states: registered,
    parents: parents.chunks(),
    ...(cut === undefined ? {} : { cut }),
    ...(storeLimit === undefined ? {} : { storeLimit }),
    visitedBytes: table.bytes,
    parentBytes: parents.bytes,
    peakFrontier,
  };
}
