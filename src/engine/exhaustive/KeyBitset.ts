// Visited set of a system with compact keys (System.compactKeys): one bit per key value, so telling a new state from
// a known one is one read of a small array, with no hashing and no probing.
import { collectReplaced } from '../../packing/collectReplaced.ts';

export class KeyBitset {
  private words = new Int32Array(1 << 10);

  /** Marks `key` (a non-negative integer below 2^31); true when it was not marked before. */
  add(key: number): boolean {
    const word = key >>> 5;
    if (word >= this.words.length) this.grow(word);
    const bit = 1 << (key & 31);
    const old = this.words[word]!;
    if ((old & bit) !== 0) return false;
    this.words[word] = old | bit;
    return true;
  }

  /** Bytes held by the bits. */
  get bytes(): number {
    return this.words.byteLength;
  }

  private grow(word: number): void {
    // Keys grow with the system's tables, so the bits grow by half as they do, not to the largest key at once.
    const words = new Int32Array(Math.max(word + 1, Math.floor(this.words.length * 1.5)));
    words.set(this.words);
    const dropped = this.words.byteLength;
    this.words = words;
    collectReplaced(dropped);
  }
}
