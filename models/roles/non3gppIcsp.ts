// The non-3GPP initial connectivity service provider (004 5.1.3.5.7, 5.1.3.6.3): WLAN/DSL access, either
// authenticated (here with the RO's vectors, the mechanism itself being out of scope) or unauthenticated
// with a direct IP connection to the RO's DRF.
import { assign, emit, setup } from 'xstate';
import type { Term } from '../../src/attacker/Term.ts';
import {
  authChallengeTerm, avRequestTerm, directConnectionTerm, ipConnectivityTerm, out, pdpContextTerm,
  type Delivery, type SendEvent,
} from '../messages.ts';
import { fieldsOf, same } from '../readTerm.ts';

export type IcspMode = 'authenticated' | 'unauthenticated';

export interface IcspContext {
  readonly mode: IcspMode;
  readonly xres: Term | null;
}

export type IcspEvent = Delivery<'attachRequest' | 'avResponse' | 'authResponse'>;

export const non3gppIcspMachine = setup({
  types: { context: {} as IcspContext, events: {} as IcspEvent, emitted: {} as SendEvent, input: {} as { mode: IcspMode } },
}).createMachine({
  id: 'icsp',
  context: ({ input }) => ({ mode: input.mode, xres: null }),
  initial: 'Idle',
  states: {
    Idle: {
      on: {
        attachRequest: [
          {
            // 5.1.3.6.3 "given unauthenticated access for registration purposes ... the RO's ICF is not needed,
            // as the non-3GPP ICSP provides a direct IP connection to an RO (DRF)".
            guard: ({ context, event }) => context.mode === 'unauthenticated' && fieldsOf(event.msg, 'attach', 1) !== undefined,
            target: 'Connected',
            actions: [
              emit(() => out('ro', 'directConnection', directConnectionTerm())),
              emit(() => out('m2me', 'ipConnectivity', ipConnectivityTerm())),
            ],
          },
          {
            // 5.1.3.6.3 "authenticated using a non-3G mechanism": modelled like 5.1.3.6.2 steps 2-3 with the ICF
            // supplying the vectors (5.1.3.4.4 "Authenticate the M2ME for connectivity functions").
            guard: ({ context, event }) => context.mode === 'authenticated' && fieldsOf(event.msg, 'attach', 1) !== undefined,
            target: 'AwaitingAv',
            actions: emit(() => out('ro', 'avRequest', avRequestTerm())),
          },
        ],
      },
    },
    AwaitingAv: {
      on: {
        avResponse: {
          guard: ({ event }) => fieldsOf(event.msg, 'av', 4) !== undefined,
          target: 'Challenging',
          actions: [
            assign(({ event }) => ({ xres: fieldsOf(event.msg, 'av', 4)![2]! })),
            emit(({ event }) => {
              const f = fieldsOf(event.msg, 'av', 4)!;
              return out('m2me', 'authChallenge', authChallengeTerm(f[1]!, f[3]!));
            }),
          ],
        },
      },
    },
    Challenging: {
      on: {
        // 5.1.3.6.3 "all communication ... is done via the IP connectivity provided by the non-3GPP ICSP".
        authResponse: {
          guard: ({ context, event }) => same(fieldsOf(event.msg, 'res', 1)?.[0], context.xres ?? undefined),
          target: 'Connected',
          actions: [
            assign({ xres: null }),
            emit(() => out('ro', 'pdpContext', pdpContextTerm())),
            emit(() => out('m2me', 'ipConnectivity', ipConnectivityTerm())),
          ],
        },
      },
    },
    Connected: {
      on: {
        // A later attach (after a return to the pristine state) starts again.
        attachRequest: [
          {
            guard: ({ context }) => context.mode === 'unauthenticated',
            actions: [
              emit(() => out('ro', 'directConnection', directConnectionTerm())),
              emit(() => out('m2me', 'ipConnectivity', ipConnectivityTerm())),
            ],
          },
          { guard: ({ context }) => context.mode === 'authenticated', target: 'AwaitingAv', actions: emit(() => out('ro', 'avRequest', avRequestTerm())) },
        ],
      },
    },
  },
});
