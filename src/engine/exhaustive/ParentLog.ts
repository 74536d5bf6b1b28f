// Parent pointers of discovered states, by discovery index: the parent's id and the index of the
// action among the parent's enabled actions. Traces are rebuilt from these, never stored per state.

export class ParentLog {
  private parents: Int32Array;
  private actions: Uint16Array;
  length = 0;

  constructor(capacity = 1 << 12) {
    this.parents = new Int32Array(capacity);
    this.actions = new Uint16Array(capacity);
  }

  /** `parent` is a state id, or -1 - i for the i-th initial state. */
  push(parent: number, action: number): void {
    if (this.length === this.parents.length) this.grow();
    this.parents[this.length] = parent;
    this.actions[this.length] = action;
    this.length++;
  }

  parent(index: number): number {
    return this.parents[index]!;
  }

  action(index: number): number {
    return this.actions[index]!;
  }

  /** Bytes allocated (capacity, not just the used part). */
  get bytes(): number {
    return this.parents.byteLength + this.actions.byteLength;
  }

  /** Copies of the used part, for sending to another thread. */
  export(): { parents: Int32Array; actions: Uint16Array } {
    return { parents: this.parents.slice(0, this.length), actions: this.actions.slice(0, this.length) };
  }

  private grow(): void {
    const size = this.parents.length * 2;
    if (size > 2 ** 31) throw new RangeError('ParentLog: more than 2^31 states');
    const parents = new Int32Array(size);
    parents.set(this.parents);
    const actions = new Uint16Array(size);
    actions.set(this.actions);
    this.parents = parents;
    this.actions = actions;
  }
}
