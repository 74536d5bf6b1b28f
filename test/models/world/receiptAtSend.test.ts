// Receipt at send: where it applies (one device, one reference, an attacker that does not read it), the PVA's
// platform reference taken in the supplier's step, and the assumption broken by a platform reference the attacker
// could inject; the RO's confirmations of an SHO selection taken at send where nothing reads them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveScenario, type ScenarioConfig, type ScenarioInput } from '../../../models/flows/ScenarioConfig.ts';
import { threatSuite } from '../../../properties/threats/threatSuite.ts';
import { enabledEvents, initialWorld, localIdOf, roleSnapshot, stepWorld, worldNet, type World } from '../../../models/world/World.ts';
import { eventLabel } from '../../../models/world/eventLabel.ts';
import { messageOfKey } from '../../../models/world/envelopeKey.ts';
import { confirmationsAtSendBreaker, fixedPvaBreaker, receiptAtSendBreaker, ReceiptTable, requestsAtSendBreaker } from '../../../models/world/receiptAtSend.ts';
import { worldSystem } from '../../../models/world/worldSystem.ts';
import { searchExhaustive } from '../../../src/engine/exhaustive/searchExhaustive.ts';
import { propertyId, type Invariant } from '../../../src/engine/Property.ts';
import { deviceNames, platformReferenceTerm } from '../../../models/messages.ts';

const scenario = (name: string, patch: Partial<ScenarioInput> = {}) => {
  const input = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === name)!;
  const r = resolveScenario({ ...input, ...patch });
  if (!r.ok) throw new Error(r.error.message);
  return r.config;
};

/** No world of `config`'s search holds a message of `kind` in flight, the assumption holding; the search without the
 *  kept relays (nor receipt at send) finds one. */
function expectNoneInFlight(config: ScenarioConfig, kind: string): void {
  const none: Invariant<World> = {
    kind: 'invariant',
    id: propertyId(`test.no.${kind}.inFlight`),
    description: `no ${kind} in flight`,
    holds: (w) => !worldNet(w).some((k) => messageOfKey(k).kind === kind),
  };
  const reduced = searchExhaustive(worldSystem(config), [none]);
  expect(reduced.verdicts[0]!.verdict.kind).toBe('holds-exhaustively');
  expect(reduced.stats.assumption).toEqual({ name: 'kept relays and receipt at send', outcome: 'held' });
  const steady = searchExhaustive(worldSystem(config, initialWorld(config, { relayAtReceipt: 'steady' })), [none], { maxStates: 200_000 });
  expect(steady.verdicts[0]!.verdict.kind).toBe('violated');
}

describe('receipt at send', () => {
  it('applies to one device with one reference and an attacker that does not read it, and says why not elsewhere', () => {
    const breaker = (name: string, patch: Partial<ScenarioInput> = {}) => {
      const model = initialWorld(scenario(name, patch)).model;
      return receiptAtSendBreaker(model.config, model.cast, model.attacker);
    };
    expect(breaker('t2-replay-after-delete')).toBeUndefined();
    expect(breaker('t1-clone-second-tre')).toMatch(/more than one device/);
    expect(breaker('t6-supplier-update')).toMatch(/remote update/);
    // A change of operator starts with the PVA configured: it takes validation requests, so the premise is not there.
    expect(breaker('t2-report-replay')).toMatch(/the PVA takes validationRequest where it starts/);
    expect(breaker('t2-replay-after-delete', { assumptions: { manufacturingClosed: false } })).toMatch(/reads the reference/);
  });

  it('has the PVA take the reference in the supplier\'s step, with the kept relays, and not without them', () => {
    const config = scenario('t2-replay-after-delete');
    const manufacture = (w: ReturnType<typeof initialWorld>) => stepWorld(w, enabledEvents(w).find((e) => eventLabel(w, e) === 'supplier MANUFACTURE')!);
    const on = manufacture(initialWorld(config));
    expect(roleSnapshot(on, 'pva').value).toBe('Ready');
    expect(worldNet(on).map((k) => messageOfKey(k).kind)).not.toContain('platformReference');
    const steady = manufacture(initialWorld(config, { relayAtReceipt: 'steady' }));
    expect(roleSnapshot(steady, 'pva').value).toBe('Unconfigured');
    expect(worldNet(steady).map((k) => messageOfKey(k).kind)).toContain('platformReference');
    expect(worldSystem(config).assumed?.name).toBe('kept relays and receipt at send');
  });

  it('takes the SHOs\' validation requests at send too, where the attacker reads no validation and no SHO is dishonest', () => {
    const requests = (name: string) => {
      const model = initialWorld(scenario(name)).model;
      return requestsAtSendBreaker(model.config, model.cast, model.attacker);
    };
    expect(requests('t2-replay-after-delete')).toBeUndefined();
    expect(requests('t7-insider-sho')).toMatch(/reads the validation|dishonest SHO/);
    // sho1 (cast index 8 here) requests; the supplier (0) and the SHOs are ordered, the PVA (7) after the supplier.
    const table = new ReceiptTable(7, 0, [8, 9]);
    table.add({ kind: 'validationRequest', from: 'sho1', to: 'pva', term: { kind: 'name', id: 'req' } }, 8, 7);
    table.add({ kind: 'validationRequest', from: 'ro', to: 'pva', term: { kind: 'name', id: 'req' } }, 6, 7);
    expect([table.takenAtSend(0), table.preserving(0)]).toEqual([true, true]);
    expect(table.takenAtSend(1)).toBe(false);
    expect([table.ordered(0, 7), table.ordered(0, 8), table.ordered(9, 0), table.ordered(8, 9), table.ordered(2, 7)]).toEqual([true, true, true, false, false]);
  });

  it('takes the requests at send where a change of operator starts the PVA with its reference, assumed never to change', () => {
    const fixed = (name: string) => fixedPvaBreaker(initialWorld(scenario(name)).model.cast);
    expect(fixed('t2-report-replay')).toBeUndefined();
    expect(fixed('t2-replay-after-delete')).toMatch(/takes no validation request where it starts/);
    const config = scenario('t2-report-replay');
    expect(worldSystem(config).assumed?.name).toBe('kept relays and receipt at send');
    // No world of the reduced search holds a validation request in flight; without the kept relays, some do.
    expectNoneInFlight(config, 'validationRequest');
  });

  it('breaks the assumption of a PVA that never changes at its first step that changes it, and only under it', () => {
    const world = initialWorld(scenario('t2-report-replay'));
    const model = world.model;
    const pvaTable = model.memos[model.roleIndex('pva')]!;
    const ready = localIdOf(world, model.roleIndex('pva'));
    const from = pvaTable.snapshot(ready);
    expect(from.value).toBe('Ready');
    expect(model.receipts.brokenBy).toBeUndefined();
    const to = { ...from, value: 'Unconfigured' } as typeof from;
    const table = new ReceiptTable(7, 0, [8], true);
    table.add({ kind: 'platformReference', from: 'supplier', to: 'pva', term: { kind: 'name', id: 'pfc' } }, 0, 7);
    // Under the assumption the PVA takes no reference: one that reached it would change it.
    expect(table.takenAtSend(0)).toBe(false);
    expect(table.brokenBy).toBeUndefined();
    table.changed(from, to);
    expect(table.brokenBy).toMatch(/^the PVA changes from .* to "Unconfigured"$/);
    const referenceMode = new ReceiptTable(7, 0, [8]);
    referenceMode.changed(from, to);
    expect(referenceMode.brokenBy).toBeUndefined();
    // Wired: the world's PVA table tells its receipts of a step that changes the PVA, here a second device's reference.
    pvaTable.next(ready, { type: 'platformReference', msg: platformReferenceTerm(deviceNames('dev2'), 'v1'), from: 'supplier' } as never);
    expect(model.receipts.brokenBy).toMatch(/^the PVA changes from "Ready" to "Ready"$/);
  });

  it('is read by no property: none names the PVA or the confirmations (the argument needs them unread)', () => {
    // The world's properties: the claims and the top-level ones (the catalogue is the text's counter-measures, the
    // threats' files are scenarios, alt3a another system's).
    const tsIn = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
    const root = new URL('../../../properties', import.meta.url).pathname;
    const files = [...tsIn(root), ...tsIn(join(root, 'claims'))];
    expect(files.length).toBeGreaterThan(30);
    expect(files.filter((f) => /\bpva\b|platformReference|validationRequest|selectionAck|noticed/i.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('breaks its assumption on the first platform reference to the PVA the attacker can inject', () => {
    const table = new ReceiptTable(7, 0, []);
    table.add({ kind: 'platformReference', from: 'supplier', to: 'pva', term: { kind: 'name', id: 'pfc' } }, 0, 7);
    table.add({ kind: 'validationRequest', from: 'sho1', to: 'pva', term: { kind: 'name', id: 'req' } }, 0, 7);
    table.add({ kind: 'platformReference', from: 'vno', to: 'pva', term: { kind: 'name', id: 'pfc' } }, 0, 7);
    expect(table.takenAtSend(0)).toBe(true);
    expect(table.takenAtSend(2)).toBe(false);
    table.checkInjectable([1]);
    expect(table.brokenBy).toBeUndefined();
    table.checkInjectable([1, 2]);
    expect(table.brokenBy).toMatch(/inject a platform reference to the PVA/);
    // Off: nothing is taken at send, and nothing breaks.
    const off = new ReceiptTable(-1, 0, []);
    off.add({ kind: 'platformReference', from: 'supplier', to: 'pva', term: { kind: 'name', id: 'pfc' } }, 0, 7);
    off.checkInjectable([0]);
    expect(off.takenAtSend(0)).toBe(false);
    expect(off.brokenBy).toBeUndefined();
  });

  it('takes the RO\'s confirmations of an SHO selection at send where no acknowledged notice, dishonest role or attacker reads them', () => {
    const confirmations = (name: string, patch: Partial<ScenarioInput> = {}) => {
      const model = initialWorld(scenario(name, patch)).model;
      return confirmationsAtSendBreaker(model.config, model.cast, model.attacker);
    };
    expect(confirmations('t2-report-replay')).toBeUndefined();
    expect(confirmations('t2-replay-after-delete')).toBeUndefined();
    expect(confirmations('t2-report-replay', { assumptions: { changeNotice: 'acknowledged' } })).toMatch(/acknowledged change notice/);
    expect(confirmations('t2-report-replay', { assumptions: { portalProtected: false } })).toMatch(/reads the confirmation/);
    expect(confirmations('t2-dishonest-ro-redirect')).toMatch(/a dishonest ro/);
    // No world of the reduced search holds one in flight; without the kept relays, some do.
    expectNoneInFlight(scenario('t2-report-replay'), 'selectionAck');
  });

  it('breaks the assumption when a confirmation taken at send is left in flight, and not for another message', () => {
    const table = new ReceiptTable(-1, 0, [], false, [5]);
    expect(table.on).toBe(true);
    table.add({ kind: 'selectionAck', from: 'ro', to: 'subscriber', term: { kind: 'name', id: 'ack' } }, 6, 5);
    table.add({ kind: 'selectionAck', from: 'ro', to: 'subscriber@dev2', term: { kind: 'name', id: 'ack' } }, 6, 9);
    table.add({ kind: 'shoSelection', from: 'subscriber', to: 'ro', term: { kind: 'name', id: 'sel' } }, 5, 6);
    expect([0, 1, 2].map((e) => table.takenAtSend(e))).toEqual([true, false, false]);
    expect(table.preserving(0)).toBe(true);
    table.leftInFlight(2);
    expect(table.brokenBy).toBeUndefined();
    table.leftInFlight(0);
    expect(table.brokenBy).toMatch(/refuses a selectionAck or is changed by it/);
    expect(new ReceiptTable(-1, 0, []).on).toBe(false);
  });
});
