// GF goal under weak fairness on the explored graph: a counterexample is a reachable cycle of non-goal states that
// some fair run can follow forever, or a non-goal state where no fair step is enabled. The cycles are found through
// the strongly connected components (Tarjan) of the graph restricted to non-goal states and to the edges the
// property lets a cycle take. For weak fairness a component decides alone (no refinement, unlike strong fairness):
// a run that stays in component C forever is fair iff each fairness class is taken on an edge inside C or is disabled
// in some state of C, since a cycle through every state and edge of C then exists, and if some class is enabled in
// every state of C and taken on no edge inside it, no run staying in C is fair to it.
import type { StateGraph } from './StateGraph.ts';

export interface Lasso {
  /** The state the cycle starts and ends in (the stem is its breadth-first path). */
  readonly entry: number;
  /** Edge indices of the cycle, in order, from `entry` back to `entry`; empty: the run stays at `entry`. */
  readonly cycle: readonly number[];
}

/** The fair lasso with the shallowest entry state that avoids the goal of property `bit`, or undefined. Sound on a
 *  partial graph: only expanded states (whose steps are all known) take part. */
export function fairLasso(graph: StateGraph<unknown>, bit: number): Lasso | undefined {
  const mask = 1 << bit;
  const n = graph.expanded;
  const inside = (s: number): boolean => s < n && (graph.goal[s]! & mask) === 0;
  const allowed = (e: number): boolean => (graph.edgeExcluded[e]! & mask) === 0 && inside(graph.edgeTarget[e]!);
  let best: Lasso | undefined;
  // Stuttering: a non-goal state where no fair step is enabled.
  for (let s = 0; s < n && best === undefined; s++) {
    if (!inside(s)) continue;
    let fairEnabled = false;
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]! && !fairEnabled; e++) fairEnabled = graph.edgeClass[e]! >= 0;
    if (!fairEnabled) best = { entry: s, cycle: [] };
  }
  for (const component of components(graph, inside, allowed)) {
    let entry = component[0]!;
    for (const s of component) if (s < entry) entry = s;
    if (best !== undefined && best.entry <= entry) continue;
    const cycle = fairCycle(graph, component, entry, allowed);
    if (cycle !== undefined) best = { entry, cycle };
  }
  return best;
}

/** The non-trivial strongly connected components (more than one state, or one with an edge to itself), by an
 *  iterative Tarjan (recursion would overflow the stack on long paths). */
function components(graph: StateGraph<unknown>, inside: (s: number) => boolean, allowed: (e: number) => boolean): number[][] {
  const n = graph.expanded;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const call: number[] = [];
  const nextEdge = new Int32Array(n);
  const out: number[][] = [];
  let counter = 0;
  for (let root = 0; root < n; root++) {
    if (!inside(root) || index[root] !== -1) continue;
    call.push(root);
    index[root] = low[root] = counter++;
    nextEdge[root] = graph.edgeStart[root]!;
    stack.push(root);
    onStack[root] = 1;
    while (call.length > 0) {
      const v = call[call.length - 1]!;
      if (nextEdge[v]! < graph.edgeStart[v + 1]!) {
        const e = nextEdge[v]!++;
        if (!allowed(e)) continue;
        const w = graph.edgeTarget[e]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          nextEdge[w] = graph.edgeStart[w]!;
          stack.push(w);
          onStack[w] = 1;
          call.push(w);
        } else if (onStack[w] === 1 && index[w]! < low[v]!) {
          low[v] = index[w]!;
        }
        continue;
      }
      call.pop();
      if (call.length > 0) {
        const u = call[call.length - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
      if (low[v] !== index[v]) continue;
      const component: number[] = [];
      let w: number;
      do {
        w = stack.pop()!;
        onStack[w] = 0;
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || hasSelfLoop(graph, v, allowed)) out.push(component);
    }
  }
  return out;
}

function hasSelfLoop(graph: StateGraph<unknown>, s: number, allowed: (e: number) => boolean): boolean {
  for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) if (allowed(e) && graph.edgeTarget[e] === s) return true;
  return false;
}

/** A cycle from `entry` through `component` that is fair, or undefined when the component has none: for each class,
 *  one edge of it inside the component, or else a state of the component where it is disabled. */
function fairCycle(graph: StateGraph<unknown>, component: readonly number[], entry: number, allowed: (e: number) => boolean): number[] | undefined {
  const member = new Set(component);
  const within = (e: number): boolean => allowed(e) && member.has(graph.edgeTarget[e]!);
  const takenEdge = new Map<number, number>();
  const enabledIn = new Map<number, number>();
  for (const s of component) {
    const here = new Set<number>();
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      const k = graph.edgeClass[e]!;
      if (k < 0) continue;
      here.add(k);
      if (within(e) && !takenEdge.has(k)) takenEdge.set(k, e);
    }
    for (const k of here) enabledIn.set(k, (enabledIn.get(k) ?? 0) + 1);
  }
  // Waypoints: an edge to take, or a state to pass through.
  const waypoints: ({ readonly edge: number } | { readonly state: number })[] = [];
  for (const [k, count] of enabledIn) {
    const edge = takenEdge.get(k);
    if (edge !== undefined) {
      waypoints.push({ edge });
      continue;
    }
    if (count === component.length) return undefined;
    const off = component.find((s) => !classEnabled(graph, s, k))!;
    waypoints.push({ state: off });
  }
  if (waypoints.length === 0) {
    // No class is enabled anywhere in the component: any cycle through `entry` will do.
    const e = firstEdge(graph, entry, within)!;
    waypoints.push({ edge: e });
  }
  const cycle: number[] = [];
  let at = entry;
  for (const w of waypoints) {
    const source = 'edge' in w ? edgeSource(graph, w.edge) : w.state;
    cycle.push(...pathWithin(graph, at, source, within));
    if ('edge' in w) {
      cycle.push(w.edge);
      at = graph.edgeTarget[w.edge]!;
    } else {
      at = w.state;
    }
  }
  cycle.push(...pathWithin(graph, at, entry, within));
  if (cycle.length === 0) {
    // Every waypoint was `entry` itself: go round once (the component is non-trivial, so an edge leaves `entry`).
    const e = firstEdge(graph, entry, within)!;
    cycle.push(e, ...pathWithin(graph, graph.edgeTarget[e]!, entry, within));
  }
  return cycle;
}

function classEnabled(graph: StateGraph<unknown>, s: number, k: number): boolean {
  for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) if (graph.edgeClass[e] === k) return true;
  return false;
}

function firstEdge(graph: StateGraph<unknown>, s: number, within: (e: number) => boolean): number | undefined {
  for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) if (within(e)) return e;
  return undefined;
}

/** The source of edge `e` (edges are stored in rows by source). */
function edgeSource(graph: StateGraph<unknown>, e: number): number {
  let lo = 0;
  let hi = graph.expanded - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (graph.edgeStart[mid]! <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A shortest path of edges from `from` to `to` inside the component (empty when they are the same state). */
function pathWithin(graph: StateGraph<unknown>, from: number, to: number, within: (e: number) => boolean): number[] {
  if (from === to) return [];
  const via = new Map<number, number>([[from, -1]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const s = queue[head]!;
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      if (!within(e)) continue;
      const t = graph.edgeTarget[e]!;
      if (via.has(t)) continue;
      via.set(t, e);
      if (t === to) {
        const path: number[] = [];
        for (let at = to; at !== from; at = edgeSource(graph, via.get(at)!)) path.push(via.get(at)!);
        return path.reverse();
      }
      queue.push(t);
    }
  }
  // The component is strongly connected: a path always exists.
  throw new Error(`fairLasso: no path from state ${from} to ${to} inside their strongly connected component`);
}
