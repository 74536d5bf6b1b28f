// The attacker component: interception, bounded injection of derivable pattern instances, patterns.
import { describe, expect, it } from 'vitest';
import { afterDelivery, deliveries, initialAttacker, intercept } from '../../src/attacker/DolevYaoAttacker.ts';
import { holds } from '../../src/attacker/knowledge.ts';
import { matchPattern, patternInstances, type MessagePattern } from '../../src/attacker/MessagePattern.ts';
import { aenc, name, pk, showTerm, tuple } from '../../src/attacker/Term.ts';

const [A, I, Na, Ni, skB, skI] = ['A', 'I', 'Na', 'Ni', 'skB', 'skI'].map(name) as [
  ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>, ReturnType<typeof name>,
];
const toB: MessagePattern = { template: aenc(pk(skB), tuple(name('?n'), name('?x'))), vars: { '?n': [Na, Ni], '?x': [A, I] } };

describe('MessagePattern', () => {
  it('enumerates every instance once, in domain order', () => {
    expect(patternInstances(toB).map(showTerm)).toEqual([
      'aenc(<Na, A>, pk(skB))',
      'aenc(<Na, I>, pk(skB))',
      'aenc(<Ni, A>, pk(skB))',
      'aenc(<Ni, I>, pk(skB))',
    ]);
  });

  it('matches terms and binds placeholders, within their domains only', () => {
    expect(matchPattern(toB, aenc(pk(skB), tuple(Ni, A)))).toEqual({ '?n': Ni, '?x': A });
    expect(matchPattern(toB, aenc(pk(skB), tuple(name('Nz'), A)))).toBeUndefined();
    expect(matchPattern(toB, aenc(pk(skI), tuple(Ni, A)))).toBeUndefined();
  });
});

describe('Dolev-Yao attacker', () => {
  const start = initialAttacker([A, I, Ni, pk(skB), skI]);

  it('injects only what it can derive, and only within its budget', () => {
    const forged = deliveries(start, { maxInjections: 1 }, 'to:B', toB, []);
    // Without Na the attacker can only use its own nonce.
    expect(forged.map((d) => showTerm(d.message))).toEqual(['aenc(<Ni, A>, pk(skB))', 'aenc(<Ni, I>, pk(skB))']);
    expect(forged.every((d) => d.injected)).toBe(true);
    const spent = afterDelivery(start, forged[0]!);
    expect(spent.injections).toBe(1);
    expect(deliveries(spent, { maxInjections: 1 }, 'to:B', toB, [])).toEqual([]);
  });

  it('learns what it intercepts and can then redirect it', () => {
    const heard = intercept(start, aenc(pk(skI), tuple(Na, A)));
    expect(holds(heard.knowledge, Na)).toBe(true);
    const options = deliveries(heard, { maxInjections: 1 }, 'to:B', toB, []).map((d) => showTerm(d.message));
    expect(options).toContain('aenc(<Na, A>, pk(skB))');
  });

  it('delivers messages really sent on the channel without using the budget, even when it cannot read them', () => {
    const sent = aenc(pk(skB), tuple(Na, A));
    const heard = intercept(start, sent);
    expect(holds(heard.knowledge, Na)).toBe(false);
    const options = deliveries(heard, { maxInjections: 0 }, 'to:B', toB, [sent]);
    expect(options).toEqual([{ channel: 'to:B', message: sent, injected: false }]);
    expect(afterDelivery(heard, options[0]!)).toBe(heard);
  });
});
