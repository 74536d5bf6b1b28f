// The record of a world after one event (World.ts), written from the world's own record, and the successors of the
// world being expanded gathered before any is interned (`SuccessorBatch`): the first probes of their interning are
// then read together, so their trips to memory overlap instead of following one another.
import { recordHash } from '../../src/packing/RecordTable.ts';
import { readVarint, varintSize, writeVarint } from '../../src/packing/varint.ts';
import type { WorldEvent } from './WorldEvent.ts';
import type { WorldModel } from './WorldModel.ts';

/** Bytes a world record may take with `messages` messages in flight (five bytes a varint at most, two in the header). */
export function recordBytes(messages: number): number {
  return 5 * (messages + 2);
}

/** Writes a record's header at `at`: the tuple id, then the observations packed with the injections (World.ts
 *  `worldAt` reads them back). Returns where the messages in flight start. */
export function writeHeader(record: Uint8Array, at: number, model: WorldModel, rolesId: number, observedId: number, injections: number): number {
  return writeVarint(record, writeVarint(record, at, rolesId), observedId * model.injectionSlots + injections);
}

/** Writes at `at` of `record` (with room for `recordBytes` of the network and the sends) the record of the world after
 *  an event of the world whose observations, injections and network (`netStart .. netEnd - 1` of its record's
 *  segment `pool`) are given: the event leaves the tuple `rolesId`, takes the message at pool offset `taken` (-1: none), sends
 *  the list `sendsId` (WorldModel.sendList) and is an injection or not. Returns the offset after the record. */
export function writeSuccessor(
  model: WorldModel, observedId: number, injections: number, pool: Uint8Array, netStart: number, netEnd: number,
  rolesId: number, taken: number, sendsId: number, injected: boolean, record: Uint8Array, at: number,
): number {
  const sends = model.sendList(sendsId);
  const observed = sendsId === 0 ? observedId : model.observedAfter(observedId, sendsId);
  // The new record, written from the old one's bytes: its network without the message taken, and with the sent
  // ones merged in key order (`sends` is in key order), so equal multisets are equal bytes. Where each sent one goes
  // is found from the network's end (kinds rank in protocol order, and a step mostly sends a later kind than those in
  // flight), and the bytes between those places are copied as they are, not read and written a varint at a time.
  let end = writeHeader(record, at, model, rolesId, observed, injections + (injected ? 1 : 0));
  const takenEnd = taken < 0 ? -1 : taken + varintSize(readVarint(pool, taken));
  if (sends.length === 0) return copyNet(pool, netStart, netEnd, taken, takenEnd, record, end);
  const rank = model.rank;
  const places = sendPlaces.length < sends.length ? (sendPlaces = new Int32Array(sends.length * 2)) : sendPlaces;
  // The messages from `q` on rank above the one being placed (the taken one, left out, may go either side of it).
  let q = netEnd;
  for (let k = sends.length - 1; k >= 0; k--) {
    const r = rank[sends[k]!]!;
    while (q > netStart) {
      // The message ending at q starts after the byte before it that ends a varint (its high bit clear).
      let start = q - 1;
      while (start > netStart && pool[start - 1]! >= 0x80) start--;
      if (start !== taken && rank[readVarint(pool, start)]! <= r) break;
      q = start;
    }
    places[k] = q;
  }
  let from = netStart;
  for (let k = 0; k < sends.length; k++) {
    end = writeVarint(record, copyNet(pool, from, places[k]!, taken, takenEnd, record, end), sends[k]!);
    from = places[k]!;
  }
  return copyNet(pool, from, netEnd, taken, takenEnd, record, end);
}

/** Where each sent message goes in the network (`writeSuccessor`), scratch. */
let sendPlaces = new Int32Array(8);

/** Copies `pool[from .. to - 1]` to `record` at `end` but the bytes `taken .. takenEnd - 1` (a message taken; none
 *  when `taken` is -1); gives the end. */
function copyNet(pool: Uint8Array, from: number, to: number, taken: number, takenEnd: number, record: Uint8Array, end: number): number {
  if (taken >= from && taken < to) {
    for (let p = from; p < taken; p++) record[end++] = pool[p]!;
    from = takenEnd;
  }
  for (let p = from; p < to; p++) record[end++] = pool[p]!;
  return end;
}

/** The enabled events of the worlds being expanded, with their successors' records, as a stack: a call starts at
 *  `top`, and a visit that expands another world (a property that steps) pushes above it and restores it. */
export class SuccessorBatch {
  events: WorldEvent[] = [];
  /** Per event, where its record starts in `bytes` (-1: the step is left out, no record), ends, and its hash. */
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  hashes = new Int32Array(64);
  bytes = new Uint8Array(1 << 12);
  top = 0;
  bytesTop = 0;
  /** The first slots read ahead of interning (RecordTable.firstSlot), folded here so the reads are not dropped. */
  private touched = 0;

  /** Adds an event whose step is left out. */
  pushLeftOut(event: WorldEvent): void {
    const k = this.slot(event);
    this.starts[k] = -1;
  }

  /** Room for a record of at most `length` bytes at `bytesTop`: the buffer, grown if need be. */
  room(length: number): Uint8Array {
    if (this.bytesTop + length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(this.bytesTop + length, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.bytesTop));
      this.bytes = grown;
    }
    return this.bytes;
  }

  /** Adds an event whose successor's record was written at `bytesTop .. end - 1`. */
  pushRecord(event: WorldEvent, end: number): void {
    const k = this.slot(event);
    this.starts[k] = this.bytesTop;
    this.ends[k] = end;
    this.hashes[k] = recordHash(this.bytes, this.bytesTop, end - this.bytesTop);
    this.bytesTop = end;
  }

  /** Reads the first slot the world table will probe for each record from `base` on, one read after the other: no
   *  read waits for another, so their trips to memory overlap, and the interning that follows finds them in cache. */
  readAhead(base: number, model: WorldModel): void {
    const worlds = model.worlds;
    let touched = this.touched;
    for (let k = base; k < this.top; k++) if (this.starts[k]! >= 0) touched ^= worlds.firstSlot(this.hashes[k]!);
    this.touched = touched;
  }

  private slot(event: WorldEvent): number {
    const k = this.top++;
    if (k >= this.starts.length) {
      this.starts = grownInts(this.starts);
      this.ends = grownInts(this.ends);
      this.hashes = grownInts(this.hashes);
    }
    this.events[k] = event;
    return k;
  }
}

function grownInts(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const out = new Int32Array(array.length * 2);
  out.set(array);
  return out;
}
