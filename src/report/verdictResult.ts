// An engine verdict as the report carries it: the kind, the words of the CLI, the bound alone, the figures.
import { formatVerdict } from './formatVerdict.ts';
import { spaceWasReduced } from '../engine/ReductionStats.ts';
import type { Verdict } from '../engine/Verdict.ts';
import type { Counterexample, VerdictResult } from './Report.ts';
import { formatCount as n } from './formatCount.ts';

function bound(v: Verdict): string {
  // Under partial-order reduction: the reduced state space, and counterexamples shrunk rather than shortest.
  const reduced = spaceWasReduced(v.stats.reduction);
  switch (v.kind) {
    case 'violated':
      if (v.trace.method === 'exhaustive') {
        return reduced ? `counterexample under partial-order reduction, shrunk to ${v.trace.actions.length} steps` : `shortest counterexample, ${v.trace.actions.length} steps`;
      }
      return `seed ${v.trace.seed ?? '?'}, path ${v.trace.path ?? '?'}, shrunk to ${v.trace.actions.length} steps`;
    case 'holds-exhaustively':
      if (reduced && v.complete) return `reduced state space, complete (${n(v.stats.states)} states, partial-order reduction)`;
      return `depth ${v.depthBound}, ${v.complete ? 'complete' : 'bounded'} (${n(v.stats.states)} ${v.stats.symmetry?.applied === true ? 'orbits, symmetry reduction' : 'states'})`;
    case 'no-violation-found':
      return `${n(v.runs)} random runs of <= ${v.maxSteps} steps, seed ${v.seed}`;
    case 'inconclusive':
      return `${v.limit} limit after ${n(v.stats.states)} states, depth ${v.stats.depth}`;
  }
}

/** `method` is the search that gave the verdict; `counterexample` adds what a re-check found (violations only). */
export function verdictResult(
  verdict: Verdict,
  method: 'exhaustive' | 'random',
  counterexample?: Omit<Counterexample, 'trace'>,
): VerdictResult {
  const s = verdict.stats;
  return {
    kind: verdict.kind,
    method,
    text: formatVerdict(verdict),
    bound: bound(verdict),
    states: s.states,
    transitions: s.transitions,
    depth: s.depth,
    millis: s.millis,
    ...(verdict.kind === 'holds-exhaustively' ? { complete: verdict.complete } : {}),
    ...(s.reduction === undefined ? {} : { reduction: s.reduction }),
    ...(s.leftOut === undefined ? {} : { leftOut: s.leftOut }),
    ...(s.assumption === undefined ? {} : { assumption: s.assumption }),
    ...(verdict.kind === 'no-violation-found' ? { seed: verdict.seed } : {}),
    ...(verdict.kind === 'violated' && verdict.trace.seed !== undefined ? { seed: verdict.trace.seed } : {}),
    ...(verdict.kind === 'inconclusive' ? { limit: verdict.limit } : {}),
    ...(verdict.kind === 'violated' ? { counterexample: { trace: verdict.trace, ...counterexample } } : {}),
  };
}
