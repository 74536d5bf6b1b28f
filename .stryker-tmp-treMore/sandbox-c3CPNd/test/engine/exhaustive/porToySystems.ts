// Toy systems with ample sets for the partial-order reduction tests: independent looping processes around one
// shared variable, and a minimal instance of the ignoring problem that only the cycle proviso (C3) catches.
import { propertyId, type Invariant, type Property, type TraceProperty } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';
import type { Visibility } from '../../../src/engine/Visibility.ts';

export interface Processes {
  /** Program counter of each process: 0..length (length: finished), or 0..length-1 when the processes loop. */
  readonly pcs: readonly number[];
  /** The shared variable, 0..modulus-1. */
  readonly x: number;
}

export interface ProcessesConfig {
  readonly processes?: number;
  readonly length?: number;
  /** Each process loops through its program forever (default false: it runs it once and stops). */
  readonly loop?: boolean;
  /** Offer ample sets (default true); false gives the same system without them. */
  readonly ample?: boolean;
}

/** A process step: LOCAL(i) moves process i's counter only; WRITE(i), at the counter `writeAt(i)`, also sets
 *  x := (3x + i + 1) mod 7, so the value of x depends on the order of the writes. */
export type ProcessAction = { readonly kind: 'LOCAL' | 'WRITE'; readonly process: number };

const modulus = 7;
const writeAt = (process: number, length: number): number => (process + 1) % length;

/** The names a property may read: 'x', and 'pc:i' for process i's counter. */
export const pcName = (process: number): string => `pc:${process}`;

/** `processes` processes of `length` steps each with one WRITE among them, run once (4 x 4 by default) or in
 *  loops, so that the state graph has cycles. */
export function processes(config: ProcessesConfig = {}): System<Processes, ProcessAction> {
  const n = config.processes ?? 4;
  const length = config.length ?? 4;
  const loop = config.loop ?? false;
  const withAmple = config.ample ?? true;
  const actionOf = (s: Processes, i: number): ProcessAction => ({ kind: s.pcs[i] === writeAt(i, length) ? 'WRITE' : 'LOCAL', process: i });
  const system: System<Processes, ProcessAction> = {
    name: 'processes',
    config: { processes: n, length, loop, ample: withAmple },
    initialStates: () => [{ pcs: Array.from({ length: n }, () => 0), x: 0 }],
    // Each process has at most one next step (none once finished), in process order.
    enabled: (s) => s.pcs.flatMap((pc, i) => (pc < length ? [actionOf(s, i)] : [])),
    step: (s, a) => ({
      pcs: s.pcs.map((pc, i) => (i === a.process ? (loop ? (pc + 1) % length : pc + 1) : pc)),
      x: a.kind === 'WRITE' ? (3 * s.x + a.process + 1) % modulus : s.x,
    }),
    key: (s) => s.pcs.reduce((k, pc) => k * (length + 1) + pc, 0) * modulus + s.x,
    actionLabel: (a) => `${a.kind}(${a.process})`,
    describeState: (s) => ({ pcs: [...s.pcs], x: s.x }),
  };
  if (!withAmple) return system;
  return {
    ...system,
    // The first process whose next step is LOCAL and whose counter no property reads. C0: one action. C1: a LOCAL
    // step of process i touches pc_i only, which no other process reads or writes, so it is independent of every
    // other process's steps (it neither enables nor disables them); and process i itself cannot move before it
    // takes this step (one next step each). C2: it changes only pc_i, which is invisible, and no property names
    // LOCAL steps.
    ample: (s: Processes, actions: readonly ProcessAction[], visible: Visibility) => {
      if (visible === 'all') return undefined;
      const i = actions.findIndex((a) => a.kind === 'LOCAL' && !visible.has(pcName(a.process)));
      return i < 0 ? undefined : [i];
    },
  };
}

/** Violated: some interleaving of the writes leaves x = 5. */
export const xNeverFive: Invariant<Processes> = {
  kind: 'invariant',
  id: propertyId('por.xNeverFive'),
  description: 'x never holds 5',
  reads: ['x'],
  holds: (s) => s.x !== 5,
};

/** Holds: x stays within its range. */
export const xInRange: Invariant<Processes> = {
  kind: 'invariant',
  id: propertyId('por.xInRange'),
  description: 'x stays in 0..6',
  reads: ['x'],
  holds: (s) => s.x >= 0 && s.x < modulus,
};

/** Reads a counter too, so process 0's LOCAL steps become visible and are not reduced. */
export const notZeroAtStartWithXSix: Invariant<Processes> = {
  kind: 'invariant',
  id: propertyId('por.notZeroAtStartWithXSix'),
  description: 'process 0 is never at its start while x holds 6',
  reads: ['x', pcName(0)],
  holds: (s) => !(s.pcs[0] === 0 && s.x === 6),
};

/** A trace property on x only: x never goes from 4 straight to 0 (stuttering-insensitive: only changes of x count). */
export const xNeverFourToZero: TraceProperty<Processes, ProcessAction, number> = {
  kind: 'trace',
  id: propertyId('por.xNeverFourToZero'),
  description: 'x never changes from 4 to 0',
  reads: ['x'],
  initial: () => 0,
  next: (m, from, _action, to) => (from.x === 4 && to.x === 0 ? 'violated' : m),
  key: (m) => m,
};

/** Holds: every change of x is a WRITE of one of the `n` processes (3x + i + 1 mod 7, i < n). */
export const xChangesOnlyByWrites = (n: number): TraceProperty<Processes, ProcessAction, number> => ({
  kind: 'trace',
  id: propertyId('por.xChangesOnlyByWrites'),
  description: 'every change of x is 3x + i + 1 mod 7 for a process i',
  reads: ['x'],
  initial: () => 0,
  next: (m, from, _action, to) => {
    if (from.x === to.x) return m;
    return Array.from({ length: n }, (_, i) => (3 * from.x + i + 1) % modulus).includes(to.x) ? m : 'violated';
  },
  key: (m) => m,
});

/** Declares no reads: it may read anything, so nothing may be reduced while it is checked. */
export const xNeverFiveUndeclared: Invariant<Processes> = {
  kind: 'invariant',
  id: propertyId('por.xNeverFiveUndeclared'),
  description: 'x never holds 5 (reads not declared)',
  holds: (s) => s.x !== 5,
};

/** The properties of the default 4 processes: two violated, three holding (checked against the unreduced search). */
export const processProperties: readonly Property<Processes, ProcessAction>[] = [
  xNeverFive,
  xInRange,
  notZeroAtStartWithXSix,
  xNeverFourToZero,
  xChangesOnlyByWrites(4),
];

/** The ignoring problem in three states: a process that toggles a private bit forever, and a second one that can
 *  set x once. The toggle is always a valid ample set (invisible, independent of SET), so a search that follows
 *  ample sets without the cycle proviso goes round the toggle's cycle and never takes SET. */
export interface Toggle {
  readonly bit: number;
  readonly x: number;
}
export type ToggleAction = 'TOGGLE' | 'SET';

export function toggle(): System<Toggle, ToggleAction> {
  return {
    name: 'toggle',
    config: {},
    initialStates: () => [{ bit: 0, x: 0 }],
    enabled: (s) => (s.x === 0 ? ['TOGGLE', 'SET'] : ['TOGGLE']),
    step: (s, a) => (a === 'TOGGLE' ? { bit: 1 - s.bit, x: s.x } : { bit: s.bit, x: 1 }),
    key: (s) => s.bit * 2 + s.x,
    actionLabel: (a) => a,
    describeState: (s) => ({ ...s }),
    // C0: one action. C1: TOGGLE touches the bit only, SET touches x only: independent. C2: the bit is never read.
    ample: (_s, actions, visible) => (visible === 'all' || visible.has('bit') ? undefined : [actions.indexOf('TOGGLE')]),
  };
}

export const xNeverSet: Invariant<Toggle> = {
  kind: 'invariant',
  id: propertyId('toggle.xNeverSet'),
  description: 'x is never set (violated in 1 step)',
  reads: ['x'],
  holds: (s) => s.x === 0,
};
