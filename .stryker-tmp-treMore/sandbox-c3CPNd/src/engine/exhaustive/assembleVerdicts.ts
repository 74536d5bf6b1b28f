// Turns what the explorers saw into one verdict per property, never claiming more than was explored:
// a violation wins; otherwise a cut search is inconclusive, a depth-bounded one holds only to its bound.
import type { Invariant, Property, TraceProperty } from '../Property.ts';
import type { Trace } from '../Trace.ts';
import type { ExplorationStats, SearchOutcome, Verdict } from '../Verdict.ts';
import type { FoundViolation } from './LevelExplorer.ts';

export type SearchEnding =
  | { readonly kind: 'complete' }
  | { readonly kind: 'depth'; readonly bound: number }
  | { readonly kind: 'cut'; readonly limit: 'states' | 'time' | 'memory' | 'stop-at-first' };

/** Properties in explorer order: invariants first, then trace properties (FoundViolation.property indexes this). */
export function explorerOrder<S, A>(properties: readonly Property<S, A>[]): {
  readonly invariants: Invariant<S>[];
  readonly traceProperties: TraceProperty<S, A, unknown>[];
  readonly ordered: Property<S, A>[];
} {
  const invariants = properties.filter((p): p is Invariant<S> => p.kind === 'invariant');
  const traceProperties = properties.filter((p): p is TraceProperty<S, A, unknown> => p.kind === 'trace');
  return { invariants, traceProperties, ordered: [...invariants, ...traceProperties] };
}

export function assembleVerdicts<S, A>(
  properties: readonly Property<S, A>[],
  ordered: readonly Property<S, A>[],
  found: readonly FoundViolation[],
  ending: SearchEnding,
  stats: ExplorationStats,
  traceOf: (violation: FoundViolation, property: Property<S, A>) => Trace,
): SearchOutcome['verdicts'] {
  return properties.map((property) => {
    const index = ordered.indexOf(property);
    let first: FoundViolation | undefined;
    for (const violation of found) {
      if (violation.property === index && (first === undefined || violation.depth < first.depth)) first = violation;
    }
    let verdict: Verdict;
    if (first !== undefined) {
      verdict = { kind: 'violated', property: property.id, trace: traceOf(first, property), stats };
    } else if (ending.kind === 'cut') {
      verdict = { kind: 'inconclusive', limit: ending.limit, stats };
    } else if (ending.kind === 'depth') {
      verdict = { kind: 'holds-exhaustively', depthBound: ending.bound, complete: false, stats };
    } else {
      verdict = { kind: 'holds-exhaustively', depthBound: stats.depth, complete: true, stats };
    }
    return { property: property.id, verdict };
  });
}
