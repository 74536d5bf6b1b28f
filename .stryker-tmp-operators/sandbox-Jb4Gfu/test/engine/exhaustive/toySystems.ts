// Small systems with known answers for the exhaustive and parallel search tests; `buildSystem`
// lets worker threads rebuild them by name, as src/cli/systems.ts does for real systems.
import { propertyId, type Invariant, type Property, type TraceProperty } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';
import { processes, processProperties, type ProcessesConfig } from './porToySystems.ts';

export interface Jugs {
  readonly small: number;
  readonly big: number;
}
type JugAction = 'FILL_SMALL' | 'FILL_BIG' | 'EMPTY_SMALL' | 'EMPTY_BIG' | 'POUR_SMALL_BIG' | 'POUR_BIG_SMALL';
const jugActions: readonly JugAction[] = ['FILL_SMALL', 'FILL_BIG', 'EMPTY_SMALL', 'EMPTY_BIG', 'POUR_SMALL_BIG', 'POUR_BIG_SMALL'];

/** The Die Hard water jugs (3 and 5 gallons by default): object states, numeric or string keys. */
export function jugs(config: { small?: number; big?: number; stringKeys?: boolean } = {}): System<Jugs, JugAction> {
  const a = config.small ?? 3;
  const b = config.big ?? 5;
  const step = (s: Jugs, action: JugAction): Jugs => {
    switch (action) {
      case 'FILL_SMALL':
        return { small: a, big: s.big };
      case 'FILL_BIG':
        return { small: s.small, big: b };
      case 'EMPTY_SMALL':
        return { small: 0, big: s.big };
      case 'EMPTY_BIG':
        return { small: s.small, big: 0 };
      case 'POUR_SMALL_BIG': {
        const moved = Math.min(s.small, b - s.big);
        return { small: s.small - moved, big: s.big + moved };
      }
      case 'POUR_BIG_SMALL': {
        const moved = Math.min(s.big, a - s.small);
        return { small: s.small + moved, big: s.big - moved };
      }
    }
  };
  const same = (x: Jugs, y: Jugs): boolean => x.small === y.small && x.big === y.big;
  return {
    name: config.stringKeys ? 'jugs-string' : 'jugs',
    config: { small: a, big: b, stringKeys: config.stringKeys ?? false },
    initialStates: () => [{ small: 0, big: 0 }],
    // Only actions that change something: a no-op is not a step.
    enabled: (s) => jugActions.filter((action) => !same(step(s, action), s)),
    step,
    key: config.stringKeys ? (s) => `${s.small}/${s.big}` : (s) => s.small * (b + 1) + s.big,
    actionLabel: (action) => action,
    describeState: (s) => ({ ...s }),
  };
}

export const bigJugNeverHoldsFour: Invariant<Jugs> = {
  kind: 'invariant',
  id: propertyId('toy.bigJugNeverHoldsFour'),
  description: 'the big jug never holds exactly 4 gallons (violated in 6 steps)',
  holds: (s) => s.big !== 4,
};

export const jugsNeverOverflow: Invariant<Jugs> = {
  kind: 'invariant',
  id: propertyId('toy.jugsNeverOverflow'),
  description: 'no jug holds more than it can (holds)',
  holds: (s) => s.small >= 0 && s.small <= 3 && s.big >= 0 && s.big <= 5,
};

/** A packed grid: x, y in 0..n, moves +x, +y, and RESET to the origin; state = x * (n+1) + y. */
export function grid(n: number): System<number, 'X' | 'Y' | 'RESET'> {
  const w = n + 1;
  return {
    name: 'grid',
    config: { n },
    initialStates: () => [0],
    enabled: (s) => {
      const x = Math.floor(s / w);
      const y = s % w;
      const out: ('X' | 'Y' | 'RESET')[] = [];
      if (x < n) out.push('X');
      if (y < n) out.push('Y');
      if (s !== 0) out.push('RESET');
      return out;
    },
    step: (s, action) => (action === 'X' ? s + w : action === 'Y' ? s + 1 : 0),
    key: (s) => s,
    actionLabel: (action) => action,
    describeState: (s) => ({ x: Math.floor(s / w), y: s % w }),
  };
}

/** Trace property: RESET only once x has reached 2 (monitor: largest x seen, capped at 2); X, RESET violates it. */
export const noEarlyReset = (n: number): TraceProperty<number, 'X' | 'Y' | 'RESET', number> => ({
  kind: 'trace',
  id: propertyId('toy.noEarlyReset'),
  description: 'RESET only after x has reached 2 (violated in 2 steps)',
  initial: () => 0,
  next: (m, _from, action, to) => {
    if (action === 'RESET' && m < 2) return 'violated';
    return Math.max(m, Math.min(2, Math.floor(to / (n + 1))));
  },
  key: (m) => m,
});

/** Trace property that holds and reads both ends of each step: every RESET leaves a non-origin state for the origin. */
export const resetGoesHome: TraceProperty<number, 'X' | 'Y' | 'RESET', number> = {
  kind: 'trace',
  id: propertyId('toy.resetGoesHome'),
  description: 'every RESET goes from a state other than the origin to the origin (holds)',
  initial: () => 0,
  next: (m, from, action, to) => (action === 'RESET' && (from === 0 || to !== 0) ? 'violated' : m),
  key: (m) => m,
};

/** Worker threads rebuild the toy systems here (the shape of src/cli/systems.ts's buildSystem). */
export function buildSystem(name: string, config: unknown): { system: System<any, any>; properties: readonly Property<any, any>[] } {
  const c = (config ?? {}) as { n?: number; small?: number; big?: number; stringKeys?: boolean };
  switch (name) {
    case 'jugs':
      return { system: jugs(c), properties: [bigJugNeverHoldsFour, jugsNeverOverflow] };
    case 'grid':
      return { system: grid(c.n ?? 10), properties: [noEarlyReset(c.n ?? 10), resetGoesHome] };
    case 'processes':
      return { system: processes(config as ProcessesConfig), properties: processProperties };
    default:
      throw new Error(`no toy system ${name}`);
  }
}

export const toySystemsModule = import.meta.url;
