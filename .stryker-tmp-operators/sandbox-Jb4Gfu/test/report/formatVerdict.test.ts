// The words of a verdict under partial-order reduction: the reduced state space rather than the whole reachable
// one, counterexamples shrunk rather than shortest, and a depth bound that turns the reduction off, said so.
import { describe, expect, it } from 'vitest';
import { formatReduction } from '../../src/cli/formatReduction.ts';
import { formatVerdict } from '../../src/report/formatVerdict.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import type { SearchOutcome } from '../../src/engine/Verdict.ts';
import { verdictResult } from '../../src/report/verdictResult.ts';
import { processes, processProperties, xInRange, xNeverFive, xNeverFiveUndeclared } from '../engine/exhaustive/porToySystems.ts';

const texts = (outcome: SearchOutcome): Record<string, string> => Object.fromEntries(outcome.verdicts.map((v) => [v.property, formatVerdict(v.verdict)]));

describe('formatVerdict under partial-order reduction', () => {
  it('says the reduced state space and a shrunk counterexample, never the whole space or shortest', () => {
    const outcome = searchExhaustive(processes(), [xNeverFive, xInRange]);
    const r = outcome.stats.reduction;
    if (r?.applied !== true) throw new Error('reduction was not applied');
    const text = texts(outcome);
    expect(text[xInRange.id]).toBe(
      `holds on the reduced state space (partial-order reduction: ${outcome.stats.states} states, ${r.reduced} expanded through ample sets; sound for these safety properties)`,
    );
    expect(text[xNeverFive.id]).toBe('VIOLATED: counterexample of 5 steps (exhaustive under partial-order reduction, shrunk)');
    for (const t of Object.values(text)) expect(t).not.toMatch(/shortest|whole reachable/);
    const results = outcome.verdicts.map((v) => verdictResult(v.verdict, 'exhaustive'));
    expect(results.map((v) => v.bound)).toEqual([
      'counterexample under partial-order reduction, shrunk to 5 steps',
      `reduced state space, complete (${outcome.stats.states} states, partial-order reduction)`,
    ]);
    expect(results[1]!.reduction).toEqual(r);
    expect(formatReduction(outcome.stats)).toBe(`; partial-order reduction: ${r.reduced} states expanded through ample sets, ${r.fullyExpanded} fully`);
  });

  it('keeps the words of the full search when reduction is off, or reduced nothing', () => {
    const off = texts(searchExhaustive(processes(), [xNeverFive, xInRange], { reduction: false }));
    expect(off[xNeverFive.id]).toBe('VIOLATED: counterexample of 5 steps (exhaustive, shortest)');
    expect(off[xInRange.id]).toMatch(/\(complete: [\d,]+ states, the whole reachable state space\)$/);
    const undeclared = texts(searchExhaustive(processes(), [xNeverFiveUndeclared, xInRange]));
    expect(undeclared[xNeverFiveUndeclared.id]).toBe('VIOLATED: counterexample of 5 steps (exhaustive, shortest)');
  });

  it('says that a depth bound turned the reduction off', () => {
    const outcome = searchExhaustive(processes(), processProperties, { maxDepth: 3 });
    expect(texts(outcome)[xInRange.id]).toMatch(/^holds for every trace up to depth 3 \(bounded: [\d,]+ states; longer traces not explored; partial-order reduction off under a depth bound\)$/);
    expect(formatReduction(outcome.stats)).toBe('; partial-order reduction off under a depth bound');
  });

  it('says the reduced state space when a limit cuts a reduced search', () => {
    const outcome = searchExhaustive(processes(), [xInRange], { maxStates: 100 });
    expect(texts(outcome)[xInRange.id]).toMatch(/^INCONCLUSIVE: the states limit stopped the search after 100 states of the reduced state space \(depth \d+\): nothing concluded$/);
  });
});

describe('formatVerdict of liveness verdicts', () => {
  it('names the lasso and the fairness assumed, and never calls a bounded liveness search a proof', async () => {
    const { searchLiveness } = await import('../../src/engine/liveness/searchLiveness.ts');
    const toys = await import('../engine/liveness/livenessToys.ts');
    const lasso = searchLiveness(toys.serviceToy({ lossy: true }), [toys.serviceEventually]).verdicts[0]!.verdict;
    expect(formatVerdict(lasso)).toBe(
      'VIOLATED: counterexample of 2 steps (exhaustive, shortest, a lasso whose last 2 steps repeat forever); assuming weak fairness of each of: client, server',
    );
    const stop = searchLiveness(toys.serviceToy({ breakable: true }), [toys.serviceEventually]).verdicts[0]!.verdict;
    expect(formatVerdict(stop)).toMatch(/^VIOLATED: counterexample of 1 step \(exhaustive, shortest, then no fair step forever\); assuming /);
    const bounded = searchLiveness(toys.serviceToy(), [toys.serviceEventually], { maxDepth: 1 }).verdicts[0]!.verdict;
    expect(formatVerdict(bounded)).toMatch(/^INCONCLUSIVE: under the depth bound \(\d+ states to depth 1\) no counterexample, and a bounded search cannot prove a liveness property; assuming /);
  });
});
