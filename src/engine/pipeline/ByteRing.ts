// A one-way stream of bytes between two threads through shared memory: the writer appends whole entries and
// publishes how far it wrote; the reader reads up to there and publishes how far it read. Positions are byte counts
// (modulo 2^32) in a shared Int32Array, each word on a cache line of its own. A thread with nothing to do says it
// sleeps and waits on its word; the other wakes it only then, so a busy stream costs no notification per entry.

/** Words of the control array (Int32Array over `controlBytes`): 16 words (64 bytes) apart. */
export const Word = {
  /** The stream from the search thread to the store thread, and back. */
  candidatesWritten: 0,
  candidatesRead: 16,
  frontierWritten: 32,
  frontierRead: 48,
  /** A thread's doorbell: bumped to wake it; and whether it sleeps on it (1). */
  searchBell: 64,
  searchSleeps: 80,
  storeBell: 96,
  storeSleeps: 112,
  /** Set (1) by the store thread when it failed: the search thread stops waiting for it. */
  failed: 128,
  /** Set (1) by the store thread once loaded: a search under way on one thread may hand itself over. */
  loaded: 144,
  /** Set (1) by the store thread once its answer is posted. */
  answered: 160,
} as const;

export const controlBytes = 176 * 4;

/** A thread's doorbell words (Word.searchBell and searchSleeps, or the store's). */
export interface Bell {
  readonly bell: number;
  readonly sleeps: number;
}

export const searchBell: Bell = { bell: Word.searchBell, sleeps: Word.searchSleeps };
export const storeBell: Bell = { bell: Word.storeBell, sleeps: Word.storeSleeps };

/** Wakes the thread of `bell` if it sleeps. */
export function ring(control: Int32Array, bell: Bell): void {
  Atomics.add(control, bell.bell, 1);
  if (Atomics.load(control, bell.sleeps) === 1) Atomics.notify(control, bell.bell);
}

/** Waits on `bell` until `ready()` or the other thread rings (or 50 ms pass: `ready` is asked again by the caller).
 *  Says it sleeps before asking `ready` once more, so a ring between the two is not lost. */
export function sleepUntil(control: Int32Array, bell: Bell, ready: () => boolean): void {
  const seen = Atomics.load(control, bell.bell);
  Atomics.store(control, bell.sleeps, 1);
  if (!ready()) Atomics.wait(control, bell.bell, seen, 50);
  Atomics.store(control, bell.sleeps, 0);
}

/** The ring's size in a buffer of `bytes`: the largest power of two within it. A writer may use the bytes past it (the
 *  buffer's tail) to write an entry part in one piece across the ring's end (`RingWriter.linearAt`). */
export function ringSize(bytes: number): number {
  return 2 ** Math.floor(Math.log2(bytes));
}

/** Bytes of a varint written before its value is known (`RingWriter.reserve`): values below 2^21. */
export const reservedVarintBytes = 3;

/** What both ends of a stream have: its buffer, the ring's size in it, and the end's position (a byte count). */
abstract class RingEnd {
  protected readonly bytes: Uint8Array;
  /** The ring's size (a power of two: positions wrap with a mask); `bytes` may be longer (the tail of `linearAt`). */
  protected readonly size: number;
  protected readonly mask: number;

  constructor(
    buffer: SharedArrayBuffer,
    protected at: number,
  ) {
    this.bytes = new Uint8Array(buffer);
    this.size = ringSize(this.bytes.length);
    this.mask = this.size - 1;
  }

  /** Bytes the buffer holds past the ring's end: an entry part of at most this many is in one piece (`linearAt`). */
  get tail(): number {
    return this.bytes.length - this.size;
  }

  /** The buffer, to write (RingWriter.wroteLinear) or read (RingReader.skip) an entry part in one piece from
   *  `linearAt()`, with no mask a byte. */
  get buffer(): Uint8Array {
    return this.bytes;
  }

  linearAt(): number {
    return this.at & this.mask;
  }
}

/** The writing end: `room` before each entry, bytes and varints, then `publish` (at least before the writer waits). */
export class RingWriter extends RingEnd {
  private published: number;
  /** The reader's position when last read (it only grows): the shared word is read only when this one leaves too
   *  little room, not once an entry. */
  private readSeen: number;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly control: Int32Array,
    private readonly written: number,
    private readonly read: number,
    /** The reader's doorbell, rung on publishing. */
    private readonly reader: Bell,
    /** This thread's own, to wait for room. */
    private readonly own: Bell,
    /** Asked while waiting for room: throws when the reader failed. */
    private readonly check: () => void = () => {},
  ) {
    super(buffer, Atomics.load(control, written));
    this.published = this.at;
    this.readSeen = Atomics.load(control, read);
  }

  /** Whether `n` more bytes fit now. */
  fits(n: number): boolean {
    if (((this.at - this.readSeen) | 0) + n <= this.size) return true;
    this.readSeen = Atomics.load(this.control, this.read);
    return ((this.at - this.readSeen) | 0) + n <= this.size;
  }

  /** Takes the `n` bytes written from `linearAt()`: those past the ring's end go to its start, where the reader reads
   *  them (published, as ever, by `publish`). */
  wroteLinear(n: number): void {
    const from = this.at & this.mask;
    const past = from + n - this.size;
    if (past > 0) this.bytes.copyWithin(0, this.size, this.size + past);
    this.at = (this.at + n) | 0;
  }

  /** `from[start .. end - 1]` in one piece from `linearAt()` (at most `tail` bytes), so that the reader may read it
   *  there in place (`RingReader.linearAt`). */
  linear(from: Uint8Array, start: number, end: number): void {
    const bytes = this.bytes;
    const at = this.at & this.mask;
    for (let i = start; i < end; i++) bytes[at + i - start] = from[i]!;
    this.wroteLinear(end - start);
  }

  /** Skips `reservedVarintBytes` for a varint written later (`fill`); gives its position. */
  reserve(): number {
    const position = this.at;
    this.at = (this.at + reservedVarintBytes) | 0;
    return position;
  }

  /** Writes `value` (below 2^21) at a position `reserve` gave, as a varint of exactly `reservedVarintBytes` bytes (the
   *  reader's `varint` reads it as any other). */
  fill(position: number, value: number): void {
    const bytes = this.bytes;
    const mask = this.mask;
    bytes[position & mask] = (value & 0x7f) | 0x80;
    bytes[(position + 1) & mask] = ((value >>> 7) & 0x7f) | 0x80;
    bytes[(position + 2) & mask] = value >>> 14;
  }

  /** Waits until `n` bytes fit (an entry is never split across a wait: the reader reads published entries only). */
  room(n: number): void {
    if (this.fits(n)) return;
    this.publish();
    const fits = (): boolean => this.fits(n);
    while (!fits()) {
      this.check();
      sleepUntil(this.control, this.own, fits);
    }
  }

  /** Bytes written and not yet published. */
  get pending(): number {
    return (this.at - this.published) | 0;
  }

  byte(value: number): void {
    this.bytes[this.at & this.mask] = value;
    this.at = (this.at + 1) | 0;
  }

  /** A non-negative integer below 2^31, seven bits a byte (one byte below 128: most). */
  varint(value: number): void {
    const bytes = this.bytes;
    const mask = this.mask;
    let at = this.at;
    while (value >= 0x80) {
      bytes[at & mask] = (value & 0x7f) | 0x80;
      at = (at + 1) | 0;
      value >>>= 7;
    }
    bytes[at & mask] = value;
    this.at = (at + 1) | 0;
  }

  /** `from[start .. end - 1]`. */
  copy(from: Uint8Array, start: number, end: number): void {
    const bytes = this.bytes;
    const mask = this.mask;
    let at = this.at;
    for (let i = start; i < end; i++) {
      bytes[at & mask] = from[i]!;
      at = (at + 1) | 0;
    }
    this.at = at;
  }

  /** Lets the reader read everything written so far, and wakes it if it sleeps. */
  publish(): void {
    if (this.at === this.published) return;
    this.published = this.at;
    Atomics.store(this.control, this.written, this.at);
    ring(this.control, this.reader);
  }
}

/** The reading end: `available` tells how many published bytes are unread; `release` gives them back. */
export class RingReader extends RingEnd {
  private end: number;
  private released: number;

  constructor(
    buffer: SharedArrayBuffer,
    private readonly control: Int32Array,
    private readonly written: number,
    private readonly read: number,
    /** The writer's doorbell, rung on releasing. */
    private readonly writer: Bell,
  ) {
    super(buffer, Atomics.load(control, read));
    this.end = this.released = this.at;
  }

  /** Whether published bytes are unread (reads the writer's position only when those seen are used up). */
  available(): boolean {
    if (this.at !== this.end) return true;
    this.end = Atomics.load(this.control, this.written);
    return this.at !== this.end;
  }

  byte(): number {
    const value = this.bytes[this.at & this.mask]!;
    this.at = (this.at + 1) | 0;
    return value;
  }

  /** A varint of `RingWriter.varint` (below 2^31). */
  varint(): number {
    const bytes = this.bytes;
    const mask = this.mask;
    let at = this.at;
    let b = bytes[at & mask]!;
    at = (at + 1) | 0;
    let value = b & 0x7f;
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[at & mask]!;
      at = (at + 1) | 0;
      value |= (b & 0x7f) << shift;
    }
    this.at = at;
    return value;
  }

  /** Past an entry part read in place (one the writer wrote in one piece, `RingWriter.linear`: valid until `release`). */
  skip(n: number): void {
    this.at = (this.at + n) | 0;
  }

  /** Reads `n` bytes into `into` from 0. */
  copy(into: Uint8Array, n: number): void {
    this.copyInto(into, 0, n);
  }

  /** Reads `n` bytes into `into` from `from`. */
  copyInto(into: Uint8Array, from: number, n: number): void {
    const bytes = this.bytes;
    const mask = this.mask;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      into[from + i] = bytes[at & mask]!;
      at = (at + 1) | 0;
    }
    this.at = at;
  }

  /** Gives the bytes read back to the writer (every so often: each release is a shared write and a possible wake). */
  release(): void {
    if (this.at === this.released) return;
    this.released = this.at;
    Atomics.store(this.control, this.read, this.at);
    ring(this.control, this.writer);
  }
}
