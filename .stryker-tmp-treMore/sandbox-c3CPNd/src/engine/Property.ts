// Claims the engine checks: state invariants, and trace properties as safety monitors.
import type { Brand } from './Brand.ts';

export type PropertyId = Brand<string, 'property'>;
export const propertyId = (id: string): PropertyId => id as PropertyId;

/** Must hold in every reachable state. */
export interface Invariant<S> {
  readonly kind: 'invariant';
  readonly id: PropertyId;
  readonly description: string;
  /** Optional: every part of the state this property reads, by names the model defines (for example 'role:tre',
   *  'knowledge', 'net'; a name may also stand for a kind of action). Partial-order reduction may leave out
   *  interleavings of actions invisible to these names (System.ample), so the list must be complete: `holds`
   *  may depend on nothing else.
   *  Absent: the property may read anything, and the search reduces nothing. */
  readonly reads?: readonly string[];
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
  /** Optional: every part of the state this property reads, by names the model defines (for example 'role:tre',
   *  'knowledge', 'net'; a name may also stand for a kind of action). Partial-order reduction may leave out
   *  interleavings of actions invisible to these names (System.ample), so the list must be complete: `next` may depend
   *  on nothing else of `from` and `to`, and on a step whose action is invisible to them (it changes none of the
   *  named parts and is no named action) it must return a monitor of the same key: the claim is stuttering-insensitive.
   *  Absent: the property may read anything, and the search reduces nothing. */
  readonly reads?: readonly string[];
  initial(state: S): M;
  next(monitor: M, from: S, action: A, to: S): M | 'violated';
  /** Canonical key of a monitor state: a small non-negative integer. */
  key(monitor: M): number;
  explain?(monitor: M, from: S, action: A, to: S): string;
}

export type Property<S, A> = Invariant<S> | TraceProperty<S, A, any>;
