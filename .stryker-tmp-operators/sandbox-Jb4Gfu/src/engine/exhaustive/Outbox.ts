// States one explorer found for another owner (parallel search), gathered in growable typed
// arrays and sealed into a Batch whose buffers are transferred, not copied, to the other thread.
import type { MonitorTable, PortableMonitors } from './MonitorTable.ts';

/** States discovered for another owner: fingerprints, parents, actions, the states, their monitors. */
export interface Batch<S> {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly parent: Int32Array;
  readonly action: Uint16Array;
  /** Numbers travel as a Float64Array; other states as structured-cloned arrays. */
  readonly states: Float64Array | S[];
  readonly monitors: PortableMonitors[] | undefined;
  readonly length: number;
}

/** Growable buffers of states bound for the other explorer. */
export class Outbox<S> {
  private hi = new Uint32Array(1024);
  private lo = new Uint32Array(1024);
  private parent = new Int32Array(1024);
  private action = new Uint16Array(1024);
  private numbers = new Float64Array(1024);
  private objects: S[] = [];
  private numeric = true;
  private readonly monitors: PortableMonitors[] | undefined;
  private length = 0;

  constructor(withMonitors: boolean) {
    this.monitors = withMonitors ? [] : undefined;
  }

  push(hi: number, lo: number, parent: number, action: number, state: S, table: MonitorTable<S, unknown>, monitor: number): void {
    if (this.length === this.hi.length) this.grow();
    const i = this.length++;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.parent[i] = parent;
    this.action[i] = action;
    if (this.numeric && typeof state === 'number') this.numbers[i] = state;
    else {
      if (this.numeric) {
        this.numeric = false;
        this.objects = Array.from(this.numbers.subarray(0, i)) as S[];
      }
      this.objects.push(state);
    }
    this.monitors?.push(table.portable(monitor));
  }

  seal(): Batch<S> {
    const n = this.length;
    return {
      hi: this.hi.slice(0, n),
      lo: this.lo.slice(0, n),
      parent: this.parent.slice(0, n),
      action: this.action.slice(0, n),
      states: this.numeric ? this.numbers.slice(0, n) : this.objects,
      monitors: this.monitors,
      length: n,
    };
  }

  private grow(): void {
    this.hi = doubled(this.hi, Uint32Array);
    this.lo = doubled(this.lo, Uint32Array);
    this.parent = doubled(this.parent, Int32Array);
    this.action = doubled(this.action, Uint16Array);
    this.numbers = doubled(this.numbers, Float64Array);
  }
}

/** A copy of `array` in a new array of twice its length. */
function doubled<T extends Uint32Array | Int32Array | Uint16Array | Float64Array>(array: T, Kind: new (length: number) => T): T {
  const bigger = new Kind(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The buffers of a batch, to transfer (not copy) it to another thread; it is unusable here afterwards. */
export function batchTransferables(batch: Batch<unknown>): ArrayBuffer[] {
  if (batch.length === 0) return [];
  const list = [batch.hi.buffer, batch.lo.buffer, batch.parent.buffer, batch.action.buffer] as ArrayBuffer[];
  if (batch.states instanceof Float64Array) list.push(batch.states.buffer as ArrayBuffer);
  return list;
}
