// Interns short sequences of small non-negative integers (a tuple of local state ids) as dense ids: one flat pool
// of values and an open-addressing table of ids, no object or string per sequence.
// Ids follow this table's discovery order, so they name sequences within one table only.

const emptySlot = 0;

export class SequenceTable {
  /** Values of every sequence, back to back; sequence `id` is `pool[starts[id]] .. pool[starts[id + 1] - 1]`. */
  pool: Int32Array<ArrayBuffer> = new Int32Array(1024);
  starts: Int32Array<ArrayBuffer> = new Int32Array(257);
  size = 0;
  private used = 0;
  /** id + 1 per slot (0: empty); at most three quarters full. */
  private slots = new Int32Array(1024);
  private mask = 1023;

  /** Id of the sequence `values[0 .. length - 1]`, added if new. */
  intern(values: Int32Array, length: number): number {
    const pool = this.pool;
    const starts = this.starts;
    let slot = hashOf(values, length) & this.mask;
    for (;;) {
      const stored = this.slots[slot]!;
      if (stored === emptySlot) break;
      const id = stored - 1;
      const from = starts[id]!;
      if (starts[id + 1]! - from === length) {
        let i = 0;
        while (i < length && pool[from + i] === values[i]) i++;
        if (i === length) return id;
      }
      slot = (slot + 1) & this.mask;
    }
    return this.add(values, length, slot);
  }

  length(id: number): number {
    return this.starts[id + 1]! - this.starts[id]!;
  }

  /** Bytes held by the pool, the starts and the slots. */
  get bytes(): number {
    return this.pool.byteLength + this.starts.byteLength + this.slots.byteLength;
  }

  private add(values: Int32Array, length: number, slot: number): number {
    const id = this.size;
    if (this.used + length > this.pool.length) this.pool = grown(this.pool, this.used + length);
    if (id + 2 > this.starts.length) this.starts = grown(this.starts, id + 2);
    this.pool.set(values.subarray(0, length), this.used);
    this.used += length;
    this.starts[id + 1] = this.used;
    this.size = id + 1;
    this.slots[slot] = id + 1;
    if (this.size * 4 > this.slots.length * 3) this.rehash();
    return id;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.size; id++) {
      const from = this.starts[id]!;
      let slot = hashOf(this.pool.subarray(from), this.starts[id + 1]! - from) & mask;
      while (slots[slot] !== emptySlot) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

function grown(array: Int32Array<ArrayBuffer>, atLeast: number): Int32Array<ArrayBuffer> {
  let length = array.length * 2;
  while (length < atLeast) length *= 2;
  const out = new Int32Array(length);
  out.set(array);
  return out;
}

/** FNV-1a over whole values with MurmurHash3's finaliser: nearby tuples land far apart. */
function hashOf(values: Int32Array, length: number): number {
  let h = 0x811c9dc5 ^ length;
  for (let i = 0; i < length; i++) h = Math.imul(h ^ values[i]!, 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
