// Laws a system's declared symmetry must obey, checked over every reachable state of a small system: the
// representative is a fixed point, a state and its representative have the same successors up to the group, and a
// property the symmetry claims to preserve has one verdict on both. A symmetry that breaks any of them would make
// the reduced search unsound; these are what the tests check it against.
import type { Property } from '../../src/engine/Property.ts';
import type { StateKey, System } from '../../src/engine/System.ts';

export interface SymmetryCheck {
  /** Reachable states of the system, and their orbits (distinct representatives). */
  readonly states: number;
  readonly orbits: number;
  /** What broke a law, for the first few states that broke one. */
  readonly problems: readonly string[];
}

export function checkSymmetryLaws<S, A>(system: System<S, A>, properties: readonly Property<S, A>[], maxStates = 100_000): SymmetryCheck {
  const symmetry = system.symmetry;
  if (symmetry === undefined) throw new Error(`${system.name} declares no symmetry`);
  const canonical = (s: S): S => symmetry.canonical(s);
  const successorOrbits = (s: S): StateKey[] =>
    system
      .enabled(s)
      .map((a) => system.key(canonical(system.step(s, a))))
      .sort((x, y) => String(x).localeCompare(String(y)));
  const invariants = properties.flatMap((p) => (p.kind === 'invariant' && symmetry.preserves(p) ? [p] : []));
  const problems: string[] = [];
  const note = (s: S, what: string): void => {
    if (problems.length < 5) problems.push(`${JSON.stringify(system.describeState(s)).slice(0, 300)}: ${what}`);
  };
  const seen = new Map<StateKey, S>();
  const orbits = new Set<StateKey>();
  let level = system.initialStates().filter((s) => !seen.has(system.key(s)) && seen.set(system.key(s), s));
  while (level.length > 0 && seen.size < maxStates) {
    const next: S[] = [];
    for (const s of level) {
      const c = canonical(s);
      orbits.add(system.key(c));
      if (system.key(canonical(c)) !== system.key(c)) note(s, 'its representative is not its own representative');
      if (successorOrbits(s).join('|') !== successorOrbits(c).join('|')) note(s, 'its successors and its representative\'s lie in different orbits');
      for (const p of invariants) if (p.holds(s) !== p.holds(c)) note(s, `${p.id} is declared preserved but differs on the representative`);
      for (const a of system.enabled(s)) {
        const t = system.step(s, a);
        const k = system.key(t);
        if (!seen.has(k)) {
          seen.set(k, t);
          next.push(t);
        }
      }
    }
    level = next;
  }
  return { states: seen.size, orbits: orbits.size, problems };
}
