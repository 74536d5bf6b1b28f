// Keeps an XState machine the source of truth at search speed: each distinct local snapshot
// (status, value, context) is interned as a small integer, and XState's pure `machine.transition`
// runs once per distinct (local state, event); afterwards steps are table lookups.
// Ids follow this instance's discovery order; `key(id)` is the thread-independent name of a local state.
import type { AnyMachineSnapshot, AnyStateMachine, EventFromLogic, EventObject, InputFrom, SnapshotFrom } from 'xstate';
import { canonicalJson } from '../engine/canonicalJson.ts';
import { createPureActorScope, type PureActorScope } from './pureActorScope.ts';

/** `next`/`step` result when the event is not handled (or its guard fails) in that local state. */
export const notEnabled = -1;
const unknown = -2;

export interface MemoMachineOptions<TMachine extends AnyStateMachine> {
  /** Input for the machine's initial snapshot. */
  readonly input?: InputFrom<TMachine>;
  /** Key of an event: events with equal keys must step identically. Default: canonical JSON of the event. */
  readonly eventKey?: (event: EventFromLogic<TMachine>) => string;
  /** Told of each step XState takes for the first time that changes the local state (ids before and after). */
  readonly onStep?: (from: number, to: number) => void;
}

type EventArgument<TMachine extends AnyStateMachine> = EventFromLogic<TMachine> | EventFromLogic<TMachine>['type'];

const noEmits: readonly EventObject[] = Object.freeze([]);

/** What XState's step from a local state by an event gave: the snapshot after it and its key, or undefined when the
 *  event is not taken; and the events it emitted. */
interface SharedStep {
  readonly to: AnyMachineSnapshot | undefined;
  readonly toKey: string;
  readonly emitted: readonly EventObject[];
}

type StepsByKey = Map<string, Map<string, SharedStep>>;

/** XState's steps of the run under way (`withSharedSteps`), shared by every table of a machine made during it, by the
 *  local state's key and the event's: `transition` is pure, so a scenario need not ask it again for a step another
 *  scenario's table asked (a check run's scenarios share most of their roles' steps). A table
 *  still numbers its local states in the order it meets them, so its ids, and a search's order, do not depend on the
 *  tables before it. Undefined outside a run: a test that switches a mutated check on at run time (vi.mock, mutation
 *  testing) must not meet steps kept from before the switch. */
let runSteps: WeakMap<AnyStateMachine, WeakMap<object, StepsByKey>> | undefined;

/** Runs `work` with XState's steps shared by the tables made during it (the CLI's check). */
export async function withSharedSteps<T>(work: () => Promise<T>): Promise<T> {
  const outer = runSteps;
  runSteps = new WeakMap();
  try {
    return await work();
  } finally {
    runSteps = outer;
  }
}

/** Opens sharing for the rest of this thread's life (a worker thread of a run: its jobs are the run's). */
export function shareStepsInThisThread(): void {
  runSteps ??= new WeakMap();
}

/** The key of an event when a table is given none: its canonical JSON. Tables of one machine share their steps only
 *  when they key events with one function (a table's own `eventKey` says when two of its events step alike). */
const defaultEventKey = (event: EventObject): string => canonicalJson(event);

interface NodeLike {
  readonly type: string;
  readonly id: string;
  readonly states: Readonly<Record<string, NodeLike>>;
}

/** Ids of the history state nodes under `node`. */
function historyStates(node: NodeLike): string[] {
  return [...(node.type === 'history' ? [node.id] : []), ...Object.values(node.states ?? {}).flatMap(historyStates)];
}

export class MemoMachine<TMachine extends AnyStateMachine> {
  private readonly pure: PureActorScope = createPureActorScope();
  private readonly snapshots: SnapshotFrom<TMachine>[] = [];
  private readonly keys: string[] = [];
  private readonly idsByKey = new Map<string, number>();
  private readonly events: EventFromLogic<TMachine>[] = [];
  private readonly eventKeys: string[] = [];
  private readonly eventIdsByKey = new Map<string, number>();
  /** The run's steps of this machine (`withSharedSteps`); undefined: this table's own only. */
  private readonly shared: StepsByKey | undefined;
  /** rows[event][local id] = next local id, `notEnabled`, or `unknown` (XState not asked yet). */
  private readonly rows: Int32Array[] = [];
  /** Events emitted by a step ('xstate.emit' actions), keyed by event index * 2^20 + local id. */
  private readonly emits = new Map<number, readonly EventObject[]>();
  private readonly eventKey: (event: EventFromLogic<TMachine>) => string;
  private readonly onStep: ((from: number, to: number) => void) | undefined;
  private readonly initialId: number;
  /** Steps this table computed: once per distinct (local state, event), asking XState or, in a run that shares steps,
   *  taking the answer another table of the machine had from it. */
  xstateSteps = 0;
  /** Milliseconds this table spent in XState's own steps (its `transition`, and `getTransitionData` where that
   *  returned the snapshot as it was): what no table of this process can save a first search. */
  xstateMillis = 0;

  constructor(
    readonly machine: TMachine,
    options: MemoMachineOptions<TMachine> = {},
  ) {
    // A snapshot's key is its status, value and context; a history state's memory is none of them, so two
    // snapshots differing only in it would share an id. Refuse such machines rather than merge their states.
    const history = historyStates(machine.root);
    if (history.length > 0) {
      throw new Error(`MemoMachine: machine "${machine.id}" has history state(s) ${history.join(', ')}, which snapshot keys do not capture; remove them or extend the key`);
    }
    this.eventKey = options.eventKey ?? defaultEventKey;
    this.shared = runSteps === undefined ? undefined : stepsOf(runSteps, machine, this.eventKey);
    this.onStep = options.onStep;
    this.pure.reset();
    const first = machine.getInitialSnapshot(this.pure.scope, options.input) as SnapshotFrom<TMachine>;
    this.initialId = this.intern(first);
  }

  /** Local id of the machine's initial snapshot. */
  initial(): number {
    return this.initialId;
  }

  /** Number of distinct local snapshots seen so far. */
  get size(): number {
    return this.snapshots.length;
  }

  /** Index of an event (or of a parameterless event type) for the `step` fast path. `key` skips the
   *  `eventKey` option when the caller already has a canonical name for the event. */
  eventIndex(event: EventArgument<TMachine>, key?: string): number {
    const object = (typeof event === 'string' ? { type: event } : event) as EventFromLogic<TMachine>;
    key ??= this.eventKey(object);
    let index = this.eventIdsByKey.get(key);
    if (index === undefined) {
      index = this.events.length;
      this.events.push(object);
      this.eventKeys.push(key);
      this.eventIdsByKey.set(key, index);
      this.rows.push(new Int32Array(Math.max(8, this.snapshots.length * 2)).fill(unknown));
    }
    return index;
  }

  /** Local id after `event` from local state `id`, or `notEnabled`. */
  next(id: number, event: EventArgument<TMachine>): number {
    return this.step(id, this.eventIndex(event));
  }

  /** Hot path: local id after event number `eventIndex` from `id`, or `notEnabled`. A taken transition
   *  that leaves the snapshot as it was (a targetless relay, an `emit`-only step) returns `id` itself. */
  step(id: number, eventIndex: number): number {
    const row = this.rows[eventIndex];
    if (row !== undefined && id < row.length) {
      const known = row[id]!;
      if (known !== unknown) return known;
    }
    return this.compute(id, eventIndex);
  }

  /** Interns every local state reachable from the initial one by `events`, breadth-first in the
   *  given event order, so ids no longer depend on the order a search happens to ask for steps:
   *  every thread (and every replay) that calls this with the same events numbers states alike.
   *  Returns the number of local states; throws past `limit` (the machine is then not finite enough). */
  exploreAll(events: readonly EventArgument<TMachine>[], limit = 1 << 16): number {
    const indices = events.map((event) => this.eventIndex(event));
    for (let id = 0; id < this.snapshots.length; id++) {
      for (const e of indices) this.step(id, e);
      if (this.snapshots.length > limit) {
        throw new RangeError(`MemoMachine: more than ${limit} local states of "${this.machine.id}" under these events`);
      }
    }
    return this.snapshots.length;
  }

  /** The XState snapshot behind a local id (shared: do not mutate). */
  snapshot(id: number): SnapshotFrom<TMachine> {
    const snapshot = this.snapshots[id];
    if (snapshot === undefined) throw new RangeError(`MemoMachine: no local state ${id}; ids come from initial(), next() and intern()`);
    return snapshot;
  }

  /** Canonical key of a local state: canonical JSON of [status, value, context]. Unlike the id it does not
   *  depend on discovery order, so it names the state across instances and threads (see `idOfKey`). */
  key(id: number): string {
    const key = this.keys[id];
    if (key === undefined) throw new RangeError(`MemoMachine: no local state ${id}; ids come from initial(), next() and intern()`);
    return key;
  }

  /** Local id of the state named by `key` (from `key(id)` of any instance of the same machine). A key this
   *  instance has not seen yet is rebuilt with `machine.resolveState` and interned. */
  idOfKey(key: string): number {
    const known = this.idsByKey.get(key);
    if (known !== undefined) return known;
    const [status, value, context] = JSON.parse(key) as [string, unknown, unknown];
    if (status !== 'active') {
      // resolveState only builds active snapshots; a stopped or done machine takes no more events anyway.
      throw new Error(`MemoMachine: cannot rebuild a "${status}" snapshot of "${this.machine.id}" from its key; only active ones`);
    }
    const snapshot = this.machine.resolveState({ value, context: context ?? undefined } as never) as SnapshotFrom<TMachine>;
    const id = this.intern(snapshot);
    if (this.keys[id] !== key) {
      throw new Error(`MemoMachine: the key of "${this.machine.id}" does not round-trip through resolveState; keep context plain JSON data`);
    }
    return id;
  }

  /** Events the step (id, event) emitted with XState's `emit`, for routing between role machines. */
  emitted(id: number, event: EventArgument<TMachine> | number): readonly EventObject[] {
    const eventIndex = typeof event === 'number' ? event : this.eventIndex(event);
    this.step(id, eventIndex);
    return this.emits.get(eventIndex * 2 ** 20 + id) ?? noEmits;
  }

  /** Local id of any snapshot of this machine (e.g. one built with `machine.resolveState`); equal
   *  (status, value, context) get equal ids whatever order the context's keys were written in. */
  intern(snapshot: SnapshotFrom<TMachine>): number {
    return this.internKeyed(snapshot, this.keyOf(snapshot));
  }

  /** The key of a snapshot of this machine: canonical JSON of its status, value and context. */
  private keyOf(snapshot: SnapshotFrom<TMachine>): string {
    const s = snapshot as unknown as { machine?: unknown; status: string; value: unknown; context: unknown; children?: Record<string, unknown> };
    if (s.machine !== this.machine) {
      // Another machine's snapshot would be stepped with this machine's transitions.
      throw new Error(`MemoMachine: a snapshot of another machine given to the table of "${this.machine.id}"`);
    }
    if (s.children !== undefined && Object.keys(s.children).length > 0) {
      // Child actors are live references, not data: their state could not be keyed or memoised.
      throw new Error(
        `MemoMachine: machine "${this.machine.id}" has child actors; model each role as its own machine and compose them as a tuple`,
      );
    }
    // Never the whole snapshot: it references the machine (MEASURED.md). The status is part of the key:
    // an active and a done snapshot with equal value and context are different states.
    return canonicalJson([s.status, s.value, s.context ?? null]);
  }

  /** `intern` of a snapshot whose key is `key`. */
  private internKeyed(snapshot: SnapshotFrom<TMachine>, key: string): number {
    let id = this.idsByKey.get(key);
    if (id === undefined) {
      id = this.snapshots.length;
      if (id >= 2 ** 20) throw new RangeError(`MemoMachine: more than 2^20 local states of "${this.machine.id}"; the machine's context is not bounded`);
      this.snapshots.push(snapshot);
      this.keys.push(key);
      this.idsByKey.set(key, id);
    }
    return id;
  }

  private compute(id: number, eventIndex: number): number {
    const from = this.snapshot(id);
    const event = this.events[eventIndex];
    if (event === undefined) throw new RangeError(`MemoMachine: no event ${eventIndex}; indices come from eventIndex()`);
    this.xstateSteps++;
    const step = this.shared === undefined ? this.transition(from, event) : this.sharedStep(id, eventIndex, from, event);
    const result = step.to === undefined ? notEnabled : this.internKeyed(step.to as SnapshotFrom<TMachine>, step.toKey);
    if (step.emitted.length > 0) this.emits.set(eventIndex * 2 ** 20 + id, step.emitted);
    let row = this.rows[eventIndex]!;
    if (id >= row.length) {
      const grown = new Int32Array(Math.max(row.length * 2, id + 1)).fill(unknown);
      grown.set(row);
      this.rows[eventIndex] = row = grown;
    }
    row[id] = result;
    if (result >= 0 && result !== id) this.onStep?.(id, result);
    return result;
  }

  /** The run's answer for the step, asking XState when no table of the machine has. */
  private sharedStep(id: number, eventIndex: number, from: SnapshotFrom<TMachine>, event: EventFromLogic<TMachine>): SharedStep {
    const shared = this.shared!;
    const fromKey = this.keys[id]!;
    let byEvent = shared.get(fromKey);
    if (byEvent === undefined) shared.set(fromKey, (byEvent = new Map()));
    const eventKey = this.eventKeys[eventIndex]!;
    let step = byEvent.get(eventKey);
    if (step === undefined) byEvent.set(eventKey, (step = this.transition(from, event)));
    return step;
  }

  /** XState's step from `from` by `event`. */
  private transition(from: SnapshotFrom<TMachine>, event: EventFromLogic<TMachine>): SharedStep {
    this.pure.reset();
    const began = performance.now();
    const to = this.machine.transition(from, event, this.pure.scope) as SnapshotFrom<TMachine>;
    // XState returns the identical snapshot both for an event no transition takes (or whose guards all
    // fail) and for a taken transition that changes nothing (a targetless relay whose only effect is
    // `emit`). Tell them apart as XState's macrostep does: by the transitions selected for the event.
    const taken = to !== from || this.machine.getTransitionData(from as never, event).length > 0;
    this.xstateMillis += performance.now() - began;
    if (!taken) return { to: undefined, toKey: '', emitted: noEmits };
    const emitted = this.pure.actions
      .filter((action) => action.type === 'xstate.emit')
      .map((action) => (action.params as { event: EventObject }).event);
    return { to, toKey: this.keyOf(to), emitted: emitted.length > 0 ? emitted : noEmits };
  }
}

/** The run's steps of `machine` for tables that key events with `eventKey`. */
function stepsOf(run: WeakMap<AnyStateMachine, WeakMap<object, StepsByKey>>, machine: AnyStateMachine, eventKey: object): StepsByKey {
  let byKeying = run.get(machine);
  if (byKeying === undefined) run.set(machine, (byKeying = new WeakMap()));
  let steps = byKeying.get(eventKey);
  if (steps === undefined) byKeying.set(eventKey, (steps = new Map()));
  return steps;
}
