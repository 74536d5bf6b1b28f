// One property checked along a run, whatever its kind: an invariant looks at every state reached, a
// trace property advances its monitor on every step. Shared by random runs, shrinking, replay and
// trace building (the exhaustive search keeps its own interned monitor tuples, see MonitorTable).
import type { Property } from './Property.ts';

/** Where a property stands along a run: a trace property's monitor (nothing for an invariant), or 'violated'. */
export type Watch = unknown;

/** Where `property` stands in the initial state. */
export function startWatch<S, A>(property: Property<S, A>, initial: S): Watch {
  if (property.kind === 'invariant') return property.holds(initial) ? undefined : 'violated';
  return property.initial(initial);
}

/** Where `property` stands after the step from --action--> to, given where it stood at `from`. */
export function stepWatch<S, A>(property: Property<S, A>, watch: Watch, from: S, action: A, to: S): Watch {
  if (property.kind === 'invariant') return property.holds(to) ? undefined : 'violated';
  return property.next(watch, from, action, to);
}

/** Expected versus actual for a violation on reaching `to`: by `step` (with the watch before it), or in the initial state. */
export function explainWatch<S, A>(property: Property<S, A>, to: S, step?: { watch: Watch; from: S; action: A }): string | undefined {
  if (property.kind === 'invariant') return property.explain?.(to);
  return step === undefined ? undefined : property.explain?.(step.watch, step.from, step.action, to);
}
