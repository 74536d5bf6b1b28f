// Builds the comparison: Alternative 3a's suite, the 1a counterpart scenarios, 3a's ablation and the targeted 1a
// ablation of the claims that hold (what each needs), then one cell per row and alternative.
import { ablate3a, needs3a } from './ablation3a.ts';
import { compareFormat, type Cell, type Comparison, type CompareRow } from './Comparison.ts';
import { rowSpecs } from './compareRows.ts';
import { needs1a, runCounterpart1a, type Counterpart1a } from './run1aCounterparts.ts';
import { runSuite3a, type Check3aResult } from './runSuite3a.ts';
import type { CheckPropertyInput } from '../../report/fromCheck.ts';

function cellOf(run: Check3aResult, p: CheckPropertyInput, needs: readonly string[] | null): Cell {
  const at = { scenario: run.config.name, property: p.property, states: run.search.states, millis: run.millis };
  const v = p.verdict;
  switch (v.kind) {
    case 'violated':
      return { kind: 'violated', ...at, steps: v.trace.actions.length, actions: v.trace.actions, ...(p.known === undefined ? {} : { known: p.known }) };
    case 'holds-exhaustively':
      return v.complete ? { kind: 'holds', ...at, needs } : { kind: 'inconclusive', ...at };
    case 'no-violation-found':
    case 'inconclusive':
      return { kind: 'inconclusive', ...at };
  }
}

export function buildComparison(options: { readonly ablation: boolean }): Comparison {
  const a3 = runSuite3a();
  const ablation = options.ablation ? ablate3a(a3) : null;
  const a1Runs = new Map<Counterpart1a, Check3aResult>();
  const a1Needs = new Map<Counterpart1a, string[] | null>();
  const rows: CompareRow[] = rowSpecs.map((spec) => {
    let a1: Cell;
    if ('notApplicable' in spec.a1) a1 = { kind: 'not-applicable', reason: spec.a1.notApplicable };
    else {
      const c = spec.a1.counterpart;
      if (!a1Runs.has(c)) a1Runs.set(c, runCounterpart1a(c));
      const run = a1Runs.get(c)!;
      const p = run.properties[0]!;
      if (!a1Needs.has(c)) a1Needs.set(c, options.ablation && p.verdict.kind === 'holds-exhaustively' ? needs1a(c) : null);
      a1 = cellOf(run, p, a1Needs.get(c)!);
    }
    let a3Cell: Cell;
    if ('notApplicable' in spec.a3) a3Cell = { kind: 'not-applicable', reason: spec.a3.notApplicable };
    else {
      const { scenario, property } = spec.a3;
      const run = a3.find((r) => r.config.name === scenario);
      const p = run?.properties.find((x) => x.property === property);
      // Rows name scenarios and properties of the suite; the tests check every one exists.
      if (run === undefined || p === undefined) throw new Error(`compare: no ${scenario}/${property} in Alternative 3a's suite`);
      a3Cell = cellOf(run, p, ablation === null ? null : needs3a(ablation, scenario, property));
    }
    const note = 'notApplicable' in spec.a1 ? undefined : spec.a1.note;
    return { claim: spec.claim, attacker: spec.attacker, a1, a3: a3Cell, ...(note === undefined ? {} : { note }) };
  });
  return { format: compareFormat, rows, runs: { a1: [...a1Runs.values()], a3 }, ablation3a: ablation };
}
