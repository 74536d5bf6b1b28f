// The explicit state graph that liveness checks need and safety checks do not: every reachable state with its
// outgoing edges (target, action index, fairness class), built breadth-first only when a liveness property is
// asked, so the level explorer keeps its speed for invariants. Every enabled step is an edge: no partial-order
// reduction, since leaving steps out can cut a path to a goal or a cycle.
import { getHeapStatistics } from 'node:v8';
import type { SearchEnding } from '../exhaustive/assembleVerdicts.ts';
import type { ExhaustiveConfig } from '../exhaustive/ExhaustiveOptions.ts';
import type { LivenessProperty } from '../LivenessProperty.ts';
import type { StateKey, System } from '../System.ts';

/** Bits of a per-state or per-edge mask, one per liveness property of the search. */
export const maxLivenessProperties = 31;
const checkClockEvery = 1024;

export interface StateGraph<S> {
  /** States by id, in breadth-first order (so a smaller id is never deeper). */
  readonly states: readonly S[];
  /** Parent id and the index of the action (among the parent's enabled actions) that first reached each state;
   *  parent -1 - i for the i-th initial state. */
  readonly parent: readonly number[];
  readonly parentAction: readonly number[];
  readonly depth: readonly number[];
  /** States with ids below `expanded` have all their edges; the others were found but not expanded (a limit). */
  readonly expanded: number;
  /** Edges of state s: indices edgeStart[s] .. edgeStart[s + 1] - 1 (s < expanded). */
  readonly edgeStart: readonly number[];
  readonly edgeTarget: readonly number[];
  /** Index of the edge's action among the source's enabled actions. */
  readonly edgeAction: readonly number[];
  /** Fairness class of the edge's action (index into `classes`), -1 when not fair. */
  readonly edgeClass: readonly number[];
  /** Bit p set: property p does not let its counterexample's cycle or its recovery take this edge. */
  readonly edgeExcluded: readonly number[];
  /** Bit p set: the state is a goal state of property p. */
  readonly goal: readonly number[];
  readonly classes: readonly string[];
  readonly transitions: number;
  readonly ending: SearchEnding;
}

export function buildStateGraph<S, A>(
  system: System<S, A>,
  properties: readonly LivenessProperty<S, A>[],
  config: Pick<ExhaustiveConfig, 'maxDepth' | 'maxStates' | 'timeLimitMs' | 'memoryBudgetBytes'>,
  started: number,
): StateGraph<S> {
  if (properties.length > maxLivenessProperties) throw new RangeError(`at most ${maxLivenessProperties} liveness properties in one search, got ${properties.length}`);
  const deadline = started + config.timeLimitMs;
  const ids = new Map<StateKey, number>();
  const states: S[] = [];
  const parent: number[] = [];
  const parentAction: number[] = [];
  const depth: number[] = [];
  const goal: number[] = [];
  const edgeStart: number[] = [0];
  const edgeTarget: number[] = [];
  const edgeAction: number[] = [];
  const edgeClass: number[] = [];
  const edgeExcluded: number[] = [];
  const classes: string[] = [];
  const classIds = new Map<string, number>();
  let cut: 'states' | 'time' | 'memory' | undefined;

  const add = (state: S, key: StateKey, from: number, action: number, level: number): number => {
    const known = ids.get(key);
    if (known !== undefined) return known;
    if (states.length >= config.maxStates) {
      cut = 'states';
      return -1;
    }
    const id = states.length;
    ids.set(key, id);
    states.push(state);
    parent.push(from);
    parentAction.push(action);
    depth.push(level);
    let mask = 0;
    for (let p = 0; p < properties.length; p++) if (properties[p]!.goal(state)) mask |= 1 << p;
    goal.push(mask);
    return id;
  };
  const classOf = (state: S, action: A): number => {
    const name = system.fairness?.(state, action);
    if (name === undefined) return -1;
    let id = classIds.get(name);
    if (id === undefined) {
      id = classes.length;
      classIds.set(name, id);
      classes.push(name);
    }
    return id;
  };
  const excludedBy = (state: S, action: A): number => {
    let mask = 0;
    for (let p = 0; p < properties.length; p++) {
      const property = properties[p]!;
      const out = property.kind === 'recoverable' ? property.recovery !== undefined && !property.recovery(state, action) : property.finitely?.(state, action) === true;
      if (out) mask |= 1 << p;
    }
    return mask;
  };

  const initial = system.initialStates();
  for (let i = 0; i < initial.length && cut === undefined; i++) add(initial[i]!, system.key(initial[i]!), -1 - i, 0, 0);
  const byKey = system.compactKeys === true && system.stateOfKey !== undefined ? system.forEachSuccessorKey?.bind(system) : undefined;
  let expanded = 0;
  let reachedDepthBound = false;
  for (; expanded < states.length && cut === undefined; expanded++) {
    const state = states[expanded]!;
    const level = depth[expanded]!;
    if (level >= config.maxDepth) {
      reachedDepthBound = true;
      break;
    }
    let index = 0;
    const edge = (action: A, target: number): void => {
      if (target < 0) return;
      edgeTarget.push(target);
      edgeAction.push(index - 1);
      edgeClass.push(classOf(state, action));
      edgeExcluded.push(excludedBy(state, action));
    };
    const from = expanded;
    if (byKey !== undefined) {
      // No `via`: every step is visited, none left out.
      byKey(state, (action, key) => {
        index++;
        if (cut !== undefined) return;
        const known = ids.get(key);
        edge(action, known ?? add(system.stateOfKey!(key), key, from, index - 1, level + 1));
      });
    } else {
      const actions = system.enabled(state);
      for (const action of actions) {
        index++;
        if (cut !== undefined) break;
        const next = system.step(state, action);
        edge(action, add(next, system.key(next), from, index - 1, level + 1));
      }
    }
    if (cut !== undefined) break;
    edgeStart.push(edgeTarget.length);
    if ((expanded & (checkClockEvery - 1)) === checkClockEvery - 1) {
      if (performance.now() > deadline) cut = 'time';
      else if (getHeapStatistics().used_heap_size > config.memoryBudgetBytes) cut = 'memory';
    }
  }
  // A state cut short mid-expansion keeps none of its edges: it counts as not expanded.
  if (edgeStart.length < expanded + 1) expanded = edgeStart.length - 1;
  edgeTarget.length = edgeAction.length = edgeClass.length = edgeExcluded.length = edgeStart[expanded]!;
  const ending: SearchEnding =
    cut !== undefined ? { kind: 'cut', limit: cut } : reachedDepthBound ? { kind: 'depth', bound: config.maxDepth } : { kind: 'complete' };
  return {
    states, parent, parentAction, depth, expanded, edgeStart, edgeTarget, edgeAction, edgeClass, edgeExcluded, goal, classes,
    transitions: edgeTarget.length, ending,
  };
}
