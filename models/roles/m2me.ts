// The M2ME host platform (004 5.1.3.6): attaches, reaches the RO, and relays between the network and its
// TRE. It holds no secret: all security processing is the TRE's (5.1.2.4 [t2 cm3, t3 cm4]).
import { emit, assign, setup } from 'xstate';
import { attachRequestTerm, bootTerm, discoveryRequestTerm, out, userAuthTerm, type Delivery, type SendEvent } from '../messages.ts';
import type { Term } from '../../src/attacker/Term.ts';
import { fieldsOf, nameId } from '../readTerm.ts';
import { deviceRoleId, isShoId, type DeviceId, type RoleId, type ShoId } from '../roleIds.ts';
import { builtOnce } from './builtOnce.ts';

/** Access used for initial connectivity: 5.1.3.6.2 (3GPP, via the VNO) or 5.1.3.6.3 (non-3GPP ICSP). */
export type Access = '3gpp' | 'non3gpp-authenticated' | 'non3gpp-unauthenticated';

export interface M2meContext {
  readonly access: Access;
  /** The SHO whose MCIM gives operational connectivity, once provisioned. */
  readonly servingSho: ShoId | null;
  /** The PCID the TRE hands out at boot (5.1.2.2 "secure storage, retrieval, and use of the M2ME's PCID"). */
  readonly pcid: Term | null;
}

export interface M2meInput {
  readonly access: Access;
}

type M2meInbound =
  | 'powerOn' | 'ready' | 'resetDone' | 'authChallenge' | 'authResponse' | 'attachReject' | 'ipConnectivity'
  | 'bootstrap' | 'registrationRequest' | 'mcimDownload' | 'mcimActivation' | 'provisioningStatus'
  | 'reprovisionInstruction' | 'discardNotice' | 'discardAck' | 'provisionCommit' | 'treUpdate' | 'lifecycleCommand' | 'mcimUpdate'
  | 'userAuth' | 'interfaceResponse' | 'dmSessionOpen' | 'dmServerAuth' | 'userLifecycle';

export type M2meEvent = Delivery<M2meInbound>;

/** The SHO named at position `index` of a signed tuple; signatures leave the body readable (Term.ts). */
function signedSho(t: Term, index: number): ShoId | undefined {
  const body = t.kind === 'sign' ? t.body : undefined;
  const id = body?.kind === 'tuple' ? nameId(body.items[index]) : undefined;
  return id !== undefined && isShoId(id) ? id : undefined;
}

/** A TRE status reporting failure (step 13, `<provisioned, PCID, nonce, SHO, fail>`). */
function failedStatus(t: Term): boolean {
  const body = t.kind === 'sign' ? t.body : undefined;
  return body?.kind === 'tuple' && nameId(body.items[4]) === 'fail';
}

const accessPeer = (access: Access): RoleId => (access === '3gpp' ? 'vno' : 'icsp');

/** The M2ME host of `device`: it talks to its own TRE (`tre`, or `tre@dev2` for a second device). */
function buildM2meMachine(device: DeviceId) {
  const tre = deviceRoleId('tre', device);
  const owner = deviceRoleId('subscriber', device);
  return setup({
    types: {
      context: {} as M2meContext,
      events: {} as M2meEvent,
      emitted: {} as SendEvent,
      input: {} as M2meInput,
    },
    guards: {
      fromTre: ({ event }) => event.from === tre,
      fromNet: ({ event }) => event.from !== tre,
    },
    actions: {
      /** Relays a network message unchanged to the TRE (5.1.2.2: the TRE's interfaces, its own checks). */
      toTre: emit(({ event }) => out(tre, event.type, event.msg)),
      toRo: emit(({ event }) => out('ro', event.type, event.msg)),
    },
  }).createMachine({
    id: 'm2me',
    context: ({ input }) => ({ access: input.access, servingSho: null, pcid: null }),
    initial: 'Off',
    on: {
      // 5.1.2.2 [t6 cm4] authorised remote update and 5.1.2.4 [t7 cm1] lifecycle instructions reach the TRE
      // through the host, whatever the host is doing.
      treUpdate: { guard: 'fromNet', actions: 'toTre' },
      lifecycleCommand: { guard: 'fromNet', actions: 'toTre' },
      // 5.1.2.3 MCIM updates [t7 cm7], downloaded by the DPF (5.1.3.4.3), likewise.
      mcimUpdate: { guard: 'fromNet', actions: 'toTre' },
      // The subscriber's own lifecycle command (scenario `userLifecycle`, 003 t7 cm3) passes from the device to the TRE.
      userLifecycle: { guard: ({ event }) => event.from === owner, actions: 'toTre' },
      // A user credential from the network reaches the TRE marked as remote by the host [t10 cm7]; one the user
      // entered at the device's keypad passes to the TRE as it came, over the host interface [t10 cm5].
      userAuth: [
        { guard: ({ event }) => event.from === owner && fieldsOf(event.msg, 'userAuth', 2) !== undefined, actions: 'toTre' },
        {
          guard: ({ event }) => event.from !== tre && fieldsOf(event.msg, 'userAuth', 2) !== undefined,
          actions: emit(({ event }) => out(tre, 'userAuth', userAuthTerm(fieldsOf(event.msg, 'userAuth', 2)![0]!, 'remote'))),
        },
      ],
      // What the TRE's key-management interface answers a caller on the host ([t4 cm2] off) stays in host memory.
      interfaceResponse: { guard: 'fromTre' },
      // The OMA DM session of steps 10-14 (assumption omaDmSession): the host carries it between its TRE (the DM
      // client's security, 5.1.2.4 [t2 cm3]) and the RO (DPF), over the connectivity it has.
      dmSessionOpen: { guard: 'fromTre', actions: 'toRo' },
      dmServerAuth: { guard: 'fromNet', actions: 'toTre' },
    },
    states: {
      Off: {
        on: {
          // The subscriber switches the equipment on (x.1); secure boot of the TRE first (5.1.2.3).
          powerOn: { target: 'Booting', actions: emit(() => out(tre, 'boot', bootTerm())) },
        },
      },
      Booting: {
        on: {
          // 004 5.1.3.6.2 step 1 "In the attach message the M2ME sends a Provisional Connectivity ID (PCID) to the
          // VNO"; 5.1.3.6.3 the non-3GPP ICSP instead.
          ready: {
            guard: ({ event }) => event.from === tre && fieldsOf(event.msg, 'ready', 1) !== undefined,
            target: 'Attaching',
            actions: [
              assign(({ event }) => ({ pcid: fieldsOf(event.msg, 'ready', 1)![0]! })),
              emit(({ context }) => out(accessPeer(context.access), 'attachRequest', attachRequestTerm(context.pcid!))),
            ],
          },
        },
      },
      Attaching: {
        on: {
          // Step 3 / 001 step 5: the challenge is answered by the TRE, which holds the initial credential.
          authChallenge: { guard: 'fromNet', actions: 'toTre' },
          authResponse: { guard: 'fromTre', actions: emit(({ context, event }) => out(accessPeer(context.access), 'authResponse', event.msg)) },
          // x.1: the RO refused AVs for a subscription not yet activated; the attach fails.
          attachReject: { target: 'Off' },
          // Step 4 "the VNO provides IP connectivity ... to reach the RO (DRF)"; step 5 the M2ME connects to the RO.
          ipConnectivity: {
            target: 'Connected',
            actions: emit(({ context }) => out('ro', 'discoveryRequest', discoveryRequestTerm(context.pcid!))),
          },
        },
      },
      Connected: {
        on: {
          // x.2.2 OMA DM bootstrap from the DRF (step 6), authenticated in the TRE.
          bootstrap: { guard: 'fromNet', actions: 'toTre' },
          // Step 7: the TRE's registration goes to the RO, which registers the M2ME at the SHO.
          registrationRequest: { guard: 'fromTre', actions: 'toRo' },
          // Step 12 "The RO (DPF) downloads a MCIM object to the M2ME".
          mcimDownload: { guard: 'fromNet', actions: 'toTre' },
          // Step 13 "reports the success/failure status of the provisioning to the RO (DPF)"; the MCIM now
          // gives operational connectivity with the SHO.
          provisioningStatus: [
            // A failure status (assumption failureReport) goes to the RO (DPF); the M2ME has no operational connectivity.
            { guard: ({ event }) => event.from === tre && failedStatus(event.msg), actions: 'toRo' },
            {
              guard: 'fromTre',
              target: 'Operational',
              actions: ['toRo', assign(({ event }) => ({ servingSho: signedSho(event.msg, 3) ?? null }))],
            },
          ],
        },
      },
      Operational: {
        on: {
          // 5.1.3.7.4.2 step 2 / 5.1.3.7.4.3 step 2: the subscriber's instruction, checked by the TRE.
          reprovisionInstruction: { guard: 'fromNet', actions: 'toTre' },
          // 5.1.3.7.4.2: everything below runs over the old SHO's connectivity.
          registrationRequest: { guard: 'fromTre', actions: 'toRo' },
          mcimDownload: { guard: 'fromNet', actions: 'toTre' },
          mcimActivation: { guard: 'fromNet', actions: 'toTre' },
          // Step 9 "The M2ME sends a message to the old SHO": the TRE's notice names the old SHO.
          discardNotice: {
            guard: ({ event }) => event.from === tre && signedSho(event.msg, 2) !== undefined,
            actions: emit(({ event }) => out(signedSho(event.msg, 2)!, 'discardNotice', event.msg)),
          },
          // Step 11 "The M2ME sends the acknowledgment message to the RO (DPF)".
          discardAck: { guard: 'fromNet', actions: 'toRo' },
          // Step 12 the DPF's commit.
          provisionCommit: { guard: 'fromNet', actions: 'toTre' },
          // Step 12/13: provisioned; the new SHO now serves the M2ME.
          provisioningStatus: [
            { guard: ({ event }) => event.from === tre && failedStatus(event.msg), actions: 'toRo' },
            { guard: 'fromTre', actions: ['toRo', assign(({ event }) => ({ servingSho: signedSho(event.msg, 3) ?? null }))] },
          ],
          // 5.1.3.7.4.3 step 3-4: the TRE is back to the pristine state; proceed as in 5.1.3.6 (boot, attach).
          resetDone: {
            guard: 'fromTre',
            target: 'Booting',
            actions: [assign({ servingSho: null }), emit(() => out(tre, 'boot', bootTerm()))],
          },
        },
      },
    },
  });
}

/** The M2ME machine of `device` (one per device, built once). */
export const m2meMachineFor = builtOnce(buildM2meMachine);

/** dev1's M2ME, the victim's. */
export const m2meMachine = m2meMachineFor('dev1');

/** Kinds the host relays from the network to its TRE whatever its state: the machine's top-level handlers above,
 *  which no state node overrides, and whose relay reads the message alone (unchanged, or for `userAuth` marked
 *  remote). The world's relay-at-receipt reduction rests on this (models/world/relayAtReceipt.ts); the relays that
 *  only some states make (bootstrap, mcimDownload, authChallenge...) are not listed. Checked in every state node by
 *  test/models/m2meRelays.test.ts. */
export const relayedInEveryState: readonly M2meInbound[] = ['lifecycleCommand', 'treUpdate', 'mcimUpdate', 'userAuth', 'dmServerAuth'];

/** Kinds the host relays unchanged to its TRE (`fromNet`, `toTre`: they read the message alone) in some state nodes
 *  only: Connected and Operational, or Operational alone. The host leaves Operational only when its TRE reports a
 *  reset (`resetDone`, the change via the pristine state); the world moves these relays like the ones above for as
 *  long as its search finds the host never leaving a state that makes one for one that does not
 *  (models/world/relayAtReceipt.ts). Checked against the definitions by test/models/m2meRelays.test.ts. */
export const relayedOnceConnected: readonly M2meInbound[] = ['mcimDownload', 'mcimActivation', 'provisionCommit', 'reprovisionInstruction'];
