// The M2ME subscriber (004 5.1.3.5.2): selects the SHO and hands it the equipment parameters, switches the
// M2ME on (announcing it first under delayed activation, Annex x.1), and drives a change of operator (5.1.3.7).
import { assign, emit, enqueueActions, setup } from 'xstate';
import type { Term } from '../../src/attacker/Term.ts';
import { fieldsOf } from '../readTerm.ts';
import {
  activationNoticeTerm, contractTerm, out, powerOnTerm, reprovisionInstructionTerm, shoSelectionTerm, userAuthTerm, userLifecycleTerm,
  type Delivery, type ReprovisionMode, type SendEvent,
} from '../messages.ts';
import { deviceRoleId, type DeviceId, type ShoId } from '../roleIds.ts';
import { builtOnce } from './builtOnce.ts';

/** How the DRF learns the new SHO in a change of operator (an assumption: 5.1.3.7.4.3 has no such step,
 *  5.1.3.5.2 makes informing the RO optional, 5.1.3.7.2 leaves the coordinator FFS): `unordered`, a notice that
 *  races the M2ME's new discovery; `acknowledged`, the subscriber instructs the M2ME only after the RO confirmed
 *  the notice; `none`, no notice (the DRF answers from its directory). */
export type ChangeNotice = 'unordered' | 'acknowledged' | 'none';

export interface SubscriberInput {
  /** The SHO chosen (the new SHO in a change of operator). */
  readonly sho: ShoId;
  readonly delayedActivation: boolean;
  /** How a change of operator proceeds, or null when the scenario has none. */
  readonly change: ReprovisionMode | null;
  readonly notice: ChangeNotice;
  /** The SHO of a second change-of-operator request, made at any time after the first instruction (scenario
   *  `changeRequests`), or null. */
  readonly next: ShoId | null;
  /** What the keypad sends when the user enters its credential at the device (scenario `userPinEntry`: the PIN, or
   *  with [t10 cm5] its tunnelled entry), or null when the scenario has no such entry. */
  readonly pinEntry: Term | null;
  /** Scenario `userLifecycle`: the subscriber may send its own DELETE for its SHO's MCIM, once. */
  readonly userLifecycle: boolean;
}

export interface SubscriberContext extends SubscriberInput {
  /** The equipment parameters that came with the M2ME (5.1.3.3.4; x.2.3 device token). */
  readonly pcid: Term | null;
  readonly token: Term | null;
  /** The RO confirmed the change notice (`acknowledged`); kept only under that assumption, the one that reads it, so
   *  that elsewhere the confirmation changes nothing (docs/engine.md "Receipt at send"). */
  readonly noticed: boolean;
  /** Ghost (read by properties only): every instruction the subscriber gave its M2ME, as sent. */
  readonly instructed: readonly Term[];
  /** The user has entered its credential at the device (once: a bound of the model). */
  readonly pinEntered: boolean;
  /** The subscriber sent its own lifecycle command (once: a bound of the model). */
  readonly commanded: boolean;
}

export type SubscriberEvent =
  | Delivery<'supply' | 'activationAck' | 'selectionAck'>
  | { readonly type: 'SELECT_SHO' }
  | { readonly type: 'NOTIFY_SWITCH_ON' }
  | { readonly type: 'SWITCH_ON' }
  | { readonly type: 'CHANGE_OPERATOR' }
  | { readonly type: 'INSTRUCT_REPROVISION' }
  | { readonly type: 'ENTER_PIN' }
  | { readonly type: 'USER_DELETE' };

export const subscriberLocalEvents = ['SELECT_SHO', 'NOTIFY_SWITCH_ON', 'SWITCH_ON', 'CHANGE_OPERATOR', 'INSTRUCT_REPROVISION'] as const;

/** 5.1.3.7.4.2 / 5.1.3.7.4.3 step 2: the instruction, authenticated with the device token. */
const instructionOf = (context: SubscriberContext): Term =>
  reprovisionInstructionTerm(context.pcid!, context.token!, context.sho, context.change ?? 'via-old-sho');

/** The owner of `device`: it switches on and instructs its own M2ME (`m2me`, or `m2me@dev2`). */
function buildSubscriberMachine(device: DeviceId) {
  const m2me = deviceRoleId('m2me', device);
  return setup({
    types: {
      context: {} as SubscriberContext,
      events: {} as SubscriberEvent,
      emitted: {} as SendEvent,
      input: {} as SubscriberInput,
    },
    actions: {
      /** The equipment parameters (PCID, device token) go to the chosen SHO (5.1.3.5.2). */
      contractWithSho: emit(({ context }) => out(context.sho, 'contract', contractTerm(context.pcid!, context.token!))),
      /** The RO's DRF learns which SHO to send the M2ME to (5.1.3.5.2 "Inform the RO"). */
      informRo: emit(({ context }) => out('ro', 'shoSelection', shoSelectionTerm(context.pcid!, context.sho))),
    },
  }).createMachine({
    id: 'subscriber',
    context: ({ input }) => ({ ...input, pcid: null, token: null, noticed: false, instructed: [], pinEntered: false, commanded: false }),
    initial: 'AwaitingEquipment',
    on: {
      // 003 t10 cm10 "a TRE should force authentication of the M2ME U/S": the user enters its credential at the
      // device's keypad (scenario `userPinEntry`), which the host passes to the TRE [t10 cm5]. Once, with the device.
      ENTER_PIN: {
        guard: ({ context }) => context.pinEntry !== null && context.pcid !== null && !context.pinEntered,
        actions: [emit(({ context }) => out(m2me, 'userAuth', userAuthTerm(context.pinEntry!, 'local'))), assign({ pinEntered: true })],
      },
      // 003 t7 cm3: the user asks its TRE to delete its SHO's MCIM itself, authenticated with the device token (x.2.3) as
      // its instructions are; "a control the user should not be able to over-ride" (scenario `userLifecycle`).
      USER_DELETE: {
        guard: ({ context }) => context.userLifecycle && context.pcid !== null && !context.commanded,
        actions: [
          emit(({ context }) => out(m2me, 'userLifecycle', userLifecycleTerm(context.pcid!, context.token!, `mcim:${context.sho}`, 'DELETE'))),
          assign({ commanded: true }),
        ],
      },
      // The portal's confirmation of a notice; only the `acknowledged` assumption waits for it.
      selectionAck: { actions: assign(({ context }) => ({ noticed: context.notice === 'acknowledged' })) },
    },
    states: {
      AwaitingEquipment: {
        // 5.1.3.3.4 M2ME supply service; x.2.3 the device token comes with the M2ME.
        on: {
          supply: {
            guard: ({ event }) => fieldsOf(event.msg, 'supply', 2) !== undefined,
            target: 'HasEquipment',
            actions: assign(({ event }) => {
              const f = fieldsOf(event.msg, 'supply', 2)!;
              return { pcid: f[0]!, token: f[1]! };
            }),
          },
        },
      },
      HasEquipment: {
        on: {
          // 5.1.3.5.2 "must support selection of a SHO and deliver all the M2M equipment parameters to this SHO";
          // the RO's DRF learns the choice (5.1.3.5.2 "inform the RO"; 001 step 9 the DRF's database).
          SELECT_SHO: {
            target: 'ShoSelected',
            actions: ['contractWithSho', 'informRo'],
          },
        },
      },
      ShoSelected: {
        on: {
          // Annex x.1: "indicate to the Registration Operator (Initial Connectivity Function) that the M2M equipment
          // is going to be switched on".
          NOTIFY_SWITCH_ON: {
            guard: ({ context }) => context.delayedActivation,
            target: 'AwaitingActivation',
            actions: emit(({ context }) => out('ro', 'activationNotice', activationNoticeTerm(context.pcid!))),
          },
          // Without delayed activation the subscription is live from the start (x.1 is "not mandatory"): the
          // equipment is switched on and 5.1.3.6.2 step 1 follows.
          SWITCH_ON: {
            guard: ({ context }) => !context.delayedActivation,
            target: 'Using',
            actions: emit(() => out(m2me, 'powerOn', powerOnTerm())),
          },
        },
      },
      AwaitingActivation: {
        // Annex x.1 "so that the subscription can be activated in the network": the RO confirms it.
        on: { activationAck: { target: 'ReadyToSwitchOn' } },
      },
      ReadyToSwitchOn: {
        // Annex x.1: the subscription is now active in the network; the equipment is switched on.
        on: { SWITCH_ON: { target: 'Using', actions: emit(() => out(m2me, 'powerOn', powerOnTerm())) } },
      },
      Using: {
        on: {
          // 5.1.3.7.4.2 / 5.1.3.7.4.3 step 1 "contacts the new SHO and transfers the M2ME's parameters"; for the
          // pristine path the DRF must discover the new SHO (5.1.3.5.2 "inform the RO of an impending ... change").
          CHANGE_OPERATOR: [
            { guard: ({ context }) => context.change !== null && context.notice !== 'none', target: 'Contracted', actions: ['contractWithSho', 'informRo'] },
            { guard: ({ context }) => context.change !== null && context.notice === 'none', target: 'Contracted', actions: 'contractWithSho' },
          ],
        },
      },
      Contracted: {
        on: {
          // Step 2 "contacts the M2ME and instructs it to perform a re-provisioning".
          // With an acknowledged notice, only once the RO confirmed it (the assumption that orders the race).
          INSTRUCT_REPROVISION: {
            guard: ({ context }) => context.notice !== 'acknowledged' || context.noticed,
            target: 'Instructed',
            actions: [
              emit(({ context }) => out(m2me, 'reprovisionInstruction', instructionOf(context))),
              assign(({ context }) => ({ instructed: [...context.instructed, instructionOf(context)] })),
            ],
          },

        },
      },
      Instructed: {
        on: {
          // A second change of operator (scenario `changeRequests`): 5.1.3.7.4.2 step 1 again, towards `next`, whenever
          // the subscriber likes: the text has no rule for a change requested while another is in progress.
          CHANGE_OPERATOR: {
            guard: ({ context }) => context.next !== null,
            target: 'Contracted',
            actions: [
              assign(({ context }) => ({ sho: context.next!, next: null, noticed: false })),
              'contractWithSho',
              enqueueActions(({ context, enqueue }) => {
                if (context.notice !== 'none') enqueue('informRo');
              }),
            ],
          },
        },
      },
    },
  });
}

/** The machine for `device` (built once per value). */
export const subscriberMachineFor = builtOnce(buildSubscriberMachine);

/** The machine of a one-device world. */
export const subscriberMachine = subscriberMachineFor('dev1');
