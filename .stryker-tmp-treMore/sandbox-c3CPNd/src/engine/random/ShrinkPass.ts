// One named shrinking pass over a violating sequence of action labels. Passes only propose: the
// caller (shrinkLabels) re-executes every proposal and keeps it only if it is shorter and still violates.
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';

export interface ShrinkPass {
  readonly name: string;
  /** A shorter sequence that should still violate `property`, or undefined when the pass finds none. */
  shorten<S, A>(system: System<S, A>, property: Property<S, A>, initial: S, labels: readonly string[]): readonly string[] | undefined;
}
