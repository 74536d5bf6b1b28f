// The world: a pure, deterministic step function with a canonical key, and the System adapter over it.
import { describe, expect, it } from 'vitest';
import { contentId } from '../../models/contentId.ts';
import { channelClass, reachOf } from '../../models/attacker/channels.ts';
import { presetsNamed } from '../../models/flows/presets.ts';
import { resolveScenario, type ScenarioConfig, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { deviceNames, mcimBlob, mcimContent, registrationNonce } from '../../models/messages.ts';
import { decryptWith } from '../../models/readTerm.ts';
import { name, pk } from '../../src/attacker/Term.ts';
import { describeWorld, enabledEvents, initialWorld, roleSnapshot, stepWorld, worldKey, worldNet, worldObserved, type World } from '../../models/world/World.ts';
import { messageOfKey } from '../../models/world/envelopeKey.ts';
import { eventLabel } from '../../models/world/eventLabel.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';

const config = presetsNamed('initial-3gpp')[0]!;

function walk(world: World, labels: readonly string[]): World {
  let w = world;
  for (const label of labels) {
    const e = enabledEvents(w).find((x) => eventLabel(w, x) === label);
    if (e === undefined) throw new Error(`not enabled: ${label}; enabled: ${enabledEvents(w).map((x) => eventLabel(w, x)).join(', ')}`);
    w = stepWorld(w, e);
  }
  return w;
}

describe('world', () => {
  it('steps purely: the input world is unchanged and the same step gives the same key', () => {
    const w0 = initialWorld(config);
    const key0 = worldKey(w0);
    const [e] = enabledEvents(w0);
    const a = stepWorld(w0, e!);
    const b = stepWorld(w0, e!);
    expect(worldKey(w0)).toBe(key0);
    expect(worldKey(a)).toBe(worldKey(b));
    expect(worldKey(a)).not.toBe(key0);
  });

  it('gives commuting deliveries the same key in either order', () => {
    const start = walk(initialWorld(config), ['supplier MANUFACTURE']);
    const x = walk(start, ['supplier>tre preprovision', 'supplier>ro initialCredentials']);
    const y = walk(start, ['supplier>ro initialCredentials', 'supplier>tre preprovision']);
    expect(worldKey(x)).toBe(worldKey(y));
  });

  it('lists enabled events in a fixed order, deliveries first', () => {
    const w = walk(initialWorld(config), ['supplier MANUFACTURE']);
    const labels = enabledEvents(w).map((e) => eventLabel(w, e));
    expect(labels).toEqual(['supplier>tre preprovision', 'supplier>ro initialCredentials', 'supplier>pva platformReference', 'supplier>subscriber supply']);
    expect(enabledEvents(w).map((e) => eventLabel(w, e))).toEqual(labels);
  });

  it('does not deliver a message its receiver cannot take (the TRE ignores a boot before manufacture)', () => {
    const w = initialWorld(config);
    expect(enabledEvents(w).map((e) => eventLabel(w, e))).toEqual(['supplier MANUFACTURE']);
    expect(() => stepWorld(w, { kind: 'deliver', envelope: 999 })).toThrow();
  });

  it('adapts to the engine System contract', () => {
    const sys = worldSystem(config);
    const [s0] = sys.initialStates();
    expect(sys.name).toBe('tr33812-alt1a');
    expect(sys.config).toEqual(config);
    const [a] = sys.enabled(s0!);
    expect(sys.actionLabel(a!)).toBe('supplier MANUFACTURE');
    const s1 = sys.step(s0!, a!);
    expect(sys.key(s1)).not.toBe(sys.key(s0!));
    const described = sys.describeState(s1) as { network: { kind: string; term: string; contentId: string }[] };
    expect(JSON.parse(JSON.stringify(described))).toEqual(described);
    expect(described.network.map((m) => m.kind)).toEqual(['preprovision', 'initialCredentials', 'platformReference', 'supply']);
    expect(described.network[0]!.contentId).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('messages', () => {
  const d = deviceNames('dev1');

  it('are terms with explicit cryptography: the MCIM blob opens only with the TRE platform key', () => {
    const nonce = registrationNonce(d.pcid, 1);
    const blob = mcimBlob('sho1', nonce, d.token, pk(d.platformKey));
    expect(blob.kind).toBe('aenc');
    expect(decryptWith(blob, d.platformKey)).toEqual(mcimContent('sho1', nonce, d.token));
    expect(decryptWith(blob, d.token)).toBeUndefined();
    expect(decryptWith(blob, deviceNames('dev2').platformKey)).toBeUndefined();
    // [t5 cm3] switched off: no key, the content travels in clear.
    expect(mcimBlob('sho1', nonce, d.token, null)).toEqual(mcimContent('sho1', nonce, d.token));
  });

  it('name each device apart, so two devices never share a key, token or registration nonce', () => {
    const d2 = deviceNames('dev2');
    expect(d).toEqual({
      pcid: name('pcid:dev1'), platformKey: name('sk:tre:dev1'), kInit: name('k:init:dev1'), kPin: name('k:pin:dev1'),
      token: name('tok:dev1'), userPin: name('pin:user:dev1'),
    });
    for (const k of Object.keys(d) as (keyof typeof d)[]) expect(d[k]).not.toEqual(d2[k]);
    expect(registrationNonce(d.pcid, 1)).toEqual(name('nreg:pcid:dev1:1'));
    expect(registrationNonce(d.pcid, 1)).not.toEqual(registrationNonce(d2.pcid, 1));
  });

  it('have a SHA-256 content id, equal exactly for equal terms', () => {
    expect(contentId(d.pcid)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentId(registrationNonce(d.pcid, 1))).not.toBe(contentId(registrationNonce(d.pcid, 2)));
    expect(contentId(name('pcid:dev1'))).toBe(contentId(d.pcid));
    // Known answer: SHA-256 of the canonical text "pcid:dev1" (node:crypto agrees).
    expect(contentId(d.pcid)).toBe('7f6fa3559105a0c7e83a168d61378f42fbacfe818734ca8ac8d5ca99d23e9ad8');
  });
});

describe('channels (models/attacker/channels.ts)', () => {
  const scenario = (input: Omit<ScenarioInput, 'flow'>): ScenarioConfig => {
    const r = resolveScenario({ flow: 'initial-3gpp', ...input });
    if (!r.ok) throw new Error(r.error.message);
    return r.config;
  };

  it('classify each link by its two ends, whichever way the message goes', () => {
    expect(channelClass('supplier', 'tre')).toBe('manufacturing');
    expect(channelClass('ro', 'sho1')).toBe('operator');
    expect(channelClass('m2me', 'subscriber')).toBe('atDevice');
    expect(channelClass('tre', 'm2me')).toBe('host');
    expect(channelClass('m2me', 'tre')).toBe('host');
    expect(channelClass('sho1', 'subscriber')).toBe('portal');
    expect(channelClass('subscriber', 'ro')).toBe('portal');
    expect(channelClass('ro', 'm2me')).toBe('network');
    expect(channelClass('m2me', 'vno')).toBe('network');
  });

  it('mark the channels an attacker on the network can reach', () => {
    const net = reachOf(scenario({ attacker: { capabilities: ['network'] } }));
    expect(net.reads('mcimDownload', 'sho1', 'm2me')).toBe(true);
    expect(net.writes('discoveryRequest', 'm2me', 'ro')).toBe(true);
    expect(net.reads('preprovision', 'supplier', 'tre')).toBe(false);
    expect(net.writes('preprovision', 'supplier', 'tre')).toBe(false);
    expect(net.reads('registration', 'ro', 'sho1')).toBe(false);
    // The host-TRE interface is not on the network.
    expect(net.reads('ready', 'tre', 'm2me')).toBe(false);
    expect(net.writes('boot', 'm2me', 'tre')).toBe(false);
    // The portal is protected by default.
    expect(net.reads('contract', 'subscriber', 'sho1')).toBe(false);
    expect(net.writes('contract', 'subscriber', 'sho1')).toBe(false);
  });

  it('reach nothing without a capability', () => {
    const honest = reachOf(scenario({}));
    expect(honest.reads('mcimDownload', 'sho1', 'm2me')).toBe(false);
    expect(honest.writes('mcimDownload', 'sho1', 'm2me')).toBe(false);
  });

  it('open the host interface to malware on the host, not to the network attacker alone', () => {
    const malware = reachOf(scenario({ attacker: { capabilities: ['t3.malware'] } }));
    expect(malware.reads('ready', 'tre', 'm2me')).toBe(true);
    expect(malware.writes('interfaceRequest', 'm2me', 'tre')).toBe(true);
    expect(malware.reads('mcimDownload', 'sho1', 'm2me')).toBe(false);
    const logical = reachOf(scenario({ attacker: { capabilities: ['t4.logical'] } }));
    expect(logical.writes('interfaceRequest', 'm2me', 'tre')).toBe(true);
    expect(logical.writes('boot', 'm2me', 'tre')).toBe(false);
  });

  it('keep the portal closed by default; open it to the network when unprotected, and to a contract under a stolen identity', () => {
    const open = reachOf(scenario({ attacker: { capabilities: ['network'] }, assumptions: { portalProtected: false } }));
    expect(open.reads('contract', 'subscriber', 'sho1')).toBe(true);
    expect(open.writes('shoSelection', 'subscriber', 'ro')).toBe(true);
    const stolen = reachOf(scenario({ attacker: { capabilities: ['t12.stolenIdentity'] } }));
    expect(stolen.writes('contract', 'subscriber', 'sho1')).toBe(true);
    expect(stolen.writes('shoSelection', 'subscriber', 'ro')).toBe(false);
    expect(stolen.reads('contract', 'subscriber', 'sho1')).toBe(false);
  });

  it('keep manufacturing, operator and at-device links closed by assumption; open each to the network when switched off', () => {
    const net = reachOf(scenario({ attacker: { capabilities: ['network'] } }));
    expect(net.reads('initialCredentials', 'supplier', 'ro')).toBe(false);
    expect(net.writes('registration', 'ro', 'sho1')).toBe(false);
    expect(net.reads('reprovisionInstruction', 'subscriber', 'm2me')).toBe(false);
    const operator = reachOf(scenario({ attacker: { capabilities: ['network'] }, assumptions: { operatorLinksClosed: false } }));
    expect(operator.reads('registration', 'ro', 'sho1')).toBe(true);
    expect(operator.writes('validationResult', 'pva', 'sho1')).toBe(true);
    expect(operator.reads('initialCredentials', 'supplier', 'ro')).toBe(false);
    const factory = reachOf(scenario({ attacker: { capabilities: ['network'] }, assumptions: { manufacturingClosed: false } }));
    expect(factory.reads('initialCredentials', 'supplier', 'ro')).toBe(true);
    expect(factory.reads('registration', 'ro', 'sho1')).toBe(false);
    const device = reachOf(scenario({ attacker: { capabilities: ['network'] }, assumptions: { atDeviceClosed: false } }));
    expect(device.writes('reprovisionInstruction', 'subscriber', 'm2me')).toBe(true);
    // Opening a class gives nothing to an attacker without the network capability.
    const honest = reachOf(scenario({ assumptions: { operatorLinksClosed: false, manufacturingClosed: false, atDeviceClosed: false } }));
    expect(honest.reads('registration', 'ro', 'sho1')).toBe(false);
  });

  it('give an insider every channel of the role it corrupts, closed ones included', () => {
    const insider = reachOf(scenario({ attacker: { dishonest: 'ro' } }));
    expect(insider.reads('registration', 'ro', 'sho1')).toBe(true);
    expect(insider.writes('initialCredentials', 'supplier', 'ro')).toBe(true);
    expect(insider.reads('preprovision', 'supplier', 'tre')).toBe(false);
  });
});

describe('world with an attacker', () => {
  const attacked = (injections: number): ScenarioConfig => {
    const r = resolveScenario({ flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections } });
    if (!r.ok) throw new Error(r.error.message);
    return r.config;
  };

  /** Honest steps (deliveries and local events, the first enabled) until an injection is enabled. */
  function untilInjectable(world: World): World {
    let w = world;
    for (let i = 0; i < 200; i++) {
      const events = enabledEvents(w);
      if (events.some((e) => e.kind === 'inject')) return w;
      const honest = events.find((e) => e.kind !== 'inject');
      if (honest === undefined) break;
      w = stepWorld(w, honest);
    }
    throw new Error('no injection became enabled');
  }

  it('observes only what crosses a channel it reads: nothing of the out-of-band manufacture', () => {
    const w = walk(initialWorld(attacked(2)), ['supplier MANUFACTURE']);
    // Four messages sent; the PVA took its platform reference as it was sent (receiptAtSend.ts).
    expect(worldNet(w)).toHaveLength(3);
    expect(worldNet(w).some((key) => messageOfKey(key).kind === 'platformReference')).toBe(false);
    expect(roleSnapshot(w, 'pva').value).toBe('Ready');
    expect(worldObserved(w)).toEqual([]);
    expect(w.injections).toBe(0);
  });

  it('injects what it builds, within the scenario\'s budget, and the key tells the injections apart', () => {
    const w = untilInjectable(initialWorld(attacked(1)));
    const inject = enabledEvents(w).find((e) => e.kind === 'inject')!;
    expect(eventLabel(w, inject)).toMatch(/^attacker>\w+ \w+ \(injected as \w+\) [0-9a-f]{8}$/);
    const after = stepWorld(w, inject);
    expect(after.injections).toBe(1);
    expect(worldKey(after)).not.toBe(worldKey(w));
    // Budget spent: no further injection, whatever else happens.
    expect(enabledEvents(after).filter((e) => e.kind === 'inject')).toEqual([]);
    const described = describeWorld(after) as { attacker?: { injections: number; read: number } };
    expect(described.attacker).toMatchObject({ injections: 1, read: worldObserved(after).length });
  });

  it('never injects with a budget of 0, though it still reads', () => {
    let w = initialWorld(attacked(0));
    for (let i = 0; i < 40; i++) {
      const events = enabledEvents(w);
      expect(events.filter((e) => e.kind === 'inject')).toEqual([]);
      if (events[0] === undefined) break;
      w = stepWorld(w, events[0]);
    }
    expect(worldObserved(w).length).toBeGreaterThan(0);
  });

  it('keeps an honest world free of attacker state', () => {
    const w = walk(initialWorld(config), ['supplier MANUFACTURE']);
    expect(enabledEvents(w).some((e) => e.kind === 'inject')).toBe(false);
    expect(describeWorld(w)).not.toHaveProperty('attacker');
  });
});
