// A deliberately naive breadth-first search (Map of JSON keys, whole states kept) used as the
// oracle the engine's counts, depths and shortest violations are compared against.
import type { Property } from '../../../src/engine/Property.ts';
import type { System } from '../../../src/engine/System.ts';

export interface ReferenceResult {
  readonly states: number;
  readonly transitions: number;
  /** Deepest level with a state. */
  readonly depth: number;
  /** Shortest violating trace length per property id (absent: no violation). */
  readonly shortest: ReadonlyMap<string, number>;
}

const dead = 'violated';

export function referenceSearch<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], maxDepth = Infinity): ReferenceResult {
  const traces = properties.flatMap((p) => (p.kind === 'trace' ? [p] : []));
  const invariants = properties.flatMap((p) => (p.kind === 'invariant' ? [p] : []));
  const keyOf = (s: S, ms: unknown[]): string =>
    JSON.stringify([system.key(s), ms.map((m, i) => (m === dead ? dead : traces[i]!.key(m)))]);
  const shortest = new Map<string, number>();
  const note = (id: string, depth: number): void => {
    if (!shortest.has(id)) shortest.set(id, depth);
  };
  const seen = new Set<string>();
  let level: { s: S; ms: unknown[] }[] = [];
  for (const s of system.initialStates()) {
    const ms = traces.map((t) => t.initial(s));
    const k = keyOf(s, ms);
    if (seen.has(k)) continue;
    seen.add(k);
    level.push({ s, ms });
    for (const inv of invariants) if (!inv.holds(s)) note(inv.id, 0);
  }
  let depth = 0;
  let transitions = 0;
  while (level.length > 0 && depth < maxDepth) {
    const next: typeof level = [];
    for (const { s, ms } of level) {
      for (const a of system.enabled(s)) {
        transitions++;
        const t = system.step(s, a);
        const ms2 = ms.map((m, i) => {
          if (m === dead) return dead;
          const r = traces[i]!.next(m, s, a, t);
          if (r === 'violated') note(traces[i]!.id, depth + 1);
          return r;
        });
        const k = keyOf(t, ms2);
        if (seen.has(k)) continue;
        seen.add(k);
        next.push({ s: t, ms: ms2 });
        for (const inv of invariants) if (!inv.holds(t)) note(inv.id, depth + 1);
      }
    }
    if (next.length === 0) break;
    level = next;
    depth++;
  }
  return { states: seen.size, transitions, depth, shortest };
}
