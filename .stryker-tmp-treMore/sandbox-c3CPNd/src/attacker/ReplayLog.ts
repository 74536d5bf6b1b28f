// A network that never forgets: every message ever sent stays deliverable, in order of sending
// (its serial), so an attacker can replay any of them again. Packed into bits of a state key.

/** Ordered log of messages drawn from a small alphabet (0..alphabet-1), at most `capacity` long,
 *  packed as a length field followed by one fixed-width field per serial. */
export class ReplayLog {
  /** Bits the packed log occupies. */
  readonly bits: number;
  /** The empty log. */
  readonly empty = 0;
  private readonly lengthBits: number;
  private readonly lengthMask: number;
  private readonly symbolBits: number;
  private readonly symbolMask: number;

  constructor(
    readonly alphabet: number,
    readonly capacity: number,
  ) {
    if (!(Number.isInteger(alphabet) && alphabet >= 1) || !(Number.isInteger(capacity) && capacity >= 0)) {
      throw new RangeError(`ReplayLog: alphabet (${alphabet}) must be >= 1 and capacity (${capacity}) >= 0`);
    }
    this.lengthBits = Math.ceil(Math.log2(capacity + 1));
    this.lengthMask = (1 << this.lengthBits) - 1;
    this.symbolBits = Math.max(1, Math.ceil(Math.log2(alphabet)));
    this.symbolMask = (1 << this.symbolBits) - 1;
    this.bits = this.lengthBits + capacity * this.symbolBits;
    if (this.bits > 31) throw new RangeError(`ReplayLog: ${this.bits} bits do not fit a 31-bit field; lower the capacity`);
  }

  /** Messages sent so far (the next message gets this serial). */
  length(log: number): number {
    return log & this.lengthMask;
  }

  /** The message with serial `serial` (< length). */
  at(log: number, serial: number): number {
    return (log >>> (this.lengthBits + serial * this.symbolBits)) & this.symbolMask;
  }

  /** The log after sending `message`, or -1 when the log is at capacity (the bound of the scenario). */
  append(log: number, message: number): number {
    const length = log & this.lengthMask;
    if (length >= this.capacity) return -1;
    return (log + 1) | (message << (this.lengthBits + length * this.symbolBits));
  }

  /** Messages in serial order. */
  messages(log: number): number[] {
    const out: number[] = [];
    for (let serial = 0; serial < this.length(log); serial++) out.push(this.at(log, serial));
    return out;
  }
}
