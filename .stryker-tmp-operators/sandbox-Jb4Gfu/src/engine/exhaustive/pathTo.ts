// Walks parent pointers back from a state to its initial state: the action indices of a shortest path.

export interface ParentLookup {
  /** Parent id of state `id`, or -1 - i when `id` is the i-th initial state. */
  parent(id: number): number;
  /** Index of the action, among the parent's enabled actions, that reached `id`. */
  action(id: number): number;
}

export interface ActionPath {
  readonly initial: number;
  readonly actions: readonly number[];
}

export function pathTo(id: number, lookup: ParentLookup): ActionPath {
  const actions: number[] = [];
  let at = id;
  for (;;) {
    const parent = lookup.parent(at);
    if (parent < 0) return { initial: -1 - parent, actions: actions.reverse() };
    actions.push(lookup.action(at));
    at = parent;
  }
}
