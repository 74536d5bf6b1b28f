// Small systems with known answers, shared by the engine law tests.
import { propertyId, type Invariant, type Property, type TraceProperty } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';

/** Die Hard jugs: 3- and 5-litre jugs; "the big jug never holds 4 litres" fails after 6 steps at best. */
export interface Jugs {
  readonly small: number;
  readonly big: number;
}
type JugAction = 'FILL_SMALL' | 'FILL_BIG' | 'EMPTY_SMALL' | 'EMPTY_BIG' | 'SMALL_TO_BIG' | 'BIG_TO_SMALL';
const jugActions: readonly JugAction[] = ['FILL_SMALL', 'FILL_BIG', 'EMPTY_SMALL', 'EMPTY_BIG', 'SMALL_TO_BIG', 'BIG_TO_SMALL'];

export const jugsSystem: System<Jugs, JugAction> = {
  name: 'toy-jugs',
  config: {},
  initialStates: () => [{ small: 0, big: 0 }],
  enabled: (s) =>
    jugActions.filter((a) => {
      switch (a) {
        case 'FILL_SMALL':
          return s.small < 3;
        case 'FILL_BIG':
          return s.big < 5;
        case 'EMPTY_SMALL':
          return s.small > 0;
        case 'EMPTY_BIG':
          return s.big > 0;
        case 'SMALL_TO_BIG':
          return s.small > 0 && s.big < 5;
        case 'BIG_TO_SMALL':
          return s.big > 0 && s.small < 3;
      }
    }),
  step: (s, a) => {
    switch (a) {
      case 'FILL_SMALL':
        return { ...s, small: 3 };
      case 'FILL_BIG':
        return { ...s, big: 5 };
      case 'EMPTY_SMALL':
        return { ...s, small: 0 };
      case 'EMPTY_BIG':
        return { ...s, big: 0 };
      case 'SMALL_TO_BIG': {
        const moved = Math.min(s.small, 5 - s.big);
        return { small: s.small - moved, big: s.big + moved };
      }
      case 'BIG_TO_SMALL': {
        const moved = Math.min(s.big, 3 - s.small);
        return { small: s.small + moved, big: s.big - moved };
      }
    }
  },
  key: (s) => s.small * 8 + s.big,
  actionLabel: (a) => a,
  describeState: (s) => ({ small: s.small, big: s.big }),
};

export const bigNeverFour: Invariant<Jugs> = {
  kind: 'invariant',
  id: propertyId('BigJugNeverHoldsFour'),
  description: 'the big jug never holds exactly 4 litres',
  holds: (s) => s.big !== 4,
  explain: (s) => `expected big != 4, actual big = ${s.big}`,
};

export const totalAtMostEight: Invariant<Jugs> = {
  kind: 'invariant',
  id: propertyId('AtMostEightLitres'),
  description: 'the jugs hold at most 8 litres together',
  holds: (s) => s.small + s.big <= 8,
};

/** Trace property: the big jug is never emptied right after being filled (violated in 2 steps). */
export const neverEmptyRightAfterFill: TraceProperty<Jugs, JugAction, number> = {
  kind: 'trace',
  id: propertyId('NeverEmptyBigRightAfterFillingIt'),
  description: 'EMPTY_BIG never directly follows FILL_BIG',
  initial: () => 0,
  next: (m, _from, action) => (action === 'EMPTY_BIG' && m === 1 ? 'violated' : action === 'FILL_BIG' ? 1 : 0),
  key: (m) => m,
};

export const jugProperties: readonly Property<Jugs, JugAction>[] = [bigNeverFour, totalAtMostEight, neverEmptyRightAfterFill];

/** Stairs: UP climbs one step, LEAP three (only from a multiple of three); six is reached in 2 leaps or 6 ups. */
type StairsAction = 'UP' | 'LEAP';
export const stairsSystem: System<number, StairsAction> = {
  name: 'toy-stairs',
  config: {},
  initialStates: () => [0],
  enabled: (s) => (s % 3 === 0 ? ['UP', 'LEAP'] : ['UP']),
  step: (s, a) => s + (a === 'UP' ? 1 : 3),
  key: (s) => s,
  actionLabel: (a) => a,
  describeState: (s) => ({ step: s }),
};

export const stairsNeverSix: Invariant<number> = {
  kind: 'invariant',
  id: propertyId('StairsNeverReachSix'),
  description: 'the climber never reaches step 6',
  holds: (s) => s < 6,
};

/** Violated in 4 steps at best (fill small, pour, fill small, pour): random walks reach it more often than 4 in the big jug. */
export const smallNeverOne: Invariant<Jugs> = {
  kind: 'invariant',
  id: propertyId('SmallJugNeverHoldsOne'),
  description: 'the small jug never holds exactly 1 litre',
  holds: (s) => s.small !== 1,
};
