// One line per verdict that says exactly what was shown, by which search and within which bounds.
import type { Verdict } from '../engine/Verdict.ts';
import { omissionBound } from '../engine/exhaustive/ExhaustiveOutcome.ts';
import { formatCount as count } from './formatCount.ts';

const steps = (n: number): string => `${n} step${n === 1 ? '' : 's'}`;

/** What hash compaction leaves open, as TLC prints its collision estimate: said only when states were hashed. */
function fingerprints(hashed: number | undefined): string {
  if (hashed === undefined || hashed === 0) return '';
  const bound = omissionBound(hashed);
  return ` as 63-bit fingerprints: probability that one was missed <= ${bound < 1e-15 ? bound.toExponential(0) : bound.toPrecision(1)}`;
}

export function formatVerdict(verdict: Verdict): string {
  switch (verdict.kind) {
    case 'violated': {
      const trace = verdict.trace;
      const how =
        trace.method === 'exhaustive'
          ? 'exhaustive, shortest'
          : `random, seed ${trace.seed ?? '?'}, path ${trace.path ?? '?'}, shrunk`;
      return `VIOLATED: counterexample of ${steps(trace.actions.length)} (${how})`;
    }
    case 'holds-exhaustively':
      return verdict.complete
        ? `holds for every trace up to depth ${verdict.depthBound} (complete: ${count(verdict.stats.states)} states, the whole reachable state space${fingerprints(verdict.stats.hashed)})`
        : `holds for every trace up to depth ${verdict.depthBound} (bounded: ${count(verdict.stats.states)} states; longer traces not explored)`;
    case 'no-violation-found':
      return `no violation found in ${count(verdict.runs)} random runs of <= ${steps(verdict.maxSteps)} (seed ${verdict.seed}): not a proof`;
    case 'inconclusive':
      return (
        `INCONCLUSIVE: the ${verdict.limit} limit stopped the search after ${count(verdict.stats.states)} states ` +
        `(depth ${verdict.stats.depth}): nothing concluded`
      );
  }
}
