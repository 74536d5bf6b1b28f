// The set of distinct messages ever sent on a channel (from a small alphabet), as a bit mask:
// a receiver that answers anything ever requested can be made to answer each of them again.

export class SentSet {
  readonly bits: number;
  readonly empty = 0;

  constructor(readonly alphabet: number) {
    if (!(Number.isInteger(alphabet) && alphabet >= 1 && alphabet <= 31)) {
      throw new RangeError(`SentSet: alphabet must be 1..31 messages, got ${alphabet}`);
    }
    this.bits = alphabet;
  }

  add(set: number, message: number): number {
    return set | (1 << message);
  }

  has(set: number, message: number): boolean {
    return ((set >>> message) & 1) === 1;
  }

  members(set: number): number[] {
    const out: number[] = [];
    for (let m = 0; m < this.alphabet; m++) if (this.has(set, m)) out.push(m);
    return out;
  }
}
