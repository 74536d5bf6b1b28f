// Numeric toy systems for the shared-memory parallel search (numeric states, invariants only), with a
// buildSystem registry so helper threads can rebuild them by name, as src/cli/systems.ts does.
import { propertyId, type Invariant, type Property } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';

export interface TorusConfig {
  /** Side of the torus: states x * side + y. */
  readonly side: number;
  /** States with x >= wideFrom get keys above 2^32 (the shared search cannot hold them); default never. */
  readonly wideFrom?: number;
}

/** A torus of side n: moves +x, +y (wrapping) and a jump to (x, x); every state is reachable. */
export function torus(config: TorusConfig): System<number, 'X' | 'Y' | 'DIAG'> {
  const n = config.side;
  const wideFrom = config.wideFrom ?? Number.POSITIVE_INFINITY;
  const successors = (s: number): [('X' | 'Y' | 'DIAG'), number][] => {
    const x = Math.floor(s / n);
    const y = s % n;
    return [
      ['X', ((x + 1) % n) * n + y],
      ['Y', x * n + ((y + 1) % n)],
      ['DIAG', x * n + x],
    ];
  };
  return {
    name: 'torus',
    config,
    initialStates: () => [0],
    enabled: (s) => successors(s).map(([a]) => a),
    step: (s, action) => successors(s).find(([a]) => a === action)![1],
    key: (s) => (Math.floor(s / n) >= wideFrom ? s + 2 ** 33 : s),
    actionLabel: (action) => action,
    describeState: (s) => ({ x: Math.floor(s / n), y: s % n }),
  };
}

/** Violated at (3, 5): shortest trace 6 steps (3 X, DIAG to (3, 3), 2 Y). */
export const neverAtThreeFive = (n: number): Invariant<number> => ({
  kind: 'invariant',
  id: propertyId('torus.neverAtThreeFive'),
  description: 'the walk never reaches (3, 5)',
  holds: (s) => s !== 3 * n + 5,
});

/** Holds: every state is inside the torus. */
export const staysInside = (n: number): Invariant<number> => ({
  kind: 'invariant',
  id: propertyId('torus.staysInside'),
  description: 'every state is inside the torus',
  holds: (s) => s >= 0 && s < n * n,
});

export function buildSystem(name: string, config: unknown): { system: System<any, any>; properties: readonly Property<any, any>[] } {
  if (name !== 'torus') throw new Error(`no packed toy system ${name}`);
  const c = config as TorusConfig;
  return { system: torus(c), properties: [neverAtThreeFive(c.side), staysInside(c.side)] };
}

export const packedToySystemsModule = import.meta.url;
