// The message schemas and what the attacker synthesises from them: every message the honest roles send fits its
// kind's schema (the schemas describe what receivers parse), and the attacker builds messages no hand list
// anticipated, within what its keys allow, finitely and in a fixed order.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { attackerModelOf } from '../../models/attacker/attackerModel.ts';
import { AttackerTables } from '../../models/attacker/AttackerTables.ts';
import { messageSchemas } from '../../models/attacker/messageSchemas.ts';
import { slotTyping } from '../../models/attacker/slotTypes.ts';
import { presets } from '../../models/flows/presets.ts';
import { resolveScenario, type ScenarioConfig, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import type { Message } from '../../models/messages.ts';
import { forEachSuccessor, worldKey, worldNet, type World } from '../../models/world/World.ts';
import { messageOfKey } from '../../models/world/envelopeKey.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { unify } from '../../src/attacker/synthesis.ts';
import { showTerm, type Term } from '../../src/attacker/Term.ts';

function config(input: ScenarioInput) {
  const r = resolveScenario(input);
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
}

/** Every message in flight in some reachable world of `scenario`. */
function messagesSent(scenario: ScenarioConfig): Message[] {
  const initial = worldSystem(scenario).initialStates()[0] as World;
  const seen = new Set<number>([worldKey(initial)]);
  const keys = new Set<string>();
  let frontier = [initial];
  while (frontier.length > 0) {
    const next: World[] = [];
    for (const w of frontier) {
      for (const k of worldNet(w)) keys.add(k);
      forEachSuccessor(w, (_, n) => {
        if (!seen.has(worldKey(n))) {
          seen.add(worldKey(n));
          next.push(n);
        }
      });
    }
    frontier = next;
  }
  return [...keys].map(messageOfKey);
}

/** The messages the attacker of `input` can inject before it has read anything. */
function injectable(input: ScenarioInput, observed: readonly Term[] = []): readonly Message[] {
  const tables = new AttackerTables(attackerModelOf(config(input)));
  return tables.entry(observed.map((t) => JSON.stringify(t)).sort()).injectable;
}

const shown = (ms: readonly Message[]): string[] => ms.map((m) => `${m.from}>${m.to} ${m.kind} ${showTerm(m.term)}`);
const network: ScenarioInput = { flow: 'change-via-old-sho', bothMcimsPresent: true, attacker: { capabilities: ['network'], injections: 1 } };

describe('message schemas', () => {
  it.each(presets.map((p) => [p.name, p] as const))('fit every message the honest roles send of a kind they describe: %s', (_, preset) => {
    const sent = messagesSent(preset).filter((m) => messageSchemas[m.kind] !== undefined);
    expect(sent.length).toBeGreaterThan(10);
    for (const m of sent) {
      const fits = messageSchemas[m.kind]!.some((t) => unify(t, m.term, new Map(), slotTyping) !== undefined);
      expect(fits, `${m.kind} ${showTerm(m.term)}`).toBe(true);
    }
  });

  it('give every slot no receiver inspects a representative', () => {
    const types = new Set<string>();
    const walk = (t: Term): void => {
      if (t.kind === 'name') {
        const at = t.id.indexOf('?');
        if (at >= 0 && t.id.endsWith('!')) types.add(t.id.slice(at + 1, -1).split('#')[0]!);
      } else if (t.kind === 'tuple') t.items.forEach(walk);
      else if (t.kind === 'pk') walk(t.of);
      else if (t.kind === 'hash') walk(t.body);
      else { walk(t.key); walk(t.body); }
    };
    Object.values(messageSchemas).flat().forEach((t) => walk(t!));
    for (const type of types) expect(() => slotTyping.representative(type), type).not.toThrow();
  });
});

describe('the synthesising attacker', () => {
  it('registers with a registration nonce it read, under its own key and a PfC certifying it', () => {
    const readRegistration = messagesSent(config({ flow: 'initial-3gpp' })).find((m) => m.kind === 'registrationRequest')!.term;
    const out = shown(injectable({ flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: 1 } }, [readRegistration]));
    expect(out.some((m) => m.startsWith('m2me>ro registrationRequest sign(<register, pcid:dev1, nreg:pcid:dev1:1, sho2,') && m.endsWith(', sk:attacker)'))).toBe(true);
    expect(out.some((m) => m.includes('registrationRequest') && m.includes('sign(<PfC, pcid:dev1, pk(sk:attacker), h(fw:v1)>, sk:attacker)'))).toBe(true);
  });

  it('builds an activateMcim object under an insider SHO\'s key, and an ACTIVATE command for its MCIM', () => {
    const out = shown(injectable({ ...network, attacker: { capabilities: [], dishonest: 'sho2', injections: 2 } }));
    expect(out).toContain('sho2>m2me lifecycleCommand sign(<lifecycle, pcid:dev1, mcim:sho2, ACTIVATE>, sk:sho2)');
    expect(out).toContain('sho2>ro activationAuthorisation sign(<authorise, pcid:dev1, sign(<activateMcim, pcid:dev1, nreg:attacker, sho2>, sk:sho2)>, sk:sho2)');
  });

  it('builds discard notices and acknowledgements, and the DPF\'s relay and commit under an insider RO\'s key', () => {
    const out = shown(injectable(network));
    expect(out.some((m) => m.startsWith('m2me>sho1 discardNotice sign(<discarded, pcid:dev1, sho1, nreg:attacker>'))).toBe(true);
    expect(out.some((m) => m.startsWith('sho1>m2me discardAck sign(<discardAck, pcid:dev1, nreg:attacker>'))).toBe(true);
    const ro = shown(injectable({ ...network, attacker: { capabilities: [], dishonest: 'ro', injections: 1 } }));
    expect(ro).toContain('ro>sho1 discardRelay sign(<oldReleased, pcid:dev1, nreg:attacker>, sk:ro)');
    expect(ro).toContain('ro>m2me provisionCommit sign(<commit, pcid:dev1, nreg:attacker>, sk:ro)');
  });

  it('cannot build what it lacks the key for: no signature of a role, no MAC under the device PIN', () => {
    const out = shown(injectable(network));
    expect(out.length).toBeGreaterThan(50);
    for (const key of ['sk:sho1', 'sk:sho2', 'sk:ro', 'sk:es', 'sk:pva', 'sk:tre:dev1', 'k:pin:dev1', 'k:init:dev1', 'tok:dev1']) {
      expect(out.filter((m) => m.includes(`, ${key})`)), key).toEqual([]);
    }
  });

  it('is finite and deterministic: two tables of one scenario give the same messages in the same order', () => {
    const a = shown(injectable(network));
    expect(shown(injectable(network))).toEqual(a);
    expect(new Set(a).size).toBe(a.length);
  });

  it('tries no hand-made list: nothing in the attacker\'s model enumerates forgeries', () => {
    const dir = new URL('../../models/attacker/', import.meta.url);
    for (const file of readdirSync(dir)) expect(readFileSync(new URL(file, dir), 'utf8'), file).not.toMatch(/forger/i);
    expect(Object.keys(attackerModelOf(config(network))).sort()).toEqual(['active', 'budget', 'devices', 'initialKnowledge', 'reach']);
  });
});
