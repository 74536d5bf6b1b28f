// What the properties of one search read, as the engine hands it to a model's ample sets: the
// condition C2 of partial-order reduction (a reduced state's actions are invisible) is judged against it.
import type { Property } from './Property.ts';

/** The union of the `reads` of the properties being checked, or 'all' when one of them declares none
 *  (it may read anything, so every action that changes the state is visible to it). */
export type Visibility = ReadonlySet<string> | 'all';

export function visibilityOf<S, A>(properties: readonly Property<S, A>[]): Visibility {
  const names = new Set<string>();
  for (const property of properties) {
    if (property.reads === undefined) return 'all';
    for (const name of property.reads) names.add(name);
  }
  return names;
}
