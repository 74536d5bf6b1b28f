// Small systems with known liveness answers: a client that asks a server for service over a lossy line, and a
// pair of states where a toggle may starve a fair exit unless weak fairness forbids it.
import type { InfinitelyOften, Recoverable } from '../../../src/engine/LivenessProperty.ts';
import { propertyId } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';

/** Service states: 0 idle, 1 asking, 2 served (the goal), 3 broken. */
export type ServiceAction = 'SEND' | 'ACK' | 'LOSE' | 'BREAK' | 'REPAIR';

export interface ServiceToy {
  /** BREAK (a fault, idle -> broken) is possible. */
  readonly breakable?: boolean;
  /** LOSE (a fault, asking -> idle: the request is lost) is possible. */
  readonly lossy?: boolean;
  /** REPAIR (broken -> idle, by the client: fair) is possible. */
  readonly repairable?: boolean;
  /** The system says which steps are fair (client and server steps). Default true. */
  readonly fair?: boolean;
}

export function serviceToy(config: ServiceToy = {}): System<number, ServiceAction> {
  const enabled = (s: number): ServiceAction[] => {
    switch (s) {
      case 0:
        return ['SEND', ...(config.breakable ? (['BREAK'] as const) : [])];
      case 1:
        return ['ACK', ...(config.lossy ? (['LOSE'] as const) : [])];
      case 3:
        return config.repairable ? ['REPAIR'] : [];
      default:
        return [];
    }
  };
  const target: Record<ServiceAction, number> = { SEND: 1, ACK: 2, LOSE: 0, BREAK: 3, REPAIR: 0 };
  const fairClass: Partial<Record<ServiceAction, string>> = { SEND: 'client', REPAIR: 'client', ACK: 'server' };
  return {
    name: 'service-toy',
    config,
    initialStates: () => [0],
    enabled,
    step: (_s, action) => target[action],
    key: (s) => s,
    actionLabel: (action) => action,
    describeState: (s) => ({ state: ['idle', 'asking', 'served', 'broken'][s] }),
    ...(config.fair === false ? {} : { fairness: (_s: number, action: ServiceAction) => fairClass[action] }),
  };
}

export const serviceRecoverable: Recoverable<number, ServiceAction> = {
  kind: 'recoverable',
  id: propertyId('toy.serviceRecoverable'),
  description: 'from every state, service can still be reached',
  goal: (s) => s === 2,
};

export const serviceEventually: InfinitelyOften<number, ServiceAction> = {
  kind: 'infinitely-often',
  id: propertyId('toy.serviceEventually'),
  description: 'every fair run ends served',
  goal: (s) => s === 2,
};

export const serviceEventuallyFaultsStop: InfinitelyOften<number, ServiceAction> = {
  ...serviceEventually,
  id: propertyId('toy.serviceEventuallyFaultsStop'),
  finitely: (_s, action) => action === 'LOSE' || action === 'BREAK',
  finitelyNote: 'faults (LOSE, BREAK)',
};

/** States 0 and 1 toggle (an unfair step); EXIT (fair) leads to the goal 2 from state 0, and from state 1 too unless
 *  `exitFromBothSides` is false. */
export function toggleToy(exitFromBothSides: boolean): System<number, 'TOGGLE' | 'EXIT'> {
  return {
    name: 'toggle-toy',
    config: { exitFromBothSides },
    initialStates: () => [0],
    enabled: (s) => (s === 2 ? [] : s === 0 || exitFromBothSides ? ['TOGGLE', 'EXIT'] : ['TOGGLE']),
    step: (s, action) => (action === 'EXIT' ? 2 : 1 - s),
    key: (s) => s,
    actionLabel: (action) => action,
    describeState: (s) => ({ s }),
    fairness: (_s, action) => (action === 'EXIT' ? 'exit' : undefined),
  };
}

export const reachesTwo: InfinitelyOften<number, 'TOGGLE' | 'EXIT'> = {
  kind: 'infinitely-often',
  id: propertyId('toy.reachesTwo'),
  description: 'every fair run reaches state 2',
  goal: (s) => s === 2,
};
