// One line per verdict that says exactly what was shown, by which search and within which bounds.
import type { Verdict } from '../engine/Verdict.ts';
import { omissionBound } from '../engine/exhaustive/ExhaustiveOutcome.ts';
import { spaceWasReduced } from '../engine/ReductionStats.ts';
import { formatCount as count } from './formatCount.ts';

const steps = (n: number): string => `${n} step${n === 1 ? '' : 's'}`;

/** What hash compaction leaves open, as TLC prints its collision estimate: said only when states were hashed. */
function fingerprints(hashed: number | undefined): string {
  if (hashed === undefined || hashed === 0) return '';
  const bound = omissionBound(hashed);
  return ` as 63-bit fingerprints: probability that one was missed <= ${bound < 1e-15 ? bound.toExponential(0) : bound.toPrecision(1)}`;
}

/** Said of a bounded search of a system with ample sets: a depth bound turns partial-order reduction off. */
function reductionOff(verdict: Verdict): string {
  const r = verdict.stats.reduction;
  return r !== undefined && !r.applied && r.reason === 'depth-bound' ? '; partial-order reduction off under a depth bound' : '';
}

/** A liveness verdict (LivenessProperty.ts) says what it takes for granted: fairness, steps assumed finite. */
export function formatVerdict(verdict: Verdict): string {
  const line = formatVerdictLine(verdict);
  return verdict.kind !== 'no-violation-found' && verdict.assumes !== undefined ? `${line}; assuming ${verdict.assumes}` : line;
}

function formatVerdictLine(verdict: Verdict): string {
  // Under partial-order reduction the search covered a reduced state space: its verdicts say so, and a
  // counterexample from it was shrunk, not proved shortest.
  const reduction = verdict.stats.reduction;
  const reduced = spaceWasReduced(reduction);
  switch (verdict.kind) {
    case 'violated': {
      const trace = verdict.trace;
      const how =
        trace.method === 'exhaustive'
          ? reduced
            ? 'exhaustive under partial-order reduction, shrunk'
            : 'exhaustive, shortest'
          : `random, seed ${trace.seed ?? '?'}, path ${trace.path ?? '?'}, shrunk`;
      const lasso = trace.loop === undefined ? '' : trace.loop === trace.actions.length ? ', then no fair step forever' : `, a lasso whose last ${steps(trace.actions.length - trace.loop)} repeat forever`;
      return `VIOLATED: counterexample of ${steps(trace.actions.length)} (${how}${lasso})`;
    }
    case 'holds-exhaustively':
      if (verdict.complete && reduced && reduction?.applied === true) {
        return (
          `holds on the reduced state space (partial-order reduction: ${count(verdict.stats.states)} states, ` +
          `${count(reduction.reduced)} expanded through ample sets; sound for these safety properties${fingerprints(verdict.stats.hashed)})`
        );
      }
      return verdict.complete
        ? `holds for every trace up to depth ${verdict.depthBound} (complete: ${count(verdict.stats.states)} states, the whole reachable state space${fingerprints(verdict.stats.hashed)})`
        : `holds for every trace up to depth ${verdict.depthBound} (bounded: ${count(verdict.stats.states)} states; longer traces not explored${reductionOff(verdict)})`;
    case 'no-violation-found':
      return `no violation found in ${count(verdict.runs)} random runs of <= ${steps(verdict.maxSteps)} (seed ${verdict.seed}): not a proof`;
    case 'inconclusive':
      if (verdict.limit === 'depth') {
        return `INCONCLUSIVE: under the depth bound (${count(verdict.stats.states)} states to depth ${verdict.stats.depth}) no counterexample, and a bounded search cannot prove a liveness property`;
      }
      return (
        `INCONCLUSIVE: the ${verdict.limit} limit stopped the search after ${count(verdict.stats.states)} states${reduced ? ' of the reduced state space' : ''} ` +
        `(depth ${verdict.stats.depth}): nothing concluded`
      );
  }
}
