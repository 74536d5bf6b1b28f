// The cast of a scenario: every role's machine, its initial snapshot and the local actions the scenario
// enables. Initial provisioning starts from factory-fresh roles; a change of operator starts from an M2ME
// provisioned for the old SHO, with the old MCIM in session (it carries the connectivity of 5.1.3.7.4.2).
import { initialTransition, transition, type AnyMachineSnapshot, type AnyStateMachine, type EventObject } from 'xstate';
import { pk } from '../../src/attacker/Term.ts';
import {
  bootTerm, deviceNames, initialCredentialsTerm, keypadEntryTerm, m2mSimMobj, mcimBlob, platformCredential, preprovisionTerm, registrationNonce, registrationTerm,
} from '../messages.ts';
import { deviceRoleId, playedRole, roleIds, shoIds, type BaseRoleId, type DeviceId, type RoleId, type ShoId } from '../roleIds.ts';
import { deviceAddressing, honestDevices } from '../deviceAddressing.ts';
import { equipmentSupplierMachine, equipmentSupplierMachineFor } from '../roles/equipmentSupplier.ts';
import { m2meMachine, m2meMachineFor } from '../roles/m2me.ts';
import { non3gppIcspMachine, non3gppIcspMachineFor, type IcspMode } from '../roles/non3gppIcsp.ts';
import { pvaMachine, pvaMachineFor } from '../roles/pva.ts';
import { registrationOperatorMachine, registrationOperatorMachineFor } from '../roles/registrationOperator.ts';
import { shoMachine, shoMachineFor } from '../roles/sho.ts';
import { subscriberLocalEvents, subscriberMachine, subscriberMachineFor, type SubscriberInput } from '../roles/subscriber.ts';
import { treMachine, treMachineFor, type TreContext } from '../roles/tre.ts';
import { mcimEntryFor, sortById } from '../roles/treRegistry.ts';
import { vnoMachine, vnoMachineFor } from '../roles/vno.ts';
import { secondDeviceSho, type ScenarioConfig } from './ScenarioConfig.ts';
import { isOn } from '../counterMeasures/switches.ts';

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
  // A second device's subscriber and TRE act as dev1's do; its M2ME has no local events either.
  switch (playedRole(id)) {
    case 'supplier':
      return [{ type: 'MANUFACTURE' }, ...(config.lifecycleActions ? [{ type: 'ISSUE_UPDATE' }] : [])];
    case 'subscriber':
      return [...subscriberLocalEvents.map((type) => ({ type })), ...(config.userPinEntry ? [{ type: 'ENTER_PIN' }] : []),
        ...(config.userLifecycle ? [{ type: 'USER_DELETE' }] : [])];
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
  next: change !== null && config.changeRequests > 1 ? config.oldSho : null,
  // What the keypad sends for the user's entry: with [t10 cm5] its tunnelled entry 1, else the PIN itself.
  userLifecycle: config.userLifecycle,
  pinEntry: !config.userPinEntry ? null : isOn(config.off, 't10.cm5') ? keypadEntryTerm(victim.pcid, victim.userPin, 1) : victim.userPin,
});
const treInput = (config: ScenarioConfig) => ({
  off: config.off, blockFromInstalled: config.assumptions.blockFromInstalled,
  userGate: config.userGate,
  storage: { capacity: config.treCapacity, whenFull: config.assumptions.storageFull, retiredDeletedAtCommit: config.assumptions.retiredDeletedAtCommit },
});

function factorySnapshots(config: ScenarioConfig): Record<BaseRoleId, AnyMachineSnapshot> {
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

function provisionedSnapshots(config: ScenarioConfig): Record<BaseRoleId, AnyMachineSnapshot> {
  // Non-null: resolveScenario gives every change of operator an old SHO.
  return inServiceSnapshots(config, config.oldSho!, 'Selected');
}

/** dev1 in service with `serving`'s MCIM (in `state`) after an earlier provisioning (registration 1): the start of a
 *  change of operator, and of a several-device scenario where dev1 is already in service (`dev1InService`). */
function inServiceSnapshots(config: ScenarioConfig, serving: ShoId, state: 'Selected' | 'Activated'): Record<BaseRoleId, AnyMachineSnapshot> {
  const base = factorySnapshots(config);
  const tre = bootedTre(config);
  // The serving SHO's MCIM object of the earlier provisioning (registration 1), as the TRE installed and the SHO issued it.
  const servedObject = m2mSimMobj(serving, victim.pcid, registrationNonce(victim.pcid, 1), mcimBlob(serving, registrationNonce(victim.pcid, 1), victim.token, pk(victim.platformKey)));
  const servedRegistration = registrationTerm({ device: victim.pcid, key: victim.platformKey }, registrationNonce(victim.pcid, 1), serving, 'v1', platformCredential(victim, 'v1'));
  const treContext: TreContext = {
    ...(tre.context as TreContext),
    registry: sortById([
      mcimEntryFor(serving, state),
      ...(config.bothMcimsPresent ? [mcimEntryFor(config.sho, 'Installed')] : []),
    ]),
    noncesUsed: 1,
    installs: [servedObject],
  };
  const initialCreds = initialCredentialsTerm(victim);
  const credItems = initialCreds.kind === 'tuple' ? initialCreds.items : [];
  const supplied = { pcid: victim.pcid, token: victim.token, noticed: false };
  const snaps: Record<BaseRoleId, AnyMachineSnapshot> = {
    ...base,
    // dev1InService: the supplier has yet to make the other devices (castFor gives it those alone).
    supplier: config.dev1InService ? base.supplier : equipmentSupplierMachine.resolveState({ value: 'Manufactured', context: undefined }),
    subscriber: resolved(
      subscriberMachine,
      subscriberInput(config, false, config.dev1InService ? null : config.flow === 'change-via-pristine' ? 'pristine' : 'via-old-sho'),
      'Using',
      supplied,
    ),
    m2me: resolved(m2meMachine, { access: config.access }, 'Operational', { servingSho: serving, pcid: victim.pcid }),
    tre: treMachine.resolveState({ value: tre.value, context: treContext }),
    vno: config.access === '3gpp' ? vnoMachine.resolveState({ value: 'Attached', context: { xres: null, pcid: null } }) : base.vno,
    icsp: config.access === '3gpp' ? base.icsp : resolved(non3gppIcspMachine, { mode: icspModeOf(config) }, 'Connected', {}),
    ro: resolved(registrationOperatorMachine, { delayedActivation: false }, { ICF: 'Active', DRF: 'Idle', DPF: 'Idle' }, {
      devices: [{ pcid: credItems[1]!, kInit: credItems[2]!, kPin: credItems[3]!, connected: false, directory: serving }],
      avsIssued: icspModeOf(config) === 'authenticated' ? 1 : 0,
    }),
    // With other devices to come, the PVA waits for their PfCs too (5.1.3.5.8 "in advance"; pva.ts).
    pva: resolved(pvaMachine, { off: config.off }, config.devices > 1 ? 'Unconfigured' : 'Ready', { references: [platformCredential(victim, 'v1')] }),
  };
  snaps[serving] = resolved(shoMachine, { id: serving, off: config.off }, 'Serving', {
    device: victim.pcid, token: victim.token, nonce: registrationNonce(victim.pcid, 1), treKey: pk(victim.platformKey), report: 'success',
    registration: servedRegistration, issued: [{ object: servedObject, token: victim.token, registration: servedRegistration }],
  });
  // Both-present: the new SHO provisioned its MCIM into this device earlier, so it knows the device.
  if (config.sho !== serving) snaps[config.sho] = resolved(shoMachine, { id: config.sho, off: config.off }, 'NoContract', {
    preinstalled: config.bothMcimsPresent, device: config.bothMcimsPresent ? victim.pcid : null,
  });
  return snaps;
}

/** The factory-fresh subscriber, M2ME and TRE of a device other than dev1 (initial flows only: ScenarioConfig). */
function secondDevice(config: ScenarioConfig, device: DeviceId): CastMember[] {
  const input: SubscriberInput = {
    sho: secondDeviceSho(config), delayedActivation: false, change: null, notice: config.assumptions.changeNotice, next: null, pinEntry: null, userLifecycle: false,
  };
  const members: [RoleId, AnyStateMachine, unknown][] = [
    [deviceRoleId('subscriber', device), subscriberMachineFor(device), input],
    [deviceRoleId('m2me', device), m2meMachineFor(device), { access: config.access }],
    [deviceRoleId('tre', device), treMachineFor(device), treInput(config)],
  ];
  return members.map(([id, machine, roleInput]) => ({ id, machine, initial: fresh(machine, roleInput), localEvents: localEventsOf(id, config) }));
}

/** `snapshot` as a snapshot of `machine` (the snapshots above are made with dev1's machines; a world of more devices
 *  steps the operators' machines that address each of them). */
function ownSnapshot(machine: AnyStateMachine, snapshot: AnyMachineSnapshot): AnyMachineSnapshot {
  return snapshot.machine === machine ? snapshot : machine.resolveState({ value: snapshot.value as never, context: snapshot.context });
}

/** The roles of `config`'s world, in `allRoleIds` order: those of `roleIds`, then each further device's. */
export function castFor(config: ScenarioConfig): Cast {
  const change = config.flow === 'change-via-old-sho' || config.flow === 'change-via-pristine';
  const devices = honestDevices(config.devices);
  const addressing = deviceAddressing(devices);
  const snaps = change ? provisionedSnapshots(config) : config.dev1InService ? inServiceSnapshots(config, config.sho, 'Activated') : factorySnapshots(config);
  // dev1 in service: the supplier has still to make the other devices.
  const manufactured = config.dev1InService ? devices.filter((d) => d !== 'dev1') : devices;
  // The operators serve every honest device; in a one-device world these are the machines of dev1 alone.
  const machines: Record<BaseRoleId, AnyStateMachine> = {
    supplier: equipmentSupplierMachineFor(manufactured), subscriber: subscriberMachine, m2me: m2meMachine, tre: treMachine,
    vno: vnoMachineFor(addressing), icsp: non3gppIcspMachineFor(addressing), ro: registrationOperatorMachineFor(addressing), pva: pvaMachineFor(devices.length),
    sho1: shoMachineFor(addressing), sho2: shoMachineFor(addressing),
  };
  return [
    ...roleIds.map((id) => ({ id, machine: machines[id], initial: ownSnapshot(machines[id], snaps[id]), localEvents: localEventsOf(id, config) })),
    ...devices.filter((d) => d !== 'dev1').flatMap((d) => secondDevice(config, d)),
  ];
}
