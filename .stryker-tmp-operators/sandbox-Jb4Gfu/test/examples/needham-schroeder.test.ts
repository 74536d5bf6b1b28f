// Needham-Schroeder public key on the engine: Lowe's man-in-the-middle attack must be found by both
// engines (shortest by the exhaustive one), and nothing in Lowe's fixed protocol.
import { describe, expect, it } from 'vitest';
import { buildSystem } from '../../src/cli/systems.ts';
import { searchExhaustive } from '../../src/engine/exhaustive/searchExhaustive.ts';
import { searchRandom } from '../../src/engine/random/searchRandom.ts';

const lowesAttack = [
  'A starts with I',
  'inject to:B aenc(<Na, A>, pk(skB))',
  'deliver to:A aenc(<Na, Nb>, pk(skA))',
  'inject to:B aenc(Nb, pk(skB))',
];

describe('Needham-Schroeder public key (1978)', () => {
  const { system, properties } = buildSystem('needham-schroeder', {});

  it('the exhaustive engine finds Lowe\'s attack as the shortest trace', () => {
    const outcome = searchExhaustive(system, properties);
    const [agreement, secrecy] = outcome.verdicts.map((v) => v.verdict);
    expect(agreement?.kind).toBe('violated');
    if (agreement?.kind !== 'violated' || secrecy?.kind !== 'violated') throw new Error('expected both violated');
    expect(agreement.trace.actions).toEqual(lowesAttack);
    expect(agreement.trace.states.at(-1)).toMatchObject({ A: { peer: 'I' }, B: { phase: 'committed', peer: 'A' } });
    // Secrecy of Nb already fails when A, fooled, sends Nb to I.
    expect(secrecy.trace.actions).toEqual(lowesAttack.slice(0, 3));
  });

  it('the random engine finds it too, shrunk to the same four steps', () => {
    const outcome = searchRandom(system, properties, { seed: 1, runs: 1000, maxSteps: 10 });
    const agreement = outcome.verdicts[0]!.verdict;
    expect(agreement.kind).toBe('violated');
    if (agreement.kind === 'violated') expect(agreement.trace.actions).toEqual(lowesAttack);
  });

  it('without any injection budget the attacker cannot mount the attack', () => {
    const passive = buildSystem('needham-schroeder', { maxInjections: 0 });
    const outcome = searchExhaustive(passive.system, passive.properties);
    expect(outcome.verdicts.map((v) => v.verdict)).toMatchObject([
      { kind: 'holds-exhaustively', complete: true },
      { kind: 'holds-exhaustively', complete: true },
    ]);
  });
});

describe('Needham-Schroeder-Lowe (fixed)', () => {
  it('holds exhaustively over the whole bounded state space', () => {
    const { system, properties } = buildSystem('needham-schroeder-lowe', { maxInjections: 6 });
    const outcome = searchExhaustive(system, properties);
    for (const { verdict } of outcome.verdicts) expect(verdict).toMatchObject({ kind: 'holds-exhaustively', complete: true });
    // The honest run A <-> B is still possible: the fix does not just block everything.
    expect(outcome.stats.states).toBeGreaterThan(40);
  });

  it('lets the honest run complete', () => {
    const { system } = buildSystem('needham-schroeder-lowe', {});
    let state = system.initialStates()[0]!;
    for (const label of [
      'A starts with B',
      'deliver to:B aenc(<Na, A>, pk(skB))',
      'deliver to:A aenc(<Na, Nb, B>, pk(skA))',
      'deliver to:B aenc(Nb, pk(skB))',
    ]) {
      const action = system.enabled(state).find((a) => system.actionLabel(a) === label);
      expect(action, label).toBeDefined();
      state = system.step(state, action!);
    }
    expect(system.describeState(state)).toMatchObject({ B: { phase: 'committed', peer: 'A' }, A: { phase: 'done', peer: 'B' } });
  });

  it('random search finds nothing either (not a proof, but it must agree)', () => {
    const { system, properties } = buildSystem('needham-schroeder-lowe', {});
    const outcome = searchRandom(system, properties, { seed: 2, runs: 1000, maxSteps: 10 });
    for (const { verdict } of outcome.verdicts) expect(verdict).toMatchObject({ kind: 'no-violation-found', runs: 1000 });
  });
});
