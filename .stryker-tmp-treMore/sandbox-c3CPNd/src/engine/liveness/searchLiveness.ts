// Liveness properties decided on the explicit state graph (docs/engine.md, "Liveness"): recoverability (AG EF goal)
// and recurrence under weak fairness (GF goal). A violation found on a partial graph is real (it involves expanded
// states only); "holds" needs the whole reachable graph, so a bounded or cut search is inconclusive, never "holds".
import { resolveExhaustiveOptions, type ExhaustiveOptions } from '../exhaustive/ExhaustiveOptions.ts';
import type { InfinitelyOften, LivenessProperty, Recoverable } from '../LivenessProperty.ts';
import type { System } from '../System.ts';
import type { ExplorationStats, SearchOutcome, Verdict } from '../Verdict.ts';
import { fairLasso } from './fairLasso.ts';
import { buildStateGraph, type StateGraph } from './StateGraph.ts';
import { traceOfLasso } from './traceOfLasso.ts';
import { unrecoverableState } from './unrecoverableState.ts';

export function searchLiveness<S, A>(system: System<S, A>, properties: readonly LivenessProperty<S, A>[], options?: ExhaustiveOptions): SearchOutcome {
  const config = resolveExhaustiveOptions(options);
  const started = performance.now();
  const graph = buildStateGraph(system, properties, config, started);
  let deepest = 0;
  // The deepest state found (under a limit, found but perhaps not expanded).
  for (let s = 0; s < graph.states.length; s++) if (graph.depth[s]! > deepest) deepest = graph.depth[s]!;
  const stats: ExplorationStats = { states: graph.states.length, transitions: graph.transitions, depth: deepest, millis: 0 };
  const verdicts = properties.map((property, bit) => {
    const assumes = property.kind === 'recoverable' ? recoveryAssumption(property) : fairnessAssumption(property, graph, system.fairness !== undefined);
    let verdict: Verdict;
    const violation = property.kind === 'recoverable' ? recoverableViolation(graph, bit) : fairLasso(graph, bit);
    if (violation !== undefined) {
      const trace = traceOfLasso(system, graph, property, violation.entry, violation.cycle);
      verdict = { kind: 'violated', property: property.id, trace, stats, assumes };
    } else if (graph.ending.kind === 'complete') {
      verdict = { kind: 'holds-exhaustively', depthBound: deepest, complete: true, stats, assumes };
    } else {
      verdict = { kind: 'inconclusive', limit: graph.ending.kind === 'depth' ? 'depth' : graph.ending.limit, stats, assumes };
    }
    return { property: property.id, verdict };
  });
  const millis = performance.now() - started;
  const timed = { ...stats, millis };
  return { verdicts: verdicts.map((v) => ({ property: v.property, verdict: { ...v.verdict, stats: timed } })), stats: timed };
}

function recoverableViolation(graph: StateGraph<unknown>, bit: number): { entry: number; cycle?: undefined } | undefined {
  const entry = unrecoverableState(graph, bit);
  return entry === undefined ? undefined : { entry };
}

function recoveryAssumption(property: Recoverable<unknown, unknown>): string {
  return `from every reachable state a goal state stays reachable by ${property.recovery === undefined ? 'any step' : (property.recoveryNote ?? 'the steps the claim allows')}; no fairness needed`;
}

function fairnessAssumption(property: InfinitelyOften<unknown, unknown>, graph: StateGraph<unknown>, systemSaysFair: boolean): string {
  const fair = !systemSaysFair || graph.classes.length === 0 ? 'no step is fair (a run may stop anywhere)' : `weak fairness of each of: ${graph.classes.join(', ')}`;
  const finite = property.finitely === undefined ? '' : `; ${property.finitelyNote ?? 'the steps the claim names'} happen finitely often`;
  return `${fair}${finite}`;
}
