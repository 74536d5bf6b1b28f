// Claims the engine checks: state invariants, and trace properties as safety monitors.
import type { Brand } from './Brand.ts';

export type PropertyId = Brand<string, 'property'>;
export const propertyId = (id: string): PropertyId => id as PropertyId;

/** Must hold in every reachable state. */
export interface Invariant<S> {
  readonly kind: 'invariant';
  readonly id: PropertyId;
  readonly description: string;
  holds(state: S): boolean;
  /** Expected versus actual, for a state where `holds` is false. */
  explain?(state: S): string;
}

/** A safety property over traces, checked by a monitor that reads each step.
 *  The monitor's state is small and becomes part of the explored state, so the
 *  exhaustive search stays exact. `next` returns 'violated' when the trace so far breaks the claim. */
export interface TraceProperty<S, A, M = number> {
  readonly kind: 'trace';
  readonly id: PropertyId;
  readonly description: string;
  initial(state: S): M;
  next(monitor: M, from: S, action: A, to: S): M | 'violated';
  /** Canonical key of a monitor state: a small non-negative integer. */
  key(monitor: M): number;
  explain?(monitor: M, from: S, action: A, to: S): string;
}

export type Property<S, A> = Invariant<S> | TraceProperty<S, A, any>;
