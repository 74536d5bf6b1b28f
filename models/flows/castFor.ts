// The cast of a scenario: every role's machine, its initial snapshot and the local actions the scenario
// enables. Initial provisioning starts from factory-fresh roles; a change of operator starts from an M2ME
// provisioned for the old SHO, with the old MCIM in session (it carries the connectivity of 5.1.3.7.4.2).
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { pk } from '../../src/attacker/Term.ts';
import {
  bootTerm, deviceNames, initialCredentialsTerm, m2mSimMobj, mcimBlob, platformCredential, preprovisionTerm, registrationNonce, registrationTerm,
} from '../messages.ts';
import { roleIds, shoIds, type RoleId } from '../roleIds.ts';
import { equipmentSupplierMachine } from '../roles/equipmentSupplier.ts';
import { m2meMachine } from '../roles/m2me.ts';
import { non3gppIcspMachine, type IcspMode } from '../roles/non3gppIcsp.ts';
import { pvaMachine } from '../roles/pva.ts';
import { registrationOperatorMachine } from '../roles/registrationOperator.ts';
import { shoMachine } from '../roles/sho.ts';
import { subscriberLocalEvents, subscriberMachine, type SubscriberInput } from '../roles/subscriber.ts';
import { treMachine, type TreContext } from '../roles/tre.ts';
import { mcimEntryFor, sortById } from '../roles/treRegistry.ts';
import { vnoMachine } from '../roles/vno.ts';
import type { ScenarioConfig } from './ScenarioConfig.ts';

export interface CastMember {
  readonly id: RoleId;
  readonly machine: AnyStateMachine;
  readonly initial: AnyMachineSnapshot;
  /** Local actions (user and operator decisions, lifecycle and fault events), in a fixed order. */
  readonly localEvents: readonly EventObject[];
}

export type Cast = readonly CastMember[];

const mcimIds = shoIds.map((s) => `mcim:${s}`);
const victim = deviceNames('dev1');

const has = (config: ScenarioConfig, c: ScenarioConfig['attacker']['capabilities'][number]): boolean => config.attacker.capabilities.includes(c);

function localEventsOf(id: RoleId, config: ScenarioConfig): EventObject[] {
  const faults = has(config, 't11.faults');
  switch (id) {
    case 'supplier':
      return [{ type: 'MANUFACTURE' }, ...(config.lifecycleActions ? [{ type: 'ISSUE_UPDATE' }] : [])];
    case 'subscriber':
      return subscriberLocalEvents.map((type) => ({ type }));
    case 'tre':
      return [
        ...(config.lifecycleActions || faults ? [{ type: 'RESET' }] : []),
        ...(config.lifecycleActions ? mcimIds.flatMap((mcim) => [{ type: 'SESSION_START', mcim }, { type: 'SESSION_END', mcim }]) : []),
        ...(config.faults.tamper || has(config, 't4.tamper') ? [{ type: 'TAMPER_DETECTED' }] : []),
        ...(config.faults.corruptMcim || faults ? mcimIds.map((mcim) => ({ type: 'CORRUPT_MCIM', mcim })) : []),
        ...(config.faults.eraseMcim ? mcimIds.map((mcim) => ({ type: 'ERASE_MCIM', mcim })) : []),
      ];
    case 'sho1':
    case 'sho2':
      return config.shoCommands.map((event) => ({ type: 'COMMAND', event }));
    default:
      return [];
  }
}

/** 5.1.3.6.3: the non-3GPP ICSP authenticates (with AVs from the ICF) unless the scenario says otherwise. */
function icspModeOf(config: ScenarioConfig): IcspMode {
  return config.access === 'non3gpp-unauthenticated' ? 'unauthenticated' : 'authenticated';
}

function fresh(machine: AnyStateMachine, input?: unknown): AnyMachineSnapshot {
  return initialTransition(machine, input)[0];
}

function resolved(machine: AnyStateMachine, input: unknown, value: unknown, patch: object): AnyMachineSnapshot {
  const base = fresh(machine, input);
  return machine.resolveState({ value: value as never, context: { ...base.context, ...patch } });
}

const subscriberInput = (config: ScenarioConfig, delayedActivation: boolean, change: SubscriberInput['change']): SubscriberInput => ({
  sho: config.sho, delayedActivation, change, notice: config.assumptions.changeNotice,
});
const treInput = (config: ScenarioConfig) => ({ off: config.off, blockFromInstalled: config.assumptions.blockFromInstalled });

function factorySnapshots(config: ScenarioConfig): Record<RoleId, AnyMachineSnapshot> {
  return {
    supplier: fresh(equipmentSupplierMachine),
    subscriber: fresh(subscriberMachine, subscriberInput(config, config.delayedActivation, null)),
    m2me: fresh(m2meMachine, { access: config.access }),
    tre: fresh(treMachine, treInput(config)),
    vno: fresh(vnoMachine),
    icsp: fresh(non3gppIcspMachine, { mode: icspModeOf(config) }),
    ro: fresh(registrationOperatorMachine, { delayedActivation: config.delayedActivation }),
    pva: fresh(pvaMachine, { off: config.off }),
    sho1: fresh(shoMachine, { id: 'sho1', off: config.off }),
    sho2: fresh(shoMachine, { id: 'sho2', off: config.off }),
  };
}

/** The TRE after manufacture and secure boot, derived by the TRE machine itself. */
function bootedTre(config: ScenarioConfig): AnyMachineSnapshot {
  const blank = fresh(treMachine, treInput(config));
  const [made] = transition(treMachine, blank, { type: 'preprovision', msg: preprovisionTerm(victim), from: 'supplier' });
  const [booted] = transition(treMachine, made, { type: 'boot', msg: bootTerm(), from: 'm2me' });
  return booted;
}

function provisionedSnapshots(config: ScenarioConfig): Record<RoleId, AnyMachineSnapshot> {
  // Non-null: resolveScenario gives every change of operator an old SHO.
  const oldSho = config.oldSho!;
  const base = factorySnapshots(config);
  const tre = bootedTre(config);
  // The old SHO's MCIM object of the earlier provisioning (registration 1), as the TRE installed and the SHO issued it.
  const oldObject = m2mSimMobj(oldSho, victim.pcid, registrationNonce(victim.pcid, 1), mcimBlob(oldSho, registrationNonce(victim.pcid, 1), victim.token, pk(victim.platformKey)));
  const oldRegistration = registrationTerm({ device: victim.pcid, key: victim.platformKey }, registrationNonce(victim.pcid, 1), oldSho, 'v1', platformCredential(victim, 'v1'));
  const treContext: TreContext = {
    ...(tre.context as TreContext),
    registry: sortById([
      mcimEntryFor(oldSho, 'Selected'),
      ...(config.bothMcimsPresent ? [mcimEntryFor(config.sho, 'Installed')] : []),
    ]),
    noncesUsed: 1,
    installs: [oldObject],
  };
  const initialCreds = initialCredentialsTerm(victim);
  const credItems = initialCreds.kind === 'tuple' ? initialCreds.items : [];
  const supplied = { pcid: victim.pcid, token: victim.token, noticed: false };
  const snaps: Record<RoleId, AnyMachineSnapshot> = {
    ...base,
    supplier: equipmentSupplierMachine.resolveState({ value: 'Manufactured', context: undefined }),
    subscriber: resolved(subscriberMachine, subscriberInput(config, false, null), 'Using', {
      ...supplied, change: config.flow === 'change-via-pristine' ? 'pristine' : 'via-old-sho',
    }),
    m2me: resolved(m2meMachine, { access: config.access }, 'Operational', { servingSho: oldSho, pcid: victim.pcid }),
    tre: treMachine.resolveState({ value: tre.value, context: treContext }),
    vno: config.access === '3gpp' ? vnoMachine.resolveState({ value: 'Attached', context: { xres: null, pcid: null } }) : base.vno,
    icsp: config.access === '3gpp' ? base.icsp : resolved(non3gppIcspMachine, { mode: icspModeOf(config) }, 'Connected', {}),
    ro: resolved(registrationOperatorMachine, { delayedActivation: false }, { ICF: 'Active', DRF: 'Idle', DPF: 'Idle' }, {
      devices: [{ pcid: credItems[1]!, kInit: credItems[2]!, kPin: credItems[3]!, connected: false, directory: oldSho }],
      avsIssued: icspModeOf(config) === 'authenticated' ? 1 : 0,
    }),
    pva: resolved(pvaMachine, { off: config.off }, 'Ready', { references: [platformCredential(victim, 'v1')] }),
  };
  snaps[oldSho] = resolved(shoMachine, { id: oldSho, off: config.off }, 'Serving', {
    device: victim.pcid, token: victim.token, nonce: registrationNonce(victim.pcid, 1), treKey: pk(victim.platformKey), report: 'success',
    registration: oldRegistration, issued: [{ object: oldObject, token: victim.token, registration: oldRegistration }],
  });
  // Both-present: the new SHO provisioned its MCIM into this device earlier, so it knows the device.
  snaps[config.sho] = resolved(shoMachine, { id: config.sho, off: config.off }, 'NoContract', {
    preinstalled: config.bothMcimsPresent, device: config.bothMcimsPresent ? victim.pcid : null,
  });
  return snaps;
}

/** The roles of `config`'s world, in `roleIds` order. */
export function castFor(config: ScenarioConfig): Cast {
  const change = config.flow === 'change-via-old-sho' || config.flow === 'change-via-pristine';
  const snaps = change ? provisionedSnapshots(config) : factorySnapshots(config);
  const machines: Record<RoleId, AnyStateMachine> = {
    supplier: equipmentSupplierMachine, subscriber: subscriberMachine, m2me: m2meMachine, tre: treMachine,
    vno: vnoMachine, icsp: non3gppIcspMachine, ro: registrationOperatorMachine, pva: pvaMachine,
    sho1: shoMachine, sho2: shoMachine,
  };
  return roleIds.map((id) => ({ id, machine: machines[id], initial: snaps[id], localEvents: localEventsOf(id, config) }));
}
