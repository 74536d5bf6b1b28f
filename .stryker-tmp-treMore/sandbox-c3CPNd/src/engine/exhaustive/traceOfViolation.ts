// The trace of a violation the exhaustive search found: its path walked back through the parent
// pointers (plus the violating step, for a trace property), then re-executed by traceOfPath.
import type { Property } from '../Property.ts';
import type { System } from '../System.ts';
import type { Trace } from '../Trace.ts';
import type { FoundViolation } from './LevelExplorer.ts';
import { pathTo, type ParentLookup } from './pathTo.ts';
import { traceOfPath } from './traceOfPath.ts';

export function traceOfViolation<S, A>(system: System<S, A>, violation: FoundViolation, property: Property<S, A>, lookup: ParentLookup): Trace {
  const path = pathTo(violation.state, lookup);
  // A trace property fails on a step out of `state` (its index is `action`); an invariant in `state` itself.
  const actions = violation.action < 0 ? path.actions : [...path.actions, violation.action];
  return traceOfPath(system, { initial: path.initial, actions }, property);
}
