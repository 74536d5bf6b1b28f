// Visited set of 64-bit state fingerprints: open addressing with linear probing in typed arrays,
// no object per state. While every fingerprint is a packed key below 2^32 - 1 (high half 1, as the
// Fingerprinter makes them) it stores 4 bytes a slot (key + 1; 0 marks empty), half the memory and
// cache misses; the first wider fingerprint moves it to (high, low) pairs, 8 bytes a slot.
import { StoreLimitError } from '../StoreLimitError.ts';
import { mix32 } from './mix32.ts';

const maxLoad = 0.75;

export class FingerprintSet {
  private narrow = true;
  private table: Uint32Array;
  private mask: number;
  private limit: number;
  size = 0;

  /** `capacity` is rounded up to a power of two (slots, not states). */
  constructor(capacity = 1 << 16) {
    let slots = 16;
    while (slots < capacity) slots *= 2;
    this.table = new Uint32Array(slots);
    this.mask = slots - 1;
    this.limit = Math.floor(slots * maxLoad);
  }

  /** Adds the fingerprint (hi must be non-zero); true when it was not there before. */
  add(hi: number, lo: number): boolean {
    if (this.narrow) {
      if (hi === 1 && lo !== 0xffffffff) return this.addNarrow(lo);
      this.widen();
    }
    return this.addWide(hi, lo);
  }

  has(hi: number, lo: number): boolean {
    const table = this.table;
    const mask = this.mask;
    let slot = mix32(hi, lo) & mask;
    if (this.narrow) {
      if (hi !== 1 || lo === 0xffffffff) return false;
      const stored = lo + 1;
      for (;;) {
        const v = table[slot]!;
        if (v === 0) return false;
        if (v === stored) return true;
        slot = (slot + 1) & mask;
      }
    }
    for (;;) {
      const at = slot << 1;
      const h = table[at]!;
      if (h === 0) return false;
      if (h === hi && table[at + 1] === lo) return true;
      slot = (slot + 1) & mask;
    }
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.table.byteLength;
  }

  /** Bytes per slot: 4 while every fingerprint is a narrow packed key, then 8. */
  get slotBytes(): number {
    return this.narrow ? 4 : 8;
  }

  private addNarrow(lo: number): boolean {
    const table = this.table;
    const mask = this.mask;
    const stored = lo + 1;
    let slot = mix32(1, lo) & mask;
    for (;;) {
      const v = table[slot]!;
      if (v === 0) {
        table[slot] = stored;
        if (++this.size > this.limit) this.grow();
        return true;
      }
      if (v === stored) return false;
      slot = (slot + 1) & mask;
    }
  }

  private addWide(hi: number, lo: number): boolean {
    const table = this.table;
    const mask = this.mask;
    let slot = mix32(hi, lo) & mask;
    for (;;) {
      const at = slot << 1;
      const h = table[at]!;
      if (h === 0) {
        table[at] = hi;
        table[at + 1] = lo;
        if (++this.size > this.limit) this.grow();
        return true;
      }
      if (h === hi && table[at + 1] === lo) return false;
      slot = (slot + 1) & mask;
    }
  }

  private grow(): void {
    this.rebuild((this.mask + 1) * 2, this.narrow);
  }

  private widen(): void {
    this.rebuild(this.mask + 1, false);
  }

  /** Re-inserts every fingerprint into a table of `slots` slots, narrow or wide. */
  private rebuild(slots: number, narrow: boolean): void {
    if (slots > 2 ** 30) throw new StoreLimitError('FingerprintSet', 'more than 2^30 slots');
    const old = this.table;
    const wasNarrow = this.narrow;
    const table = new Uint32Array(narrow ? slots : slots * 2);
    const mask = slots - 1;
    const oldSlots = wasNarrow ? old.length : old.length / 2;
    for (let i = 0; i < oldSlots; i++) {
      let hi: number;
      let lo: number;
      if (wasNarrow) {
        const v = old[i]!;
        if (v === 0) continue;
        hi = 1;
        lo = v - 1;
      } else {
        hi = old[i << 1]!;
        if (hi === 0) continue;
        lo = old[(i << 1) + 1]!;
      }
      let slot = mix32(hi, lo) & mask;
      if (narrow) {
        while (table[slot] !== 0) slot = (slot + 1) & mask;
        table[slot] = lo + 1;
      } else {
        while (table[slot << 1] !== 0) slot = (slot + 1) & mask;
        table[slot << 1] = hi;
        table[(slot << 1) + 1] = lo;
      }
    }
    this.table = table;
    this.mask = mask;
    this.narrow = narrow;
    this.limit = Math.floor(slots * maxLoad);
  }
}
