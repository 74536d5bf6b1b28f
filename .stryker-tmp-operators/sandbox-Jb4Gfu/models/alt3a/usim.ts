// The UICC/USIM of the transferred subscriber: Ki, IMSI, Milenage (as the 1a model abstracts AKA) and OTA keys.
// It answers challenges whose AUTN is right for its Ki (AKA, a3a.f1), sends the session's traffic (a3a.f3), and
// applies OTA commands enciphered with its OTA keys (003 7.1.2.3.1.3 threat 2 cm 8 and 9; a3a.f7).
import { assign, emit, setup } from 'xstate';
import type { Term } from '../../src/attacker/Term.ts';
import { send3a, type Receive3a, type Send3a } from './Message3a.ts';
import { challengeRand, otaCommandValue, otaReceiptTerm, responseTerm, trafficTerm } from './terms3a.ts';

export interface UsimInput {
  readonly ki: Term;
  readonly imsi: Term;
  readonly ota: Term;
}

export interface UsimContext extends UsimInput {
  /** RANDs answered, each once (a replayed challenge is refused: AKA's sequence number check, a3a.f1). */
  readonly answered: readonly string[];
}

const randId = (t: Term | undefined): string => (t?.kind === 'name' ? t.id : '');

export const usimMachine = setup({
  types: { context: {} as UsimContext, events: {} as Receive3a, emitted: {} as Send3a, input: {} as UsimInput },
  guards: {
    freshChallenge: ({ context, event }) => {
      const rand = event.channel === 'radio' ? challengeRand(event.msg, context.ki) : undefined;
      return rand !== undefined && !context.answered.includes(randId(rand));
    },
    keyCommand: ({ context, event }) => event.channel === 'radio' && otaCommandValue(event.msg, context.ota, 'otaKey') !== undefined,
    imsiCommand: ({ context, event }) => event.channel === 'radio' && otaCommandValue(event.msg, context.ota, 'otaImsi') !== undefined,
    otaKeysCommand: ({ context, event }) => event.channel === 'radio' && otaCommandValue(event.msg, context.ota, 'otaKeys') !== undefined,
  },
}).createMachine({
  id: 'usim',
  context: ({ input }) => ({ ...input, answered: [] }),
  initial: 'Active',
  states: {
    Active: {
      on: {
        receive: [
          {
            // AKA: RES back over the link the challenge came on, then the session's traffic under CK.
            guard: 'freshChallenge',
            actions: [
              emit(({ context, event }) => send3a('radio', event.from, responseTerm(context.imsi, context.ki, challengeRand(event.msg, context.ki)!))),
              emit(({ context, event }) => send3a('radio', null, trafficTerm(context.ki, challengeRand(event.msg, context.ki)!))),
              assign({ answered: ({ context, event }) => [...context.answered, randId(challengeRand(event.msg, context.ki))].sort() }),
            ],
          },
          {
            // OTA subscriber key change (cm 8): the new Ki replaces the old, the proof of receipt goes back.
            guard: 'keyCommand',
            actions: [
              assign({ ki: ({ context, event }) => otaCommandValue(event.msg, context.ota, 'otaKey')! }),
              emit(({ context, event }) => send3a('radio', event.from, otaReceiptTerm(context.ota, 'otaKey', otaCommandValue(event.msg, context.ota, 'otaKey')!))),
            ],
          },
          {
            // OTA IMSI change (cm 9).
            guard: 'imsiCommand',
            actions: [
              assign({ imsi: ({ context, event }) => otaCommandValue(event.msg, context.ota, 'otaImsi')! }),
              emit(({ context, event }) => send3a('radio', event.from, otaReceiptTerm(context.ota, 'otaImsi', otaCommandValue(event.msg, context.ota, 'otaImsi')!))),
            ],
          },
          {
            // New OTA keys (threat 4 cm 9, a3a.f9): the proof of receipt is MACed with the new keys.
            guard: 'otaKeysCommand',
            actions: [
              emit(({ context, event }) => {
                const fresh = otaCommandValue(event.msg, context.ota, 'otaKeys')!;
                return send3a('radio', event.from, otaReceiptTerm(fresh, 'otaKeys', fresh));
              }),
              assign({ ota: ({ context, event }) => otaCommandValue(event.msg, context.ota, 'otaKeys')! }),
            ],
          },
        ],
      },
    },
  },
});
