// Replay of liveness counterexamples: a lasso re-executes, closes, avoids the goal and is weakly fair; a trace to an
// unrecoverable state re-executes and its whole future is explored again. Edited traces are refused with a reason.
import { describe, expect, it } from 'vitest';
import { searchLiveness } from '../../../src/engine/liveness/searchLiveness.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import { parseTrace } from '../../../src/engine/replay/traceSchema.ts';
import type { Trace } from '../../../src/engine/Trace.ts';
import { reachesTwo, serviceEventually, serviceRecoverable, serviceToy, toggleToy } from '../liveness/livenessToys.ts';

function violation(outcome: ReturnType<typeof searchLiveness>): Trace {
  const verdict = outcome.verdicts[0]!.verdict;
  if (verdict.kind !== 'violated') throw new Error('expected a violation');
  return verdict.trace;
}

describe('replay of liveness counterexamples', () => {
  it('reproduces a lasso and says how the run goes round', () => {
    const system = serviceToy({ lossy: true });
    const report = replayTrace(system, serviceEventually, violation(searchLiveness(system, [serviceEventually])));
    expect(report.result).toMatchObject({ kind: 'reproduced', steps: 2, explanation: expect.stringMatching(/returns forever to state 0 by a weakly fair cycle of 2 steps/) });
    expect(report.savedMismatch).toBeUndefined();
  });

  it('refuses a lasso whose cycle does not close, or that a fair class starves', () => {
    const lossy = serviceToy({ lossy: true });
    const trace = violation(searchLiveness(lossy, [serviceEventually]));
    expect(replayTrace(lossy, serviceEventually, { ...trace, loop: 1 }).result).toMatchObject({ kind: 'not-violated', reason: expect.stringMatching(/does not close/) });
    // TOGGLE twice while EXIT is enabled on both sides: EXIT starves.
    const both = toggleToy(true);
    const unfair: Trace = { ...violation(searchLiveness(toggleToy(false), [reachesTwo])), config: { exitFromBothSides: true } };
    expect(replayTrace(both, reachesTwo, unfair).result).toMatchObject({ kind: 'not-violated', reason: expect.stringMatching(/not weakly fair: exit/) });
    expect(replayTrace(lossy, serviceEventually, { ...trace, loop: undefined }).result).toMatchObject({ kind: 'not-violated', reason: expect.stringMatching(/no loop/) });
  });

  it('reproduces a stop where no fair step is enabled, and refuses one where the run could go on', () => {
    const system = serviceToy({ breakable: true });
    const trace = violation(searchLiveness(system, [serviceEventually]));
    expect(trace).toMatchObject({ actions: ['BREAK'], loop: 1 });
    expect(replayTrace(system, serviceEventually, trace).result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/stays in its last state/) });
    const idle: Trace = { ...trace, actions: [], states: trace.states.slice(0, 1), loop: 0 };
    expect(replayTrace(system, serviceEventually, idle).result).toMatchObject({ kind: 'not-violated', reason: expect.stringMatching(/client stays enabled/) });
  });

  it('reproduces an unrecoverable state by exploring its future again, and refuses one that recovers', () => {
    const broken = serviceToy({ breakable: true });
    const trace = violation(searchLiveness(broken, [serviceRecoverable]));
    expect(replayTrace(broken, serviceRecoverable, trace).result).toMatchObject({ kind: 'reproduced', explanation: expect.stringMatching(/no goal state is reachable/) });
    const repairable = serviceToy({ breakable: true, repairable: true });
    expect(replayTrace(repairable, serviceRecoverable, trace).result).toMatchObject({ kind: 'not-violated', reason: expect.stringMatching(/goal state is reachable/) });
  });

  it('reads the loop back from a trace file and refuses a loop past the last state', () => {
    const trace = violation(searchLiveness(serviceToy({ lossy: true }), [serviceEventually]));
    expect(parseTrace(JSON.stringify(trace))).toMatchObject({ ok: true, trace: { loop: 0 } });
    expect(parseTrace(JSON.stringify({ ...trace, loop: 3 }))).toEqual({ ok: false, error: 'not a trecheck-trace/1 trace: loop 3 is past the last state (2)' });
  });
});
