// Action labels read as sequence-chart steps: lanes from `from>to kind`, local events, attacker steps marked.
import { describe, expect, it } from 'vitest';
import { itfTrace } from '../../src/report/itfTrace.ts';
import { sequenceChart, sequenceStep } from '../../src/report/sequenceSteps.ts';
import { sequenceMermaid } from '../../src/report/sequenceMermaid.ts';

describe('sequence steps', () => {
  it('reads messages, local events and attacker injections', () => {
    expect(sequenceStep('m2me>ro discoveryRequest')).toMatchObject({ kind: 'message', from: 'm2me', to: 'ro', text: 'discoveryRequest', attacker: false });
    expect(sequenceStep('subscriber CHANGE_OPERATOR')).toMatchObject({ kind: 'local', role: 'subscriber', text: 'CHANGE_OPERATOR', attacker: false });
    expect(sequenceStep('attacker>tre mcimDownload (injected)')).toMatchObject({ kind: 'message', from: 'attacker', to: 'tre', attacker: true });
    expect(sequenceStep('ro>m2me bootstrap (injected)').attacker).toBe(true);
    expect(sequenceStep('inject to:B aenc(Nb, pk(skB))')).toMatchObject({ kind: 'message', from: 'attacker', to: 'B', attacker: true });
  });

  it('orders lanes by first appearance and marks attacker steps in Mermaid', () => {
    const actions = ['m2me>ro discoveryRequest', 'attacker>tre mcimDownload (injected)'];
    expect(sequenceChart(actions).lanes).toEqual(['m2me', 'ro', 'attacker', 'tre']);
    expect(sequenceMermaid(actions)).toContain('  rect rgba(220, 38, 38, 0.15)\n    attacker--)tre: 2. mcimDownload (injected)\n  end');
  });

  it('ITF: one record per state with the action taken, no nulls', () => {
    const trace = { format: 'trecheck-trace/1' as const, system: 's', config: {}, property: 'P', method: 'exhaustive' as const, initial: 0, actions: ['a>b x'], states: [{ n: 1, o: null }, { n: 2 ** 60, o: 0.5 }] };
    const itf = itfTrace(trace, 'd');
    expect(itf.vars).toEqual(['n', 'o', 'mbt::actionTaken']);
    expect(itf.states[1]).toEqual({ '#meta': { index: 1 }, n: { '#bigint': '1152921504606846976' }, o: { '#unserializable': '0.5' }, 'mbt::actionTaken': 'a>b x' });
    expect(itf.states[0]!['o']).toEqual({ '#unserializable': 'null' });
    expect(itf.loop).toBeUndefined();
  });

  it('ITF: a liveness lasso loops back instead of repeating its entry state; a stop loops on its last state', () => {
    const base = { format: 'trecheck-trace/1' as const, system: 's', config: {}, property: 'P', method: 'exhaustive' as const, initial: 0 };
    const lasso = itfTrace({ ...base, actions: ['a', 'b', 'c'], states: [{ n: 0 }, { n: 1 }, { n: 2 }, { n: 1 }], loop: 1 }, 'd');
    expect(lasso.states.map((s) => s['n'])).toEqual([0, 1, 2]);
    expect(lasso.loop).toBe(1);
    const stop = itfTrace({ ...base, actions: ['a'], states: [{ n: 0 }, { n: 1 }], loop: 1 }, 'd');
    expect(stop.states).toHaveLength(2);
    expect(stop.loop).toBe(1);
  });
});
