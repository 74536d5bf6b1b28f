// What two searches of one state space must agree on when one of them leaves out steps: states, depth, and each
// property's verdict with its trace length.
import type { SearchOutcome } from '../../../src/engine/Verdict.ts';

export const searchSummary = (o: SearchOutcome) => ({
  states: o.stats.states,
  depth: o.stats.depth,
  verdicts: o.verdicts.map((v) => `${v.property}:${v.verdict.kind}:${v.verdict.kind === 'violated' ? v.verdict.trace.actions.length : ''}`),
});
