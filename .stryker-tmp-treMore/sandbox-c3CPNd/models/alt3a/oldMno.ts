// The old MNO: issued the USIM (Ki, IMSI, OTA keys), serves it with AKA before the change, and on the new MNO's
// request transfers IMSI, Ki and OTA keys (003 7.1.2.3.1 "Ki transfer method"; a3a.f4), keeping the subscriber
// until the new MNO confirms receipt (a3a.f5). A dishonest old MNO may refuse instead (threat 1).
import { assign, emit, setup } from 'xstate';
import type { Term } from '../../src/attacker/Term.ts';
import { send3a, type Receive3a, type Send3a } from './Message3a.ts';
import { imsiOld, kiOld, otaIssuer, randOld, challengeTerm, responseMatches, transferConfirmTerm, transferRequestTerm, transferTerm } from './terms3a.ts';
import { same } from '../readTerm.ts';

export interface OldMnoInput {
  /** The transfer goes over a protected operator-to-operator channel (a3a.t4.cm1). */
  readonly protectedTransfer: boolean;
}

export interface OldMnoContext extends OldMnoInput {
  readonly imsi: Term;
  readonly ki: Term;
  readonly ota: Term;
  /** It challenged the USIM for its session before the change, and that session was authenticated (a3a.f1). */
  readonly challenged: boolean;
  readonly session: boolean;
}

export type OldMnoEvent = Receive3a | { readonly type: 'SERVE' } | { readonly type: 'TRANSFER' } | { readonly type: 'REFUSE' };

export const oldMnoLocalEvents = ['SERVE', 'TRANSFER', 'REFUSE'] as const;

export const oldMnoMachine = setup({
  types: { context: {} as OldMnoContext, events: {} as OldMnoEvent, emitted: {} as Send3a, input: {} as OldMnoInput },
  guards: {
    sessionResponse: ({ context, event }) => event.type === 'receive' && event.channel === 'radio' && responseMatches(event.msg, context.imsi, context.ki, randOld),
    requestForItsSubscriber: ({ context, event }) => event.type === 'receive' && event.channel === 'operators' && same(event.msg, transferRequestTerm(context.imsi)),
    confirmForItsSubscriber: ({ context, event }) => event.type === 'receive' && event.channel === 'operators' && same(event.msg, transferConfirmTerm(context.imsi)),
  },
}).createMachine({
  id: 'oldMno',
  context: ({ input }) => ({ ...input, imsi: imsiOld, ki: kiOld, ota: otaIssuer, challenged: false, session: false }),
  initial: 'Serving',
  on: {
    // AKA of its session before the change (a3a.f1); accepted in any state that still holds the subscriber.
    receive: { guard: 'sessionResponse', actions: assign({ session: true }) },
  },
  states: {
    Serving: {
      on: {
        // One session with the USIM before the change: the traffic the new MNO may record (threat 3).
        SERVE: {
          guard: ({ context }) => !context.challenged,
          actions: [emit(({ context }) => send3a('radio', 'usim', challengeTerm(context.ki, randOld))), assign({ challenged: true })],
        },
        receive: [{ guard: 'requestForItsSubscriber', target: 'Asked' }, { guard: 'sessionResponse', actions: assign({ session: true }) }],
      },
    },
    Asked: {
      on: {
        // a3a.f4: IMSI, Ki and the OTA keys go to the new MNO (cm 7 of threat 4: "transferring keys between operators").
        TRANSFER: {
          target: 'AwaitingConfirmation',
          actions: emit(({ context }) => send3a('operators', 'newMno', transferTerm(context.imsi, context.ki, context.ota, context.protectedTransfer))),
        },
        // Threat 1: the original MNO refuses to assist (offered only to a dishonest old MNO).
        REFUSE: { target: 'Refused' },
      },
    },
    AwaitingConfirmation: {
      on: { receive: [{ guard: 'confirmForItsSubscriber', target: 'Released' }, { guard: 'sessionResponse', actions: assign({ session: true }) }] },
    },
    /** Keeps serving the subscriber: the change did not happen. */
    Refused: {},
    /** No longer serves the subscriber (it may still remember its Ki: threat 2). */
    Released: {},
  },
});
