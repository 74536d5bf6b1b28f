// One role machine, memoised: snapshots interned by (value, context) as small integers, and XState's pure
// `transition` run once per distinct (snapshot, event), table lookups afterwards (MEASURED.md).
import { transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import type { SendEvent } from '../messages.ts';

export interface RoleStep {
  readonly next: number;
  /** Messages the role sent in this step, in emission order. */
  readonly sends: readonly SendEvent[];
}

/** JSON with object keys sorted, so equal data gives equal text whatever order its keys were written in. */
function canonical(x: unknown): string {
  if (x === null || typeof x !== 'object') return JSON.stringify(x) ?? 'null';
  if (Array.isArray(x)) return `[${x.map(canonical).join(',')}]`;
  const o = x as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
}

export class RoleTable {
  private readonly snapshots: AnyMachineSnapshot[] = [];
  private readonly ids = new Map<string, number>();
  private readonly steps: Map<string, RoleStep | null>[] = [];

  constructor(readonly machine: AnyStateMachine) {}

  /** The id of `snapshot`; equal (value, context) get equal ids. Never the whole snapshot: it holds the machine. */
  intern(snapshot: AnyMachineSnapshot): number {
    const key = canonical([snapshot.value, snapshot.context ?? null]);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.snapshots.length;
      this.snapshots.push(snapshot);
      this.steps.push(new Map());
      this.ids.set(key, id);
    }
    return id;
  }

  snapshot(id: number): AnyMachineSnapshot {
    const s = this.snapshots[id];
    // Ids only come from intern(), which stores the snapshot first.
    if (s === undefined) throw new Error(`RoleTable(${this.machine.id}): unknown snapshot id ${id}`);
    return s;
  }

  /** The step of snapshot `id` under `event` (keyed by `eventKey`), or null when the machine does not take it.
   *  XState returns the identical snapshot and no actions for an unhandled event or a failed guard; a taken
   *  targetless transition (a relay) also returns the identical snapshot, but with its actions. */
  step(id: number, event: EventObject, eventKey: string): RoleStep | null {
    const memo = this.steps[id]!;
    const known = memo.get(eventKey);
    if (known !== undefined) return known;
    const before = this.snapshot(id);
    const [after, actions] = transition(this.machine, before, event);
    let result: RoleStep | null = null;
    if (after !== before || actions.length > 0) {
      // Emitted events come back as actions of type 'xstate.emit' with the event in params (MEASURED.md);
      // the declared action type does not list them, hence the widening.
      const sends = (actions as readonly { type: string; params?: unknown }[])
        .filter((a) => a.type === 'xstate.emit')
        .map((a) => (a.params as { event: SendEvent }).event)
        .filter((e) => e.type === 'send');
      result = { next: this.intern(after), sends };
    }
    memo.set(eventKey, result);
    return result;
  }

  get size(): number {
    return this.snapshots.length;
  }
}
