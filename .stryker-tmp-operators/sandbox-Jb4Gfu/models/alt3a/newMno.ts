// The new MNO: asks the old MNO for the subscriber (a3a.f4), confirms receipt (a3a.f5), optionally replaces the
// card's OTA keys (a3a.t4.cm3, a3a.f9) and changes the
// subscriber key and the IMSI over the air (003 7.1.2.3.1.3 threat 2 cm 8 and 9; a3a.f7), then serves the USIM
// with AKA under the key it now holds (a3a.f1). It switches to a new value only on the USIM's proof of receipt (a3a.f8).
import { assign, emit, setup } from 'xstate';
import type { Term } from '../../src/attacker/Term.ts';
import { fieldsOf, macMatches, same } from '../readTerm.ts';
import { send3a, type Receive3a, type Send3a } from './Message3a.ts';
import {
  challengeTerm, imsiNew, kiNew, otaCommandTerm, randNew, responseMatches, transferConfirmTerm, transferFields, transferRequestTerm,
} from './terms3a.ts';
import { name, tuple } from '../../src/attacker/Term.ts';

export interface NewMnoInput {
  readonly otaKeyChange: boolean;
  readonly imsiChange: boolean;
  readonly protectedTransfer: boolean;
  /** OTA keys of its own on the card (assumption otaKeys = 'new-mno'), or null: it uses the transferred ones. */
  readonly otaOwn: Term | null;
  /** OTA keys it installs on the card before any other OTA change (a3a.t4.cm3, a3a.f9), or null. */
  readonly otaFresh: Term | null;
}

export interface NewMnoContext extends NewMnoInput {
  readonly imsi: Term | null;
  readonly ki: Term | null;
  readonly ota: Term | null;
}

const receipt = (context: NewMnoContext, what: 'otaKeyDone' | 'otaImsiDone', value: Term, msg: Term): boolean =>
  context.ota !== null && macMatches(msg, context.ota, tuple(name(what), value));

export const newMnoMachine = setup({
  types: { context: {} as NewMnoContext, events: {} as Receive3a, emitted: {} as Send3a, input: {} as NewMnoInput },
  guards: {
    changeRequest: ({ event }) => event.channel === 'contract' && fieldsOf(event.msg, 'changeRequest', 1) !== undefined,
    transfer: ({ context, event }) =>
      event.channel === 'operators' && context.imsi !== null && same(transferFields(event.msg, context.protectedTransfer)?.[0], context.imsi),
    keyReceipt: ({ context, event }) => event.channel === 'radio' && receipt(context, 'otaKeyDone', kiNew, event.msg),
    imsiReceipt: ({ context, event }) => event.channel === 'radio' && receipt(context, 'otaImsiDone', imsiNew, event.msg),
    response: ({ context, event }) =>
      event.channel === 'radio' && context.imsi !== null && context.ki !== null && responseMatches(event.msg, context.imsi, context.ki, randNew),
  },
  actions: {
    challenge: emit(({ context }) => send3a('radio', 'usim', challengeTerm(context.ki!, randNew))),
    keyCommand: emit(({ context }) => send3a('radio', 'usim', otaCommandTerm(context.ota!, 'otaKey', kiNew))),
    imsiCommand: emit(({ context }) => send3a('radio', 'usim', otaCommandTerm(context.ota!, 'otaImsi', imsiNew))),
  },
}).createMachine({
  id: 'newMno',
  context: ({ input }) => ({ ...input, imsi: null, ki: null, ota: null }),
  initial: 'Idle',
  states: {
    Idle: {
      on: {
        receive: {
          guard: 'changeRequest',
          target: 'AwaitingTransfer',
          actions: [
            assign({ imsi: ({ event }) => fieldsOf(event.msg, 'changeRequest', 1)![0]! }),
            emit(({ event }) => send3a('operators', 'oldMno', transferRequestTerm(fieldsOf(event.msg, 'changeRequest', 1)![0]!))),
          ],
        },
      },
    },
    AwaitingTransfer: {
      on: {
        receive: {
          guard: 'transfer',
          target: 'Transferred',
          actions: [
            assign(({ context, event }) => {
              const [, ki, ota] = transferFields(event.msg, context.protectedTransfer)!;
              return { ki, ota: context.otaOwn ?? ota };
            }),
            emit(({ context }) => send3a('operators', 'oldMno', transferConfirmTerm(context.imsi!))),
          ],
        },
      },
    },
    Transferred: {
      always: [
        { guard: ({ context }) => context.otaFresh !== null, target: 'ChangingOtaKeys' },
        { guard: ({ context }) => context.otaKeyChange, target: 'ChangingKey' },
        { guard: ({ context }) => context.imsiChange, target: 'ChangingImsi' },
        { target: 'Authenticating' },
      ],
    },
    ChangingOtaKeys: {
      // a3a.t4.cm3: the card's OTA keys, a USIM parameter the old MNO set, replaced by the new MNO's own.
      entry: emit(({ context }) => send3a('radio', 'usim', otaCommandTerm(context.ota!, 'otaKeys', context.otaFresh!))),
      on: {
        receive: {
          guard: ({ context, event }) => event.channel === 'radio' && macMatches(event.msg, context.otaFresh!, tuple(name('otaKeysDone'), context.otaFresh!)),
          target: 'Rekeyed',
          actions: assign({ ota: ({ context }) => context.otaFresh }),
        },
      },
    },
    Rekeyed: {
      always: [
        { guard: ({ context }) => context.otaKeyChange, target: 'ChangingKey' },
        { guard: ({ context }) => context.imsiChange, target: 'ChangingImsi' },
        { target: 'Authenticating' },
      ],
    },
    ChangingKey: {
      entry: 'keyCommand',
      on: {
        receive: [
          { guard: ({ context, event }) => context.imsiChange && event.channel === 'radio' && receipt(context, 'otaKeyDone', kiNew, event.msg), target: 'ChangingImsi', actions: assign({ ki: kiNew }) },
          { guard: 'keyReceipt', target: 'Authenticating', actions: assign({ ki: kiNew }) },
        ],
      },
    },
    ChangingImsi: {
      entry: 'imsiCommand',
      on: { receive: { guard: 'imsiReceipt', target: 'Authenticating', actions: assign({ imsi: imsiNew }) } },
    },
    Authenticating: {
      entry: 'challenge',
      on: { receive: { guard: 'response', target: 'Serving' } },
    },
    /** The goal: the new MNO serves the subscriber with an authenticated session. */
    Serving: {},
  },
});
