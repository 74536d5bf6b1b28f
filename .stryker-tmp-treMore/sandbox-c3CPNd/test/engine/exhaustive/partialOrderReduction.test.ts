// Tests of partial-order reduction in the one-thread exhaustive search: the verdicts of the full search on fewer
// states, violations still found and shrunk to no longer than the shortest, the cycle proviso (C3) catching what
// ample sets alone would ignore, and reduction off when asked, under a depth bound, or when properties read all.
import { describe, expect, it } from 'vitest';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { shrinkTrace } from '../../../src/engine/exhaustive/shrinkTrace.ts';
import type { Property } from '../../../src/engine/Property.ts';
import { checkLabels } from '../../../src/engine/replay/checkLabels.ts';
import type { System } from '../../../src/engine/System.ts';
import { traceFormat, type Trace } from '../../../src/engine/Trace.ts';
import type { SearchOutcome, Verdict } from '../../../src/engine/Verdict.ts';
import { visibilityOf } from '../../../src/engine/Visibility.ts';
import {
  processes,
  processProperties,
  toggle,
  xNeverFive,
  xNeverFiveUndeclared,
  xNeverSet,
  type Processes,
  type ProcessAction,
  type ProcessesConfig,
} from './porToySystems.ts';
import { referenceSearch } from './referenceSearch.ts';
import { rederive } from './rederive.ts';

const verdictOf = (outcome: SearchOutcome, id: string): Verdict => {
  const found = outcome.verdicts.find((v) => v.property === id);
  if (found === undefined) throw new Error(`no verdict for ${id}`);
  return found.verdict;
};

const kinds = (outcome: SearchOutcome): Record<string, string> => Object.fromEntries(outcome.verdicts.map((v) => [v.property, v.verdict.kind]));

/** The toys the comparisons run on: run-once processes (acyclic) and looping ones (cycles everywhere). */
const configs: readonly ProcessesConfig[] = [{}, { loop: true }, { processes: 3, length: 5 }, { processes: 5, length: 3 }, { processes: 3, length: 4, loop: true }];

describe('partial-order reduction', () => {
  it.each(configs)('gives the verdicts of the full search on fewer states (%o)', (config) => {
    const system = processes(config);
    const full = searchExhaustive(system, processProperties, { reduction: false });
    const reduced = searchExhaustive(system, processProperties);
    expect(kinds(reduced)).toEqual(kinds(full));
    expect(Object.values(kinds(full))).toContain('violated');
    expect(Object.values(kinds(full))).toContain('holds-exhaustively');
    expect(reduced.stats.states).toBeLessThan(full.stats.states);
    expect(reduced.stats.reduction).toMatchObject({ applied: true });
    if (reduced.stats.reduction?.applied === true) expect(reduced.stats.reduction.reduced).toBeGreaterThan(0);
    for (const { verdict } of reduced.verdicts) if (verdict.kind === 'holds-exhaustively') expect(verdict.complete).toBe(true);
  });

  it('reduces the run-once processes several times over, every state expanded once either way', () => {
    const reduced = searchExhaustive(processes(), processProperties);
    const full = searchExhaustive(processes(), processProperties, { reduction: false });
    expect(full.stats.states).toBeGreaterThan(5 * reduced.stats.states);
    const r = reduced.stats.reduction;
    if (r?.applied !== true) throw new Error('reduction was not applied');
    expect(r.reduced + r.fullyExpanded).toBe(reduced.stats.states);
  });

  it.each(configs)('finds every violation, shrunk to a trace that re-executes, still violates, and is no longer than the shortest (%o)', (config) => {
    const system = processes(config);
    const full = searchExhaustive(system, processProperties, { reduction: false });
    const reduced = searchExhaustive(system, processProperties);
    const shortest = referenceSearch(system, processProperties).shortest;
    for (const property of processProperties) {
      const verdict = verdictOf(reduced, property.id);
      const unreduced = verdictOf(full, property.id);
      if (unreduced.kind !== 'violated') continue;
      expect(unreduced.trace.actions).toHaveLength(shortest.get(property.id)!);
      expect(verdict.kind, property.id).toBe('violated');
      if (verdict.kind !== 'violated') continue;
      rederive(system, verdict.trace);
      const run = checkLabels(system, property as Property<Processes, ProcessAction>, system.initialStates()[verdict.trace.initial]!, verdict.trace.actions);
      expect(run).toMatchObject({ kind: 'violated', steps: verdict.trace.actions.length });
      expect(verdict.trace.actions.length).toBeLessThanOrEqual(unreduced.trace.actions.length);
      expect(verdict.trace.method).toBe('exhaustive');
    }
  });

  it('with reduction: false explores exactly what the search explores without ample sets, and what the reference search finds', () => {
    for (const loop of [false, true]) {
      const off = searchExhaustive(processes({ loop }), processProperties, { reduction: false });
      const without = searchExhaustive(processes({ loop, ample: false }), processProperties);
      const reference = referenceSearch(processes({ loop }), processProperties);
      const counts = (o: SearchOutcome) => ({ states: o.stats.states, transitions: o.stats.transitions, depth: o.stats.depth });
      expect(counts(off)).toEqual(counts(without));
      expect(counts(off)).toEqual({ states: reference.states, transitions: reference.transitions, depth: reference.depth });
      const traces = (o: SearchOutcome) => o.verdicts.map(({ verdict }) => (verdict.kind === 'violated' ? verdict.trace.actions : verdict.kind));
      expect(traces(off)).toEqual(traces(without));
      expect(off.stats.reduction).toEqual({ applied: false, reason: 'turned-off' });
      expect(without.stats.reduction).toBeUndefined();
    }
  });

  it('is off under a depth bound, exploring exactly the states within it', () => {
    const system = processes();
    const outcome = searchExhaustive(system, processProperties, { maxDepth: 6 });
    expect(outcome.stats.reduction).toEqual({ applied: false, reason: 'depth-bound' });
    const reference = referenceSearch(system, processProperties, 6);
    expect(outcome.stats).toMatchObject({ states: reference.states, transitions: reference.transitions, depth: 6 });
    expect(verdictOf(outcome, processProperties[1]!.id)).toMatchObject({ kind: 'holds-exhaustively', complete: false, depthBound: 6 });
  });

  it('reduces nothing while a property declares no reads (it may read anything)', () => {
    const properties = [xNeverFive, xNeverFiveUndeclared];
    expect(visibilityOf(properties)).toBe('all');
    const outcome = searchExhaustive(processes(), properties);
    const full = searchExhaustive(processes(), properties, { reduction: false });
    expect(outcome.stats.reduction).toMatchObject({ applied: true, reduced: 0 });
    expect(outcome.stats.states).toBe(full.stats.states);
  });

  it('keeps the steps a property reads: a property on process 0\'s counter keeps its LOCAL steps', () => {
    expect([...(visibilityOf(processProperties) as ReadonlySet<string>)].sort()).toEqual(['pc:0', 'x']);
    const onX = searchExhaustive(processes(), [xNeverFive]);
    const onXAndPc0 = searchExhaustive(processes(), processProperties);
    expect(onXAndPc0.stats.states).toBeGreaterThan(onX.stats.states);
  });

  it('stops at the first violation under reduction too, leaving the rest inconclusive', () => {
    const outcome = searchExhaustive(processes(), processProperties, { stopAtFirst: true });
    const found = outcome.verdicts.filter(({ verdict }) => verdict.kind === 'violated');
    expect(found).toHaveLength(1);
    expect(outcome.verdicts.filter(({ verdict }) => verdict.kind === 'inconclusive')).toHaveLength(processProperties.length - 1);
  });
});

/** Breadth-first search that follows ample sets and nothing else: no cycle proviso. */
function ampleOnlyReaches<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], violates: (s: S) => boolean): boolean {
  const seen = new Set<string | number>();
  let level = [...system.initialStates()];
  for (const s of level) seen.add(system.key(s));
  const visible = visibilityOf(properties);
  while (level.length > 0) {
    const next: S[] = [];
    for (const s of level) {
      if (violates(s)) return true;
      const actions = system.enabled(s);
      const chosen = system.ample?.(s, actions, visible) ?? actions.map((_, i) => i);
      for (const i of chosen) {
        const t = system.step(s, actions[i]!);
        if (!seen.has(system.key(t))) {
          seen.add(system.key(t));
          next.push(t);
        }
      }
    }
    level = next;
  }
  return false;
}

describe('the cycle proviso (C3)', () => {
  it('finds a violation that ample sets alone would ignore forever', () => {
    const system = toggle();
    // Without the proviso the search goes round TOGGLE's cycle, each time leaving SET out: x is never set.
    expect(ampleOnlyReaches(system, [xNeverSet], (s) => s.x !== 0)).toBe(false);
    const outcome = searchExhaustive(system, [xNeverSet]);
    const r = outcome.stats.reduction;
    expect(r).toMatchObject({ applied: true });
    if (r?.applied === true) expect(r.proviso).toBeGreaterThan(0);
    const verdict = verdictOf(outcome, xNeverSet.id);
    expect(verdict.kind).toBe('violated');
    if (verdict.kind === 'violated') expect(rederive(system, verdict.trace).x).toBe(1);
  });

  it('leaves every cycle of the looping processes with a fully expanded state: their verdicts match the full search', () => {
    const system = processes({ loop: true });
    const outcome = searchExhaustive(system, processProperties);
    const r = outcome.stats.reduction;
    if (r?.applied !== true) throw new Error('reduction was not applied');
    expect(r.proviso).toBeGreaterThan(0);
    expect(kinds(outcome)).toEqual(kinds(searchExhaustive(system, processProperties, { reduction: false })));
  });
});

describe('ample sets that break the contract', () => {
  const withAmple = (ample: System<Processes, ProcessAction>['ample']): System<Processes, ProcessAction> => ({ ...processes({ ample: false }), ample });

  it.each([
    ['empty (C0)', () => []],
    ['out of range', (_s: Processes, actions: readonly ProcessAction[]) => [actions.length]],
    ['not increasing', (_s: Processes, actions: readonly ProcessAction[]) => (actions.length > 1 ? [1, 0] : undefined)],
  ])('are refused with an error naming the system: %s', (_name, ample) => {
    expect(() => searchExhaustive(withAmple(ample), [xNeverFive])).toThrow(/processes: ample\(\) returned .* \(System\.ample\)/);
  });

  it('are refused when they leave actions out while a property may read anything', () => {
    const ignoresVisibility = withAmple((_s, actions) => (actions.length > 1 ? [0] : undefined));
    expect(() => searchExhaustive(ignoresVisibility, [xNeverFiveUndeclared])).toThrow(
      /processes: ample\(\) left out enabled actions while a property declares no reads.*\(System\.ample, C2\)/,
    );
  });
});

describe('shrinkTrace', () => {
  it('drops the steps a reduced search\'s trace does not need, keeping a violation that re-executes', () => {
    const system = processes();
    const padded = ['LOCAL(2)', 'LOCAL(2)', 'LOCAL(0)', 'WRITE(0)', 'LOCAL(2)', 'LOCAL(1)', 'LOCAL(1)', 'WRITE(1)'];
    const initial = system.initialStates()[0]!;
    const run = checkLabels(system, xNeverFive, initial, padded);
    if (run.kind !== 'violated') throw new Error('the padded trace must violate');
    const trace: Trace = {
      format: traceFormat,
      system: system.name,
      config: system.config,
      property: xNeverFive.id,
      method: 'exhaustive',
      initial: 0,
      actions: padded,
      states: run.states.map((s) => system.describeState(s)),
    };
    const shrunk = shrinkTrace(system, xNeverFive, trace);
    expect(shrunk.actions).toEqual(['LOCAL(0)', 'WRITE(0)', 'LOCAL(1)', 'LOCAL(1)', 'WRITE(1)']);
    expect(rederive(system, shrunk).x).toBe(5);
    expect({ ...shrunk, actions: [], states: [] }).toEqual({ ...trace, actions: [], states: [] });
  });
});
