// Toy systems for the symmetry reduction tests: N identical processes around a lock taken by a non-atomic
// test-and-set (read the lock free, then set it), which breaks mutual exclusion. Swapping any two processes maps
// the system onto itself, so sorting the program counters is a canonical representative of each orbit.
import { propertyId, type Invariant, type Property, type TraceProperty } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';

export interface LockState {
  /** Program counter of each process: 0 idle, 1 read the lock free, 2 in its critical section. */
  readonly pcs: readonly number[];
  readonly lock: 0 | 1;
}

/** READ(i): idle and the lock free; SET(i): takes the lock and enters; LEAVE(i): leaves and frees the lock. */
export type LockAction = { readonly kind: 'READ' | 'SET' | 'LEAVE'; readonly process: number };

export interface LockConfig {
  readonly processes?: number;
  /** Declare the symmetry (default true); false gives the same system without it. */
  readonly symmetric?: boolean;
  /** Step by key (compactKeys, forEachSuccessorKey, stateOfKey and Symmetry.canonicalKey), default false. */
  readonly byKey?: boolean;
  /** A broken model for the tests that must fail: only process 0 ever moves, yet the symmetry (sorting) is
   *  declared, which is then no symmetry of the state graph. */
  readonly onlyFirstMoves?: boolean;
  /** A broken declaration: the symmetry claims to preserve every property, the asymmetric one too. */
  readonly preservesAll?: boolean;
}

const kindOf = ['READ', 'SET', 'LEAVE'] as const;

function keyOf(s: LockState): number {
  return s.pcs.reduce((k, pc) => k * 3 + pc, 0) * 2 + s.lock;
}

function stateOf(key: number, n: number): LockState {
  const pcs: number[] = new Array(n);
  let rest = Math.floor(key / 2);
  for (let i = n - 1; i >= 0; i--) {
    pcs[i] = rest % 3;
    rest = Math.floor(rest / 3);
  }
  return { pcs, lock: (key % 2) as 0 | 1 };
}

/** Sorting the counters: the representative of every permutation of the processes. */
function sorted(s: LockState): LockState {
  for (let i = 1; i < s.pcs.length; i++) if (s.pcs[i - 1]! > s.pcs[i]!) return { pcs: [...s.pcs].sort((a, b) => a - b), lock: s.lock };
  return s;
}

export function lockProcesses(config: LockConfig = {}): System<LockState, LockAction> {
  const n = config.processes ?? 3;
  const moves = (i: number): boolean => config.onlyFirstMoves !== true || i === 0;
  const enabled = (s: LockState): LockAction[] =>
    s.pcs.flatMap((pc, i) => (!moves(i) || (pc === 0 && s.lock === 1) ? [] : [{ kind: kindOf[pc]!, process: i }]));
  const step = (s: LockState, a: LockAction): LockState => ({
    pcs: s.pcs.map((pc, i) => (i === a.process ? (pc + 1) % 3 : pc)),
    lock: a.kind === 'SET' ? 1 : a.kind === 'LEAVE' ? 0 : s.lock,
  });
  const system: System<LockState, LockAction> = {
    name: 'lock-processes',
    config: { ...config, processes: n },
    initialStates: () => [{ pcs: Array.from({ length: n }, () => 0), lock: 0 }],
    enabled,
    step,
    key: keyOf,
    actionLabel: (a) => `${a.kind}(${a.process})`,
    describeState: (s) => ({ pcs: [...s.pcs], lock: s.lock }),
  };
  const withKeys: System<LockState, LockAction> =
    config.byKey === true
      ? {
          ...system,
          compactKeys: true,
          forEachSuccessorKey: (s, visit) => {
            for (const a of enabled(s)) visit(a, keyOf(step(s, a)));
          },
          stateOfKey: (key) => stateOf(key, n),
        }
      : system;
  if (config.symmetric === false) return withKeys;
  return {
    ...withKeys,
    symmetry: {
      canonical: sorted,
      ...(config.byKey === true ? { canonicalKey: (key: number) => keyOf(sorted(stateOf(key, n))) } : {}),
      preserves: (property) => config.preservesAll === true || symmetricIds.has(property.id),
    },
  };
}

const critical = (s: LockState): number => s.pcs.filter((pc) => pc === 2).length;

/** Symmetric, violated: two processes read the lock free, then both set it (4 steps). */
export const mutualExclusion: Invariant<LockState> = {
  kind: 'invariant',
  id: propertyId('MutualExclusion'),
  description: 'at most one process in its critical section',
  holds: (s) => critical(s) <= 1,
};

/** Symmetric, holds: the lock is set only by SET, which enters, and freed by every LEAVE. */
export const lockMeansSomeoneInside: Invariant<LockState> = {
  kind: 'invariant',
  id: propertyId('LockMeansSomeoneInside'),
  description: 'the lock is held only while some process is in its critical section',
  holds: (s) => s.lock === 0 || critical(s) > 0,
};

/** Symmetric, violated: the lock freed while a process is still inside (5 steps). */
export const insideMeansLocked: Invariant<LockState> = {
  kind: 'invariant',
  id: propertyId('InsideMeansLocked'),
  description: 'the lock is held while a process is in its critical section',
  holds: (s) => critical(s) === 0 || s.lock === 1,
};

/** Symmetric trace property, violated: two SETs in a row (the monitor is whether the last step was a SET). */
export const noSetAfterSet: TraceProperty<LockState, LockAction, number> = {
  kind: 'trace',
  id: propertyId('NoSetAfterSet'),
  description: 'no SET directly after a SET',
  initial: () => 0,
  next: (m, _from, a) => (a.kind !== 'SET' ? 0 : m === 1 ? 'violated' : 1),
  key: (m) => m,
};

/** Names process 0, so no permutation preserves it: violated in 2 steps (READ(0), SET(0)). */
export const firstNeverInside: Invariant<LockState> = {
  kind: 'invariant',
  id: propertyId('FirstNeverInside'),
  description: 'process 0 never enters its critical section',
  holds: (s) => s.pcs[0] !== 2,
};

export const symmetricProperties: readonly Property<LockState, LockAction>[] = [mutualExclusion, lockMeansSomeoneInside, insideMeansLocked, noSetAfterSet];
const symmetricIds = new Set<string>(symmetricProperties.map((p) => p.id));
