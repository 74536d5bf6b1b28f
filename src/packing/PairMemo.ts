// A memo from a pair of small non-negative ints to a non-negative int, in one open-addressed Int32Array (three words
// a slot: the pair and its value): the world's tables by (tuple, observations) pair and by (observations, sends).
// Rows per first int, sized by the largest second int asked, were 99% empty for the observations' memos, and their
// allocation a twentieth of a first search (docs/engine.md "XState's own steps, timed").

/** Slots at the start; the table doubles past three quarters full. */
const initialSlots = 1 << 10;

export class PairMemo {
  private slots = new Int32Array(initialSlots * 3).fill(-1);
  private mask = initialSlots - 1;
  private count = 0;

  /** The value kept for (a, b), or -1. */
  get(a: number, b: number): number {
    const slots = this.slots;
    for (let at = slotOf(a, b, this.mask); ; at = (at + 1) & this.mask) {
      const word = at * 3;
      const first = slots[word]!;
      if (first === a && slots[word + 1] === b) return slots[word + 2]!;
      if (first === -1) return -1;
    }
  }

  /** Keeps `value` for (a, b), which has none yet. */
  set(a: number, b: number, value: number): void {
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.grow();
    this.place(a, b, value);
    this.count++;
  }

  get bytes(): number {
    return this.slots.byteLength;
  }

  private place(a: number, b: number, value: number): void {
    const slots = this.slots;
    let at = slotOf(a, b, this.mask);
    while (slots[at * 3] !== -1) at = (at + 1) & this.mask;
    slots[at * 3] = a;
    slots[at * 3 + 1] = b;
    slots[at * 3 + 2] = value;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    this.mask = this.mask * 2 + 1;
    for (let word = 0; word < old.length; word += 3) if (old[word] !== -1) this.place(old[word]!, old[word + 1]!, old[word + 2]!);
  }
}

/** The pair's first slot: both ints mixed (a multiply, then a finaliser's shifts), so that runs of either spread. */
function slotOf(a: number, b: number, mask: number): number {
  let h = Math.imul(a, 0x9e3779b1) + b;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  return (h ^ (h >>> 13)) & mask;
}
