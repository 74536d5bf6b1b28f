// The non-3GPP initial connectivity service provider (004 5.1.3.5.7, 5.1.3.6.3): WLAN/DSL access, either
// authenticated (here with the RO's vectors, the mechanism itself being out of scope) or unauthenticated
// with a direct IP connection to the RO's DRF.
import { assign, emit, setup } from 'xstate';
import { oneDevice, type DeviceAddressing } from '../deviceAddressing.ts';
import type { Term } from '../../src/attacker/Term.ts';
import { directConnectionTerm, out, type Delivery, type SendEvent } from '../messages.ts';
import { attachPcid, avPcid, avRequestToRo, challengeFor, connectivityToM2me, isAttach, isAv, responseMatches, sessionToRo, xresOf } from './accessAuthentication.ts';
import { builtOnce } from './builtOnce.ts';

/** 5.1.3.6.3 unauthenticated access: "a direct IP connection to an RO (DRF)", no ICF involved. */
const directToRo = (pcid: Term): SendEvent => out('ro', 'directConnection', directConnectionTerm(pcid));

export type IcspMode = 'authenticated' | 'unauthenticated';

export interface IcspContext {
  readonly mode: IcspMode;
  readonly xres: Term | null;
  readonly pcid: Term | null;
}

export type IcspEvent = Delivery<'attachRequest' | 'avResponse' | 'authResponse'>;

/** The non-3GPP ICSP, answering each attaching M2ME by the PCID it claims (5.1.3.6.3). */
function buildIcspMachine(addressing: DeviceAddressing) {
  return setup({
    types: { context: {} as IcspContext, events: {} as IcspEvent, emitted: {} as SendEvent, input: {} as { mode: IcspMode } },
  }).createMachine({
    id: 'icsp',
    context: ({ input }) => ({ mode: input.mode, xres: null, pcid: null }),
    initial: 'Idle',
    states: {
      Idle: {
        on: {
          attachRequest: [
            {
              // 5.1.3.6.3 "given unauthenticated access for registration purposes ... the RO's ICF is not needed,
              // as the non-3GPP ICSP provides a direct IP connection to an RO (DRF)".
              guard: ({ context, event }) => context.mode === 'unauthenticated' && isAttach(event.msg),
              target: 'Connected',
              actions: [emit(({ event }) => directToRo(attachPcid(event.msg))), emit(({ event }) => connectivityToM2me(attachPcid(event.msg), addressing))],
            },
            {
              // 5.1.3.6.3 "authenticated using a non-3G mechanism": modelled like 5.1.3.6.2 steps 2-3 with the ICF
              // supplying the vectors (5.1.3.4.4 "Authenticate the M2ME for connectivity functions").
              guard: ({ context, event }) => context.mode === 'authenticated' && isAttach(event.msg),
              target: 'AwaitingAv',
              actions: emit(({ event }) => avRequestToRo(event.msg)),
            },
          ],
        },
      },
      AwaitingAv: {
        on: {
          // 5.1.3.6.3 "largely the same as above": 5.1.3.6.2 step 3, the ICF's AV authenticates the M2ME.
          avResponse: {
            guard: ({ event }) => isAv(event.msg),
            target: 'Challenging',
            actions: [assign(({ event }) => ({ xres: xresOf(event.msg), pcid: avPcid(event.msg) })), emit(({ event }) => challengeFor(event.msg, addressing))],
          },
        },
      },
      Challenging: {
        on: {
          // 5.1.3.6.3 "all communication ... is done via the IP connectivity provided by the non-3GPP ICSP".
          authResponse: {
            guard: ({ context, event }) => responseMatches(event.msg, context.xres),
            target: 'Connected',
            actions: [emit(({ context }) => sessionToRo(context.pcid!)), emit(({ context }) => connectivityToM2me(context.pcid!, addressing)), assign({ xres: null })],
          },
        },
      },
      Connected: {
        on: {
          // A later attach (after a return to the pristine state) starts again.
          attachRequest: [
            {
              guard: ({ context, event }) => context.mode === 'unauthenticated' && isAttach(event.msg),
              actions: [emit(({ event }) => directToRo(attachPcid(event.msg))), emit(({ event }) => connectivityToM2me(attachPcid(event.msg), addressing))],
            },
            { guard: ({ context, event }) => context.mode === 'authenticated' && isAttach(event.msg), target: 'AwaitingAv', actions: emit(({ event }) => avRequestToRo(event.msg)) },
          ],
        },
      },
    },
  });
}

/** The machine for `addressing` (built once per value). */
export const non3gppIcspMachineFor = builtOnce(buildIcspMachine, (a: DeviceAddressing) => a.devices.join());

/** The machine of a one-device world. */
export const non3gppIcspMachine = non3gppIcspMachineFor(oneDevice);
