// The fair-cycle check against a brute-force reference on random small graphs: a fair run avoiding the goal exists
// iff some reachable set X of non-goal states is strongly connected by allowed edges inside it and each fairness
// class is taken on such an edge or disabled in some state of X, or some reachable non-goal state enables no fair
// step. The reference tries every subset X, so it also checks that whole components decide alone (weak fairness).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchLiveness } from '../../../src/engine/liveness/searchLiveness.ts';
import { replayTrace } from '../../../src/engine/replay/replayTrace.ts';
import type { InfinitelyOften } from '../../../src/engine/LivenessProperty.ts';
import { propertyId } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';

interface Edge {
  readonly to: number;
  /** Fairness class 0..1, or -1: not fair. */
  readonly cls: number;
  /** Assumed to happen finitely often. */
  readonly finite: boolean;
}
interface RandomGraph {
  readonly n: number;
  readonly edges: readonly (readonly Edge[])[];
  readonly goal: readonly boolean[];
}

const graphArb = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.array(
      fc.array(fc.record({ to: fc.integer({ min: 0, max: n - 1 }), cls: fc.integer({ min: -1, max: 1 }), finite: fc.boolean() }), { maxLength: 3 }),
      { minLength: n, maxLength: n },
    ),
    goal: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
  }),
);

function systemOf(g: RandomGraph): System<number, number> {
  return {
    name: 'random-graph',
    config: {},
    initialStates: () => [0],
    enabled: (s) => g.edges[s]!.map((_, i) => i),
    step: (s, i) => g.edges[s]![i]!.to,
    key: (s) => s,
    actionLabel: (i) => `e${i}`,
    describeState: (s) => s,
    fairness: (s, i) => (g.edges[s]![i]!.cls < 0 ? undefined : `c${g.edges[s]![i]!.cls}`),
  };
}

const propertyOf = (g: RandomGraph): InfinitelyOften<number, number> => ({
  kind: 'infinitely-often',
  id: propertyId('random.goal'),
  description: 'goal infinitely often',
  goal: (s) => g.goal[s]!,
  finitely: (s, i) => g.edges[s]![i]!.finite,
});

function reachable(g: RandomGraph): Set<number> {
  const seen = new Set([0]);
  const queue = [0];
  while (queue.length > 0) for (const e of g.edges[queue.shift()!]!) if (!seen.has(e.to)) (seen.add(e.to), queue.push(e.to));
  return seen;
}

function bruteForce(g: RandomGraph): boolean {
  const live = reachable(g);
  for (const s of live) if (!g.goal[s] && g.edges[s]!.every((e) => e.cls < 0)) return true;
  for (let subset = 1; subset < 1 << g.n; subset++) {
    const x = [...Array(g.n).keys()].filter((s) => (subset & (1 << s)) !== 0);
    if (x.some((s) => !live.has(s) || g.goal[s])) continue;
    const inside = (s: number, e: Edge): boolean => !e.finite && (subset & (1 << e.to)) !== 0 && s >= 0;
    // Strongly connected by inside edges, with at least one edge.
    const from = (start: number): Set<number> => {
      const seen = new Set<number>();
      const queue = [start];
      while (queue.length > 0) {
        const s = queue.shift()!;
        for (const e of g.edges[s]!) if (inside(s, e) && !seen.has(e.to)) (seen.add(e.to), queue.push(e.to));
      }
      return seen;
    };
    if (!x.every((s) => x.every((t) => from(s).has(t)))) continue;
    const fair = [0, 1].every(
      (k) => x.some((s) => g.edges[s]!.some((e) => inside(s, e) && e.cls === k)) || x.some((s) => !g.edges[s]!.some((e) => e.cls === k)),
    );
    if (fair) return true;
  }
  return false;
}

describe('fair lassos against a brute-force reference', () => {
  it('agree on random graphs of up to six states, and every lasso found replays as a fair run', () => {
    const seen = { violated: 0, holds: 0 };
    fc.assert(
      fc.property(graphArb, (g) => {
        const verdict = searchLiveness(systemOf(g), [propertyOf(g)]).verdicts[0]!.verdict;
        expect(verdict.kind === 'violated').toBe(bruteForce(g));
        seen[verdict.kind === 'violated' ? 'violated' : 'holds']++;
        if (verdict.kind !== 'violated') return;
        expect(replayTrace(systemOf(g), propertyOf(g), verdict.trace).result.kind).toBe('reproduced');
        const loop = verdict.trace.loop!;
        const states = verdict.trace.states as number[];
        expect(states[loop]).toBe(states.at(-1));
        expect(states.slice(loop).some((s) => g.goal[s])).toBe(false);
      }),
      { numRuns: 400, seed: 1812 },
    );
    // Both answers occur often enough for the agreement to mean something.
    expect(Math.min(seen.violated, seen.holds)).toBeGreaterThan(60);
  });
});
