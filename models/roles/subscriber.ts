// The M2ME subscriber (004 5.1.3.5.2): selects the SHO and hands it the equipment parameters, switches the
// M2ME on (announcing it first under delayed activation, Annex x.1), and drives a change of operator (5.1.3.7).
import { emit, setup } from 'xstate';
import {
  activationNoticeTerm, contractTerm, out, powerOnTerm, reprovisionInstructionTerm, shoSelectionTerm,
  type Delivery, type ReprovisionMode, type SendEvent,
} from '../messages.ts';
import type { ShoId } from '../roleIds.ts';

export interface SubscriberContext {
  /** The SHO chosen (the new SHO in a change of operator). */
  readonly sho: ShoId;
  readonly delayedActivation: boolean;
  /** How a change of operator proceeds, or null when the scenario has none. */
  readonly change: ReprovisionMode | null;
}

export type SubscriberInput = SubscriberContext;

export type SubscriberEvent =
  | Delivery<'supply' | 'activationAck'>
  | { readonly type: 'SELECT_SHO' }
  | { readonly type: 'NOTIFY_SWITCH_ON' }
  | { readonly type: 'SWITCH_ON' }
  | { readonly type: 'CHANGE_OPERATOR' }
  | { readonly type: 'INSTRUCT_REPROVISION' };

export const subscriberLocalEvents = ['SELECT_SHO', 'NOTIFY_SWITCH_ON', 'SWITCH_ON', 'CHANGE_OPERATOR', 'INSTRUCT_REPROVISION'] as const;

export const subscriberMachine = setup({
  types: {
    context: {} as SubscriberContext,
    events: {} as SubscriberEvent,
    emitted: {} as SendEvent,
    input: {} as SubscriberInput,
  },
  actions: {
    /** The equipment parameters (PCID, device token) go to the chosen SHO (5.1.3.5.2). */
    contractWithSho: emit(({ context }) => out(context.sho, 'contract', contractTerm())),
    /** The RO's DRF learns which SHO to send the M2ME to (5.1.3.5.2 "Inform the RO"). */
    informRo: emit(({ context }) => out('ro', 'shoSelection', shoSelectionTerm(context.sho))),
  },
}).createMachine({
  id: 'subscriber',
  context: ({ input }) => ({ ...input }),
  initial: 'AwaitingEquipment',
  states: {
    AwaitingEquipment: {
      // 5.1.3.3.4 M2ME supply service; x.2.3 the device token comes with the M2ME.
      on: { supply: { target: 'HasEquipment' } },
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
          actions: emit(() => out('ro', 'activationNotice', activationNoticeTerm())),
        },
        // Without delayed activation the subscription is live from the start (x.1 is "not mandatory"): the
        // equipment is switched on and 5.1.3.6.2 step 1 follows.
        SWITCH_ON: {
          guard: ({ context }) => !context.delayedActivation,
          target: 'Using',
          actions: emit(() => out('m2me', 'powerOn', powerOnTerm())),
        },
      },
    },
    AwaitingActivation: {
      // Annex x.1 "so that the subscription can be activated in the network": the RO confirms it.
      on: { activationAck: { target: 'ReadyToSwitchOn' } },
    },
    ReadyToSwitchOn: {
      // Annex x.1: the subscription is now active in the network; the equipment is switched on.
      on: { SWITCH_ON: { target: 'Using', actions: emit(() => out('m2me', 'powerOn', powerOnTerm())) } },
    },
    Using: {
      on: {
        // 5.1.3.7.4.2 / 5.1.3.7.4.3 step 1 "contacts the new SHO and transfers the M2ME's parameters"; for the
        // pristine path the DRF must discover the new SHO (5.1.3.5.2 "inform the RO of an impending ... change").
        CHANGE_OPERATOR: {
          guard: ({ context }) => context.change !== null,
          target: 'Contracted',
          actions: ['contractWithSho', 'informRo'],
        },
      },
    },
    Contracted: {
      on: {
        // Step 2 "contacts the M2ME and instructs it to perform a re-provisioning".
        INSTRUCT_REPROVISION: {
          target: 'Instructed',
          actions: emit(({ context }) => out('m2me', 'reprovisionInstruction', reprovisionInstructionTerm(context.sho, context.change ?? 'via-old-sho'))),
        },
      },
    },
    Instructed: {},
  },
});
