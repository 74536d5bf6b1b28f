// AG EF goal on the explored graph: the states from which a goal state is reachable are found backwards from the
// goal states (and from every state not expanded, whose future is unknown); any other state is a counterexample.
import type { StateGraph } from './StateGraph.ts';

/** The shallowest state from which no goal state of property `bit` is reachable by edges it allows, or undefined.
 *  Sound on a partial graph: a state counts as unrecoverable only if every state it can reach was expanded. */
export function unrecoverableState(graph: StateGraph<unknown>, bit: number): number | undefined {
  const n = graph.states.length;
  const mask = 1 << bit;
  // Reverse adjacency over the edges the property allows, in compressed rows.
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < graph.edgeTarget.length; e++) if ((graph.edgeExcluded[e]! & mask) === 0) inStart[graph.edgeTarget[e]! + 1]!++;
  for (let s = 0; s < n; s++) inStart[s + 1]! += inStart[s]!;
  const fill = inStart.slice(0, n);
  const inSource = new Int32Array(inStart[n]!);
  for (let s = 0; s < graph.expanded; s++) {
    for (let e = graph.edgeStart[s]!; e < graph.edgeStart[s + 1]!; e++) {
      if ((graph.edgeExcluded[e]! & mask) === 0) inSource[fill[graph.edgeTarget[e]!]!++] = s;
    }
  }
  const canRecover = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let s = 0; s < n; s++) {
    if ((graph.goal[s]! & mask) !== 0 || s >= graph.expanded) {
      canRecover[s] = 1;
      queue[tail++] = s;
    }
  }
  for (let head = 0; head < tail; head++) {
    const t = queue[head]!;
    for (let i = inStart[t]!; i < inStart[t + 1]!; i++) {
      const s = inSource[i]!;
      if (canRecover[s] === 0) {
        canRecover[s] = 1;
        queue[tail++] = s;
      }
    }
  }
  for (let s = 0; s < n; s++) if (canRecover[s] === 0) return s;
  return undefined;
}
