// Step 13's failure report (assumption failureReport; models/roles/treChecks.ts failedProvisioning, tre.ts, sho.ts,
// registrationOperator.ts): the TRE reports, once per registration, an MCIM object of its registration that it
// cannot provision and keeps waiting; the DPF passes the failure on and keeps the download open; the SHO records a
// TRE-signed failure. Without the assumption nothing is reported. On the world: a TRE too full for the MCIM of a
// second change of operator reports it, and the SHO learns it (it never does without the assumption).
import { describe, expect, it } from 'vitest';
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { name, pk, sign, tuple, type Term } from '../../src/attacker/Term.ts';
import {
  bootTerm, bootstrapTerm, deviceNames, fail, initialCredentialsTerm, m2mSimMobj, mcimBlob, ok, pdpContextTerm, preprovisionTerm,
  provisioningAuthorisationTerm, provisioningReportTerm, provisioningStatusTerm, registrationNonce, type SendEvent,
} from '../../models/messages.ts';
import { resolveScenario, type ScenarioInput } from '../../models/flows/ScenarioConfig.ts';
import { registrationOperatorMachine } from '../../models/roles/registrationOperator.ts';
import { shoMachine, type ShoContext } from '../../models/roles/sho.ts';
import { treMachine, type TreContext } from '../../models/roles/tre.ts';
import { roleSnapshot, type World } from '../../models/world/World.ts';
import { worldSystem } from '../../models/world/worldSystem.ts';
import { shoSuccessMeansInstalled } from '../../properties/claims/ShoSuccessMeansInstalled.ts';
import { threatSuite } from '../../properties/threats/threatSuite.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { searchProperties } from '../../src/engine/searchProperties.ts';

const d = deviceNames('dev1');
const nonce1 = registrationNonce(d.pcid, 1);
const me = { device: d.pcid, key: d.platformKey };
const good = m2mSimMobj('sho1', d.pcid, nonce1, mcimBlob('sho1', nonce1, d.token, pk(d.platformKey)));
const badSigner = sign(name('sk:attacker'), tuple(name('M2MSIMMobj'), d.pcid, nonce1, mcimBlob('sho1', nonce1, d.token, pk(d.platformKey))));
const failed = provisioningStatusTerm(me, nonce1, 'sho1', fail);

function step(machine: AnyStateMachine, s: AnyMachineSnapshot, event: EventObject & { readonly msg: Term; readonly from: string }): [AnyMachineSnapshot, SendEvent[]] {
  const [next, actions] = transition(machine, s, event);
  return [next, (actions as readonly { type: string; params?: unknown }[]).filter((a) => a.type === 'xstate.emit').map((a) => (a.params as { event: SendEvent }).event)];
}

function registeredTre(failureReport: boolean): AnyMachineSnapshot {
  let s = initialTransition(treMachine, { off: [], blockFromInstalled: true, failureReport })[0];
  [s] = step(treMachine, s, { type: 'preprovision', msg: preprovisionTerm(d), from: 'supplier' });
  [s] = step(treMachine, s, { type: 'boot', msg: bootTerm(), from: 'm2me' });
  return step(treMachine, s, { type: 'bootstrap', msg: bootstrapTerm(d.pcid, d.kPin, 'sho1', pk(name('sk:ro'))), from: 'm2me' })[0];
}

describe('the TRE reports a failed provisioning (004 step 13)', () => {
  it('reports an object of its registration that does not verify, once, keeps waiting, then takes a good one', () => {
    const s = registeredTre(true);
    const [reported, sent] = step(treMachine, s, { type: 'mcimDownload', msg: badSigner, from: 'm2me' });
    expect(sent).toEqual([{ type: 'send', to: 'm2me', kind: 'provisioningStatus', term: failed }]);
    expect(reported.value).toEqual({ Trusted: 'AwaitingMcim' });
    expect((reported.context as TreContext).registry).toEqual([]);
    // Once per registration: a second bad object is not answered.
    expect(step(treMachine, reported, { type: 'mcimDownload', msg: badSigner, from: 'm2me' })[0]).toBe(reported);
    const [installed, okSent] = step(treMachine, reported, { type: 'mcimDownload', msg: good, from: 'm2me' });
    expect(okSent.map((e) => e.term)).toEqual([provisioningStatusTerm(me, nonce1, 'sho1', ok)]);
    expect((installed.context as TreContext).registry.map((e) => e.id)).toEqual(['mcim:sho1']);
  });

  it('does not answer an object of another registration, nor anything without the assumption', () => {
    const s = registeredTre(true);
    const other = m2mSimMobj('sho1', d.pcid, registrationNonce(d.pcid, 2), mcimBlob('sho1', nonce1, d.token, pk(d.platformKey)));
    expect(step(treMachine, s, { type: 'mcimDownload', msg: other, from: 'm2me' })[0]).toBe(s);
    const quiet = registeredTre(false);
    expect(step(treMachine, quiet, { type: 'mcimDownload', msg: badSigner, from: 'm2me' })[0]).toBe(quiet);
  });
});

describe('the DPF and the SHO on a failure report (004 step 14)', () => {
  it('the DPF passes the failure on and keeps the download open for the success that may follow', () => {
    let s = initialTransition(registrationOperatorMachine, { delayedActivation: false, failureReport: true })[0];
    [s] = step(registrationOperatorMachine, s, { type: 'initialCredentials', msg: initialCredentialsTerm(d), from: 'supplier' });
    [s] = step(registrationOperatorMachine, s, { type: 'pdpContext', msg: pdpContextTerm(d.pcid), from: 'vno' });
    [s] = step(registrationOperatorMachine, s, { type: 'provisioningAuthorisation', msg: provisioningAuthorisationTerm('sho1', d.pcid, good), from: 'sho1' });
    const [afterFail, sent] = step(registrationOperatorMachine, s, { type: 'provisioningStatus', msg: failed, from: 'm2me' });
    expect(sent).toEqual([{ type: 'send', to: 'sho1', kind: 'provisioningReport', term: provisioningReportTerm(d.pcid, failed) }]);
    expect(afterFail.value).toMatchObject({ DPF: 'Downloading' });
    const [afterOk] = step(registrationOperatorMachine, afterFail, { type: 'provisioningStatus', msg: provisioningStatusTerm(me, nonce1, 'sho1', ok), from: 'm2me' });
    expect(afterOk.value).toMatchObject({ DPF: 'Idle' });
  });

  it('the SHO records a TRE-signed failure for its registration, refuses one under another key, and still takes the success', () => {
    const authorised = (failureReport: boolean) => shoMachine.resolveState({
      value: 'Authorised',
      context: { ...(initialTransition(shoMachine, { id: 'sho1', failureReport })[0].context as ShoContext), device: d.pcid, token: d.token, nonce: nonce1, treKey: pk(d.platformKey) },
    });
    const report = (status: Term) => ({ type: 'provisioningReport', msg: provisioningReportTerm(d.pcid, status), from: 'ro' });
    const [recorded] = step(shoMachine, authorised(true), report(failed));
    expect(recorded.value).toBe('Authorised');
    expect((recorded.context as ShoContext).report).toBe('failure');
    const forged = sign(name('sk:attacker'), tuple(name('provisioned'), d.pcid, nonce1, name('sho1'), fail));
    const s = authorised(true);
    expect(step(shoMachine, s, report(forged))[0]).toBe(s);
    expect(step(shoMachine, recorded, report(provisioningStatusTerm(me, nonce1, 'sho1', ok)))[0].value).toBe('Serving');
    const quiet = authorised(false);
    expect(step(shoMachine, quiet, report(failed))[0]).toBe(quiet);
  });
});

describe('on the world: a TRE too full for the second change reports it', () => {
  const full: ScenarioInput = {
    name: 'capacity-2-failure-report', flow: 'change-via-old-sho', changeRequests: 2, treCapacity: 2,
    assumptions: { retiredDeletedAtCommit: false, failureReport: true },
  };
  const noFailureAtSho: Invariant<World> = {
    kind: 'invariant',
    id: propertyId('NoShoLearnsFailure'),
    description: 'test: no SHO holds a failure report',
    holds: (w) => ['sho1', 'sho2'].every((s) => (roleSnapshot(w, s as 'sho1').context as ShoContext).report !== 'failure'),
    explain: () => 'an SHO holds a failure report',
  };
  const search = (input: ScenarioInput) => {
    const r = resolveScenario(input);
    if (!r.ok) throw new Error(r.error.message);
    const config = r.config;
    return searchProperties(() => worldSystem(config), [noFailureAtSho]).verdicts[0]!.verdict;
  };

  it('the SHO whose MCIM does not fit learns it; without the assumption no SHO ever does', () => {
    const v = search(full);
    expect(v).toMatchObject({ kind: 'violated' });
    if (v.kind !== 'violated') return;
    // Labels carry a content id where two messages of a kind can be in flight (models/world/eventLabel.ts).
    expect(v.trace.actions.slice(-3).map((a) => a.split(' ').slice(0, 2).join(' '))).toEqual(['tre>m2me provisioningStatus', 'm2me>ro provisioningStatus', 'ro>sho1 provisioningReport']);
    expect(search({ ...full, assumptions: { retiredDeletedAtCommit: false } })).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});

describe('on the world: the network attacker\'s object reported as a failure (threat scenario t2-failure-report)', () => {
  const scenario = threatSuite.flatMap((t) => t.scenarios).find((s) => s.name === 't2-failure-report')!;
  const noFailureReported: Invariant<World> = {
    kind: 'invariant',
    id: propertyId('NoFailureReported'),
    description: 'test: the TRE reports no failed provisioning',
    holds: (w) => (roleSnapshot(w, 'tre').context as TreContext).failedFor === 0,
    explain: () => 'the TRE reported a failure',
  };

  it('the TRE reports the attacker\'s object as a failure (TRE-signed, for the SHO), and no SHO takes it for success', () => {
    const r = resolveScenario(scenario);
    if (!r.ok) throw new Error(r.error.message);
    const config = r.config;
    const [failure, success] = searchProperties(() => worldSystem(config), [noFailureReported, shoSuccessMeansInstalled]).verdicts.map((v) => v.verdict);
    expect(failure).toMatchObject({ kind: 'violated' });
    if (failure!.kind !== 'violated') return;
    // The attacker's own object for the TRE's registration, refused by the TRE and reported by it (the DPF passes
    // it on to the SHO: above).
    expect(failure!.trace.actions.some((a) => /^attacker>m2me mcimDownload/.test(a))).toBe(true);
    // Relayed by the host and taken by the TRE in one step (relay at receipt, models/world/relayAtReceipt.ts).
    expect(failure!.trace.actions.at(-1)).toMatch(/^attacker>m2me mcimDownload .*, relayed m2me>tre mcimDownload and taken$/);
    expect(success).toMatchObject({ kind: 'holds-exhaustively', complete: true });
  });
});
