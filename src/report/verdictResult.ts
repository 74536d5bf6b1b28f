// An engine verdict as the report carries it: the kind, the words of the CLI, the bound alone, the figures.
import { formatVerdict } from '../cli/formatVerdict.ts';
import type { Verdict } from '../engine/Verdict.ts';
import type { Counterexample, VerdictResult } from './Report.ts';

const n = (x: number): string => x.toLocaleString('en-US');

function bound(v: Verdict): string {
  switch (v.kind) {
    case 'violated':
      return v.trace.method === 'exhaustive' ? `shortest counterexample, ${v.trace.actions.length} steps` : `seed ${v.trace.seed ?? '?'}, path ${v.trace.path ?? '?'}, shrunk to ${v.trace.actions.length} steps`;
    case 'holds-exhaustively':
      return `depth ${v.depthBound}, ${v.complete ? 'complete' : 'bounded'} (${n(v.stats.states)} states)`;
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
    ...(verdict.kind === 'no-violation-found' ? { seed: verdict.seed } : {}),
    ...(verdict.kind === 'violated' && verdict.trace.seed !== undefined ? { seed: verdict.trace.seed } : {}),
    ...(verdict.kind === 'inconclusive' ? { limit: verdict.limit } : {}),
    ...(verdict.kind === 'violated' ? { counterexample: { trace: verdict.trace, ...counterexample } } : {}),
  };
}
