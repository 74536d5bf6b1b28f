// The Alternative 3a system: the honest flow reaches its goal, keys are canonical, the attacker is bounded.
import { describe, expect, it } from 'vitest';
import { resolveAlt3a, type Alt3aInput } from '../../../models/alt3a/Alt3aConfig.ts';
import { alt3aSystem, roleView, type Alt3aAction, type Alt3aState } from '../../../models/alt3a/alt3aSystem.ts';
import type { System } from '../../../src/engine/System.ts';
import { buildSystem } from '../../../src/cli/systems.ts';

function build(input: Alt3aInput = {}): System<Alt3aState, Alt3aAction> {
  const r = resolveAlt3a(input);
  if (!r.ok) throw new Error(r.message);
  return alt3aSystem(r.config);
}

/** Takes the first enabled action until none is left. */
function runFirst(system: System<Alt3aState, Alt3aAction>): { final: Alt3aState; labels: string[] } {
  let state = system.initialStates()[0]!;
  const labels: string[] = [];
  for (let i = 0; i < 50; i++) {
    const enabled = system.enabled(state);
    if (enabled.length === 0) break;
    labels.push(system.actionLabel(enabled[0]!));
    state = system.step(state, enabled[0]!);
  }
  return { final: state, labels };
}

describe('Alternative 3a system', () => {
  it('honest flow with OTA key and IMSI change: the new MNO serves the USIM under the new Ki and IMSI', () => {
    const { final, labels } = runFirst(build());
    expect(roleView(final, 'newMno').value).toBe('Serving');
    expect(roleView(final, 'oldMno').value).toBe('Released');
    expect(JSON.stringify(roleView(final, 'usim').context['ki'])).toContain('ki:new');
    expect(JSON.stringify(roleView(final, 'usim').context['imsi'])).toContain('imsi:new');
    expect(labels.some((l) => l.startsWith('attacker'))).toBe(false);
  });

  it('honest flow without the OTA changes: the new MNO serves under the transferred Ki', () => {
    const { final } = runFirst(build({ off: ['a3a.t2.cm1', 'a3a.t2.cm2'] }));
    expect(roleView(final, 'newMno').value).toBe('Serving');
    expect(JSON.stringify(roleView(final, 'usim').context['ki'])).toContain('ki:old');
  });

  it('offers the refusal only to a dishonest old MNO with the capability', () => {
    const toAsked = (s: System<Alt3aState, Alt3aAction>) => {
      let state = s.initialStates()[0]!;
      for (const label of ['subscriber CHANGE', 'deliver contract subscriber>newMno <changeRequest, imsi:old>', 'deliver operators newMno>oldMno <transferRequest, imsi:old>']) {
        state = s.step(state, s.enabled(state).find((a) => s.actionLabel(a) === label)!);
      }
      return s.enabled(state).map((a) => s.actionLabel(a));
    };
    expect(toAsked(build())).not.toContain('oldMno REFUSE');
    expect(toAsked(build({ attacker: { insider: 'oldMno', capabilities: ['a3a.refuse'] } }))).toContain('oldMno REFUSE');
  });

  it('injects only what the attacker can build: no false base station without a key of the USIM', () => {
    const outsider = build({ attacker: { capabilities: ['a3a.falseBaseStation'], injections: 2 } });
    const labels = outsider.enabled(outsider.initialStates()[0]!).map((a) => outsider.actionLabel(a));
    // Its own key makes challenges the USIM refuses (wrong AUTN): none is enabled.
    expect(labels.filter((l) => l.startsWith('attacker'))).toEqual([]);
    const oldMno = build({ attacker: { insider: 'oldMno', capabilities: ['a3a.falseBaseStation'], injections: 1 } });
    const injected = oldMno.enabled(oldMno.initialStates()[0]!).map((a) => oldMno.actionLabel(a)).filter((l) => l.startsWith('attacker'));
    expect(injected).toContain('attacker injects radio attacker>usim <challenge, rand:attacker, mac(<autn, rand:attacker>, ki:old)>');
  });

  it('gives equal keys to states reached in different orders, and different systems equal keys for equal states', () => {
    const a = build({ off: ['a3a.t2.cm1', 'a3a.t2.cm2'] });
    const s0 = a.initialStates()[0]!;
    const [serve, change] = ['oldMno SERVE', 'subscriber CHANGE'].map((l) => a.enabled(s0).find((x) => a.actionLabel(x) === l)!);
    const one = a.step(a.step(s0, serve!), a.enabled(a.step(s0, serve!)).find((x) => a.actionLabel(x) === 'subscriber CHANGE')!);
    const two = a.step(a.step(s0, change!), a.enabled(a.step(s0, change!)).find((x) => a.actionLabel(x) === 'oldMno SERVE')!);
    expect(a.key(one)).toBe(a.key(two));
    const b = build({ off: ['a3a.t2.cm1', 'a3a.t2.cm2'] });
    expect(b.key(b.initialStates()[0]!)).toBe(a.key(s0));
  });

  it('moves states between instances by their portable form (worker threads), with equal keys', () => {
    const a = build();
    const { final } = runFirst(a);
    const b = build();
    const revived = b.revive!(structuredClone(a.portable!(final)));
    expect(b.key(revived)).toBe(a.key(final));
    expect(roleView(revived, 'newMno').value).toBe('Serving');
  });

  it('steps each enabled action to the successor forEachSuccessor gives, in every reachable state, and refuses others', () => {
    const system = build({ attacker: { insider: 'oldMno', capabilities: ['a3a.eavesdrop', 'a3a.falseBaseStation', 'a3a.masquerade', 'a3a.faults', 'a3a.refuse'], injections: 1 } });
    const seen = new Set<string | number>();
    const queue = [...system.initialStates()];
    let checked = 0;
    while (queue.length > 0) {
      const state = queue.pop()!;
      if (seen.has(system.key(state))) continue;
      seen.add(system.key(state));
      system.forEachSuccessor!(state, (action, next) => {
        expect(system.key(system.step(state, action))).toBe(system.key(next));
        checked++;
        queue.push(next);
      });
    }
    expect(checked).toBeGreaterThan(1000);
    const s0 = system.initialStates()[0]!;
    expect(() => system.step(s0, { kind: 'local', role: 'oldMno', event: 'TRANSFER' })).toThrow(/not enabled/);
  });

  it('is registered: bad configuration is one input error', () => {
    expect(buildSystem('tr33812-alt3a', {}).properties.length).toBeGreaterThan(0);
    expect(() => buildSystem('tr33812-alt3a', { off: ['t5.cm3'] })).toThrow(/invalid configuration for tr33812-alt3a: off\.0/);
  });
});
