// Fingerprint of an explored state (the system's key plus the trace monitors' keys) as 64 bits.
// Numeric keys below 2^53 are stored exactly (high half < 2^31); anything else is hashed with
// hashString64 into the high-bit-set half of the space, so exact and hashed fingerprints never meet.
import type { StateKey } from '../System.ts';
import { hashString64 } from './hashString64.ts';

const twoTo32 = 4294967296;
const twoTo21 = 2097152;
/** Monitor codes below this are packed next to the key's high 21 bits (9 bits, so hi stays < 2^31). */
export const packedMonitorCodes = 512;

export class Fingerprinter {
  hi = 0;
  lo = 0;
  private readonly out = new Uint32Array(2);

  /** Sets `hi`/`lo` for system key `key` and monitor tuple `monitorCode` (0: no trace properties;
   *  -1: too large to pack, then `monitorText` names the tuple). */
  of(key: StateKey, monitorCode: number, monitorText: string): void {
    if (typeof key === 'number') {
      if (key >>> 0 === key) {
        this.hi = 1 + monitorCode * twoTo21;
        this.lo = key;
      } else if (Number.isSafeInteger(key) && key >= 0) {
        this.hi = Math.floor(key / twoTo32) + 1 + monitorCode * twoTo21;
        this.lo = key >>> 0;
      } else {
        throw new RangeError(`state key ${key} is not a non-negative safe integer; return a string key instead`);
      }
      if (monitorCode >= 0) return;
      this.hash(`${key}\u0000${monitorText}`);
    } else {
      this.hash(monitorCode === 0 ? key : `${key}\u0000${monitorText}`);
    }
  }

  private hash(text: string): void {
    hashString64(text, 0, this.out);
    this.hi = (this.out[0]! | 0x80000000) >>> 0;
    this.lo = this.out[1]!;
  }
}
