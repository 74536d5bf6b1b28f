// The world: a pure, deterministic step function with a canonical key, and the System adapter over it.
import { describe, expect, it } from 'vitest';
import { contentId } from '../../models/contentId.ts';
import { presetsNamed } from '../../models/flows/presets.ts';
import { channelIsOpen, mcimBlob, pcid, registrationNonce, skTre, tokDev } from '../../models/messages.ts';
import { decryptWith } from '../../models/readTerm.ts';
import { pk } from '../../src/attacker/Term.ts';
import { enabledEvents, eventLabel, initialWorld, stepWorld, worldKey, type World } from '../../models/world/World.ts';
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
  it('are terms with explicit cryptography: the MCIM blob opens only with the TRE platform key', () => {
    const blob = mcimBlob('sho1', registrationNonce(1), tokDev, pk(skTre));
    expect(blob.kind).toBe('aenc');
    expect(decryptWith(blob, skTre)).toBeDefined();
    expect(decryptWith(blob, tokDev)).toBeUndefined();
  });

  it('have a SHA-256 content id, equal exactly for equal terms', () => {
    expect(contentId(pcid)).toMatch(/^[0-9a-f]{64}$/);
    expect(contentId(registrationNonce(1))).not.toBe(contentId(registrationNonce(2)));
    // Known answer: SHA-256 of the canonical text "pcid:m2me" (node:crypto agrees).
    expect(contentId(pcid)).toBe('125b7b79b0e4ec3c5cc7a6d60ff4e4ee76f503dabfc82edb24aa9f5b39a80594');
  });

  it('mark the channels an attacker on the network can reach', () => {
    expect(channelIsOpen('supplier', 'tre')).toBe(false);
    expect(channelIsOpen('tre', 'm2me')).toBe(false);
    expect(channelIsOpen('ro', 'm2me')).toBe(true);
    expect(channelIsOpen('m2me', 'vno')).toBe(true);
  });
});
