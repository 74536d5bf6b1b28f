// Interns byte strings (records) in an append-only pool and names each by the offset where it starts: the offset
// is both the record's id and a small number that grows with the pool, so a search can keep the records it has
// seen as a bitset over offsets (System.compactKeys) instead of hashing every id again in a second table. The pool
// is cut into segments that are never copied once full: growing one contiguous array copied it, and for that moment
// held the old pool beside the new, a sixth of a large search's peak memory (docs/engine.md "Memory of a large search").
import { StoreLimitError } from '../engine/StoreLimitError.ts';
import { collectReplaced } from './collectReplaced.ts';
import { sharedCopy } from './sharedCopy.ts';
import { readVarint, varintSize, writeVarint } from './varint.ts';

/** Offsets stay below 2^31 (the engine's keys are non-negative 31-bit numbers). */
export const maxPoolBytes = 2 ** 31 - 1;

/** The ceiling of tables built without one: `maxPoolBytes` unless a test lowered it (setRecordPoolCeiling). */
let defaultCeiling = maxPoolBytes;

/** Lowers (or, given undefined, restores) the pool ceiling of the tables built from now on in this process: a test
 *  reaches the ceiling of a model's tables this way without 2 GiB of memory. */
export function setRecordPoolCeiling(bytes: number | undefined): void {
  defaultCeiling = bytes ?? maxPoolBytes;
}

/** The ceiling tables are built with now (a search on another thread builds its table with it). */
export function recordPoolCeiling(): number {
  return defaultCeiling;
}

/** 64 MiB: a full segment is never copied, and the first grows to it (copied as it grows) while the search is small. */
const defaultSegmentBits = 26;

/** The segment size of tables built without one: `defaultSegmentBits` unless a test lowered it (setRecordSegmentBits). */
let segmentBitsNow = defaultSegmentBits;

/** Lowers (or, given undefined, restores) the segment size of the tables built from now on in this process, as a power
 *  of two: a test crosses segments in a model's tables this way without 64 MiB of records. */
export function setRecordSegmentBits(bits: number | undefined): void {
  segmentBitsNow = bits ?? defaultSegmentBits;
}

export interface RecordTableOptions {
  /** Largest pool, in bytes (at most, and by default, `maxPoolBytes`): a test lowers it to reach the ceiling. */
  readonly maxPoolBytes?: number;
  /** Bytes of a full segment, as a power of two (default 2^26, 64 MiB): a test lowers it to cross segments. */
  readonly segmentBits?: number;
}

/** Bytes of the first segment, and slots, of a table that holds nothing yet. */
const firstSegmentBytes = 1 << 12;
const firstSlots = 1 << 10;

/** Slot counts below which the slots grow fourfold: each growth puts every record again (`rehash`), so fewer of them
 *  while the table is small leaves a third of that work, for at most 8 MiB of slots more, and only while the table
 *  has 0.79M to 1.57M records. Past it they grow by half, not twofold: the slots are a
 *  quarter of a large search's memory, and doubled they would be 37.5% full after each growth (docs/engine.md
 *  "Memory of a large search"). */
const quadrupleBelow = 1 << 21;

/** Whether `records` fill `slots` past three quarters: the table then grows. */
function overFull(records: number, slots: number): boolean {
  return records * 4 > slots * 3;
}

/** The slot a record of hash `hash` is looked for first among `count` slots (any count, not only powers of two):
 *  the top bits of a multiplicative mix of the hash, scaled to the count. The mix keeps it apart from the hash's top
 *  bits, which the slot keeps as a tag. The product is below 2^63 and its rounding below `count`, so the floor is
 *  below `count`. */
function slotOf(hash: number, count: number): number {
  return Math.floor(((Math.imul(hash, 0x9e3779b1) >>> 0) * count) / 4294967296);
}

/** A table's records and slots, to move them to another thread (`RecordTable.moveOut`, `RecordTable.of`). */
export interface RecordTableParts {
  /** On shared memory (sharedCopy.ts): the segments, and the bytes of each in use. */
  readonly segments: readonly Uint8Array<SharedArrayBuffer>[];
  readonly ends: readonly number[];
  readonly size: number;
  readonly slots: Uint32Array<SharedArrayBuffer>;
  readonly offsetMask: number;
  readonly segmentBits: number;
}

export class RecordTable {
  /** Largest pool in bytes; a record that would pass it throws StoreLimitError, and the search ends inconclusive. */
  readonly maxPool: number;
  /** A record's offset is its segment's index shifted by `segmentBits`, plus its place in the segment. */
  readonly segmentBits: number;
  private readonly segmentMask: number;
  /** The segments; each but the last is full size (records never cross one's end). Each record is its byte length
   *  (varint) and then its bytes. Offset 0 holds none, so 0 marks an empty slot. */
  private readonly segments: Uint8Array[] = [new Uint8Array(firstSegmentBytes)];
  /** Per segment, the bytes of it in use (a full one's tail past the last record that fitted is unused). */
  private readonly ends: number[] = [1];
  /** The last segment. */
  private last = this.segments[0]!;
  size = 0;
  /** Per slot, 0 when empty, else a record's offset in the bits of `offsetMask` and, above them, the top bits of
   *  its hash: a probe that meets another record is told apart by those bits, mostly without reading the pool (a
   *  cache miss each in a large search). At most three quarters full. */
  private slots: Uint32Array = new Uint32Array(firstSlots);
  /** The bits of a slot that hold an offset: every offset is at most this. */
  private offsetMask = firstSegmentBytes - 1;

  constructor(options: RecordTableOptions = {}) {
    const max = options.maxPoolBytes ?? defaultCeiling;
    if (!(Number.isInteger(max) && max >= 2 && max <= maxPoolBytes)) throw new RangeError(`RecordTable: maxPoolBytes must be an integer in [2, 2^31 - 1], got ${max}`);
    const bits = options.segmentBits ?? segmentBitsNow;
    if (!(Number.isInteger(bits) && bits >= 8 && bits <= 30)) throw new RangeError(`RecordTable: segmentBits must be an integer in [8, 30], got ${bits}`);
    this.maxPool = max;
    this.segmentBits = bits;
    this.segmentMask = (1 << bits) - 1;
  }

  /** Offset of the record `body[0 .. length - 1]`, added if new. */
  intern(body: Uint8Array, length: number): number {
    return this.internHashed(body, 0, length, recordHash(body, 0, length));
  }

  /** Offset of the record `body[from .. from + length - 1]`, whose `recordHash` is `hash`, added if new. */
  internHashed(body: Uint8Array, from: number, length: number, hash: number): number {
    const slots = this.slots;
    const count = slots.length;
    const offsets = this.offsetMask;
    const tag = hash & ~offsets;
    let slot = slotOf(hash, count);
    for (;;) {
      const stored = slots[slot]!;
      if (stored === 0) return this.add(body, from, length, hash, slot);
      if ((stored & ~offsets) === tag) {
        const at = stored & offsets;
        if (this.holds(at, body, from, length)) return at;
      }
      if (++slot === count) slot = 0;
    }
  }

  /** The slot where a record of hash `hash` is looked for first. Reading it ahead of `internHashed` for several
   *  records lets their loads overlap: at scale the slots are far larger than the processor's caches, and a load
   *  the next step waits for costs a whole trip to memory. */
  firstSlot(hash: number): number {
    return this.slots[slotOf(hash, this.slots.length)]!;
  }

  /** The offset after the last record: every offset is below it. */
  get used(): number {
    return (this.segments.length - 1) * (1 << this.segmentBits) + this.ends[this.ends.length - 1]!;
  }

  /** The segment that holds the record at `at`: its bytes lie from `bodyStart(at)` to `bodyEnd(at)` of it. */
  segmentOf(at: number): Uint8Array {
    return this.segments[at >>> this.segmentBits]!;
  }

  /** Where the record at `at` starts in its segment (`segmentOf`), past its length. */
  bodyStart(at: number): number {
    const local = at & this.segmentMask;
    return local + varintSize(readVarint(this.segmentOf(at), local));
  }

  /** Where the record at `at` ends in its segment: the place after its last byte. */
  bodyEnd(at: number): number {
    const local = at & this.segmentMask;
    const length = readVarint(this.segmentOf(at), local);
    return local + varintSize(length) + length;
  }

  /** The bytes of the record at `at` (a view of its segment). */
  body(at: number): Uint8Array {
    return this.segmentOf(at).subarray(this.bodyStart(at), this.bodyEnd(at));
  }

  /** Slots of the table: at most three quarters full. */
  get slotCount(): number {
    return this.slots.length;
  }

  /** Bytes held by the segments and the slots. */
  get bytes(): number {
    return this.segments.reduce((sum, segment) => sum + segment.byteLength, 0) + this.slots.byteLength;
  }

  /** Its records and slots, moved out: `RecordTable.of` makes a table of them that holds the same records at the same
   *  offsets (a search handed to the store thread keeps its keys there). They are copied onto shared memory, which a
   *  thread they are posted to shares (sharedCopy.ts): transferred instead, a buffer is detached here, and the first
   *  detached buffer of a thread throws away its optimised code that reads typed arrays, which from then on checks
   *  for detached buffers at every access (docs/engine.md "The handover shares the records"). The table does not live
   *  on shared memory: V8 does not count that as memory to collect, so the arrays a growing table drops would pile
   *  up. This table is left empty, so that once its old arrays are collected it holds the records nowhere else (the
   *  search thread's copy stayed resident beside the store's for the whole search: docs/engine.md "The handover moves
   *  the table"). */
  moveOut(): RecordTableParts {
    const full = 1 << this.segmentBits;
    const last = this.segments.length - 1;
    // The last segment at its full size, so the store adds records to it in place (its pages come as they are written).
    const segments = this.segments.map((segment, s) => sharedCopy(segment.subarray(0, this.ends[s]!), s === last ? Math.min(full, this.maxPool - s * full) : this.ends[s]!));
    const parts = { segments, ends: [...this.ends], size: this.size, slots: sharedCopy(this.slots), offsetMask: this.offsetMask, segmentBits: this.segmentBits };
    this.segments.splice(0, this.segments.length, (this.last = new Uint8Array(firstSegmentBytes)));
    this.ends.splice(0, this.ends.length, 1);
    this.size = 0;
    this.slots = new Uint32Array(firstSlots);
    this.offsetMask = firstSegmentBytes - 1;
    return parts;
  }

  /** The table of `parts`, which it takes over (their arrays are its own from now on). */
  static of(parts: RecordTableParts, options: Pick<RecordTableOptions, 'maxPoolBytes'> = {}): RecordTable {
    const table = new RecordTable({ ...options, segmentBits: parts.segmentBits });
    table.segments.splice(0, 1, ...parts.segments);
    table.ends.splice(0, 1, ...parts.ends);
    table.last = table.segments[table.segments.length - 1]!;
    table.size = parts.size;
    table.slots = parts.slots;
    table.offsetMask = parts.offsetMask;
    return table;
  }

  private holds(at: number, body: Uint8Array, start: number, length: number): boolean {
    const pool = this.segments[at >>> this.segmentBits]!;
    const local = at & this.segmentMask;
    let from: number;
    if (length < 0x80) {
      if (pool[local] !== length) return false;
      from = local + 1;
    } else {
      if (readVarint(pool, local) !== length) return false;
      from = local + varintSize(length);
    }
    for (let i = 0; i < length; i++) if (pool[from + i] !== body[start + i]) return false;
    return true;
  }

  private add(body: Uint8Array, from: number, length: number, hash: number, slot: number): number {
    const size = varintSize(length) + length;
    const full = 1 << this.segmentBits;
    if (size > full) throw new RangeError(`RecordTable: a record of ${size} bytes does not fit a segment of ${full}`);
    // A record that would cross the end of a full segment starts the next one.
    const lastUsed = this.ends[this.ends.length - 1]!;
    const fresh = lastUsed + size > full;
    const base = (fresh ? this.segments.length : this.segments.length - 1) * full;
    const local = fresh ? 0 : lastUsed;
    const at = base + local;
    // A pool of 2 GiB is some 200 million worlds: a search that large ends here, inconclusive (limit 'memory').
    if (at + size > this.maxPool) throw new StoreLimitError('RecordTable', `the record pool would pass its ceiling of ${this.maxPool} bytes`);
    if (fresh) {
      // A new segment at its full size: the system gives it pages as they are written, so it is never copied.
      this.segments.push((this.last = new Uint8Array(Math.min(full, this.maxPool - base))));
      this.ends.push(0);
    } else if (local + size > this.last.length) {
      // The first segment grows by half up to its full size: a small search holds a small pool.
      const grown = new Uint8Array(Math.min(full, this.maxPool, Math.max(local + size, Math.floor(this.last.length * 1.5))));
      grown.set(this.last.subarray(0, local));
      this.segments[this.segments.length - 1] = this.last = grown;
    }
    const pool = this.last;
    for (let i = 0, p = writeVarint(pool, local, length); i < length; i++) pool[p + i] = body[from + i]!;
    this.ends[this.ends.length - 1] = local + size;
    this.size++;
    const highest = (this.segments.length - 1) * full + this.last.length - 1;
    if (highest > this.offsetMask) this.widenOffsets(-1 >>> Math.clz32(highest));
    this.slots[slot] = slotValue(hash, at, this.offsetMask);
    if (overFull(this.size, this.slots.length)) this.grow();
    return at;
  }

  /** Whether the next record added grows the slots (`grow`). */
  get fullAfterNext(): boolean {
    return overFull(this.size + 1, this.slots.length);
  }

  /** Grows the slots as a record that fills three quarters of them does; the pipelined search's store grows them
   *  sooner, while the search thread has states enough to go on through it (pipeline/earlyGrowth.ts). */
  grow(): void {
    this.rehash(this.slots.length < quadrupleBelow ? this.slots.length * 4 : Math.floor(this.slots.length * 1.5));
  }

  /** Offsets need more bits: each slot keeps its place (its index comes from the hash and the slot count, slotOf,
   *  which do not change) and gives up the lowest bits of its hash tag, which it holds already, so no record is read or
   *  hashed again. */
  private widenOffsets(offsetMask: number): void {
    const slots = this.slots;
    const old = this.offsetMask;
    for (let i = 0; i < slots.length; i++) {
      const stored = slots[i]!;
      if (stored !== 0) slots[i] = ((stored & ~offsetMask) | (stored & old)) >>> 0;
    }
    this.offsetMask = offsetMask;
  }

  /** Puts every record (the one just added too) into `count` slots. Records are put a batch at a time in the order of
   *  their slots (`SlotBatch`): put in the pool's order, each went to a random place in slots far larger than the
   *  processor's caches and its page tables' cache, some 200 ns a record; in slot order the writes go forward through
   *  memory, which the processor fetches ahead. Linear probing finds a record whatever order records were put in. */
  private rehash(count: number): void {
    const slots = new Uint32Array(count);
    const batch = new SlotBatch(Math.min(this.size, slotBatchSize));
    for (let s = 0; s < this.segments.length; s++) {
      const pool = this.segments[s]!;
      const base = s * (1 << this.segmentBits);
      for (let local = s === 0 ? 1 : 0, end = this.ends[s]!; local < end; ) {
        const length = readVarint(pool, local);
        const from = local + varintSize(length);
        const hash = recordHash(pool, from, length);
        if (batch.add(slotOf(hash, count), slotValue(hash, base + local, this.offsetMask))) batch.putInto(slots);
        local = from + length;
      }
    }
    batch.putInto(slots);
    // What was dropped, not the array: a reference held through the collection would keep it.
    const dropped = this.slots.byteLength;
    const shared = this.slots.buffer instanceof SharedArrayBuffer;
    this.slots = slots;
    collectReplaced(dropped, shared);
  }
}

/** Records a rehash sorts and puts at once: 2^20 take 8 MiB (and as much again to sort them). */
const slotBatchSize = 1 << 20;
/** Slot counts up to which a rehash puts records in the pool's order, unsorted (256 KiB of slots). */
const unsortedUpTo = 1 << 16;
/** Slot indices are sorted by their low 30 bits, in two passes of 15: the counts stay small. A table of more slots
 *  (past a billion) would have its batches only partly in order, which slows its writes and changes no lookup. */
const digitBits = 15;

/** Slot entries to put in a table's slots, gathered and then sorted by slot (least significant digit first). */
class SlotBatch {
  private homes: Int32Array;
  private values: Uint32Array;
  private sortedHomes: Int32Array;
  private sortedValues: Uint32Array;
  /** The counting sort's buckets, made on its first pass. */
  private counts: Int32Array | undefined;
  private size = 0;

  constructor(capacity: number) {
    this.homes = new Int32Array(capacity);
    this.values = new Uint32Array(capacity);
    this.sortedHomes = new Int32Array(capacity);
    this.sortedValues = new Uint32Array(capacity);
  }

  /** Adds an entry for slot `home`; true when the batch is full. */
  add(home: number, value: number): boolean {
    this.homes[this.size] = home;
    this.values[this.size++] = value;
    return this.size === this.homes.length;
  }

  /** Puts every entry into `slots` (linear probing from its home), in the order of their homes, and empties the batch. */
  putInto(slots: Uint32Array): void {
    // Slots that fit the processor's caches are written fast in any order: sorting them would cost more.
    if (slots.length > unsortedUpTo) {
      this.sort(0);
      this.sort(digitBits);
    }
    const count = slots.length;
    for (let i = 0; i < this.size; i++) {
      let slot = this.homes[i]!;
      while (slots[slot] !== 0) if (++slot === count) slot = 0;
      slots[slot] = this.values[i]!;
    }
    this.size = 0;
  }

  /** One stable counting-sort pass over the digit at `shift`. */
  private sort(shift: number): void {
    const { homes, values, size } = this;
    const counts = (this.counts ??= new Int32Array(1 << digitBits));
    const mask = (1 << digitBits) - 1;
    counts.fill(0);
    for (let i = 0; i < size; i++) counts[(homes[i]! >>> shift) & mask]!++;
    for (let d = 0, at = 0; d < counts.length; d++) {
      const c = counts[d]!;
      counts[d] = at;
      at += c;
    }
    for (let i = 0; i < size; i++) {
      const to = counts[(homes[i]! >>> shift) & mask]!++;
      this.sortedHomes[to] = homes[i]!;
      this.sortedValues[to] = values[i]!;
    }
    // The sorted arrays become the batch's, the old ones the next pass's scratch.
    [this.homes, this.sortedHomes] = [this.sortedHomes, homes];
    [this.values, this.sortedValues] = [this.sortedValues, values];
  }
}

/** A slot's value: the record's offset under `offsetMask`, the hash's bits above it (a record at offset 0 there is
 *  none, so 0 stays the empty slot). */
function slotValue(hash: number, at: number, offsetMask: number): number {
  return ((hash & ~offsetMask) | at) >>> 0;
}

/** The hash `intern` gives the record `bytes[from .. from + length - 1]`: FNV-1a over the bytes taken four at a time
 *  (one multiply in the chain per four bytes, not per byte), with MurmurHash3's finaliser: records that differ in
 *  one byte land far apart. */
export function recordHash(bytes: Uint8Array, from: number, length: number): number {
  let h = 0x811c9dc5 ^ length;
  const end = from + length;
  let i = from;
  for (; i + 4 <= end; i += 4) h = Math.imul(h ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)), 0x01000193);
  for (; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
