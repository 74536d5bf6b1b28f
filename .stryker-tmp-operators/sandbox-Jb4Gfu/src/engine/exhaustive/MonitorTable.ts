// Interned tuples of trace-property monitor states: the monitors are part of the explored state,
// so each distinct tuple gets a small local id, a canonical text and, when small, a packed code.
import type { TraceProperty } from '../Property.ts';
import { packedMonitorCodes } from './Fingerprinter.ts';

/** A monitor that has reported a violation: an absorbing state, so the explored space does not
 *  depend on when a violation was first seen. */
const violated: unique symbol = Symbol('violated monitor');
type Slot = unknown;

/** Monitor values as sent between threads: dead monitors become null, flagged in `deadMask`. */
export interface PortableMonitors {
  readonly deadMask: number;
  readonly values: readonly unknown[];
}

export class MonitorTable<S, A> {
  private readonly tuples: Slot[][] = [];
  private readonly ids = new Map<string, number>();
  /** Per tuple id: packed code (< packedMonitorCodes) or -1, and canonical text. */
  readonly codes: number[] = [];
  readonly texts: string[] = [];
  private readonly width: number;

  constructor(private readonly properties: readonly TraceProperty<S, A, unknown>[]) {
    this.width = properties.length === 0 ? 0 : Math.floor(Math.log2(packedMonitorCodes) / properties.length);
    if (properties.length > 31) throw new RangeError('MonitorTable: at most 31 trace properties per search');
  }

  get count(): number {
    return this.properties.length;
  }

  initial(state: S): number {
    return this.intern(this.properties.map((p) => p.initial(state)));
  }

  /** Monitor tuple after the step; calls `onViolated(i)` for each property i this step violates. */
  advance(id: number, from: S, action: A, to: S, onViolated: (property: number) => void): number {
    const before = this.tuples[id]!;
    const after = before.slice();
    for (let i = 0; i < this.properties.length; i++) {
      const monitor = before[i];
      if (monitor === violated) continue;
      const next = this.properties[i]!.next(monitor, from, action, to);
      if (next === 'violated') {
        onViolated(i);
        after[i] = violated;
      } else {
        after[i] = next;
      }
    }
    return this.intern(after);
  }

  portable(id: number): PortableMonitors {
    const tuple = this.tuples[id]!;
    let deadMask = 0;
    const values = tuple.map((m, i) => {
      if (m !== violated) return m;
      deadMask |= 1 << i;
      return null;
    });
    return { deadMask, values };
  }

  fromPortable(monitors: PortableMonitors): number {
    return this.intern(monitors.values.map((m, i) => ((monitors.deadMask >>> i) & 1 ? violated : m)));
  }

  private intern(tuple: Slot[]): number {
    const keys = tuple.map((m, i) => (m === violated ? 0 : this.properties[i]!.key(m) + 1));
    const text = keys.join(',');
    let id = this.ids.get(text);
    if (id !== undefined) return id;
    id = this.tuples.length;
    this.tuples.push(tuple);
    this.ids.set(text, id);
    this.texts.push(text);
    let code = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (this.width === 0 || k >= 2 ** this.width || !Number.isInteger(k) || code < 0) {
        code = -1;
        break;
      }
      code += k * 2 ** (this.width * i);
    }
    this.codes.push(code);
    return id;
  }
}
