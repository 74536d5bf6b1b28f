// The 3GPP visited network operator (004 5.1.3.5.5): temporary access for the PCID, authenticated with AVs
// obtained from the RO's ICF (5.1.3.6.2 steps 1-4; 001 steps 1-6).
import { assign, emit, setup } from 'xstate';
import { oneDevice, type DeviceAddressing } from '../deviceAddressing.ts';
import type { Term } from '../../src/attacker/Term.ts';
import { attachRejectTerm, out, type Delivery, type SendEvent } from '../messages.ts';
import { fieldsOf } from '../readTerm.ts';
import { avPcid, avRequestToRo, challengeFor, connectivityToM2me, isAttach, isAv, responseMatches, sessionToRo, xresOf } from './accessAuthentication.ts';
import { builtOnce } from './builtOnce.ts';

export interface VnoContext {
  /** XRES of the AV in use for the pending attach, and the PCID it is for. */
  readonly xres: Term | null;
  readonly pcid: Term | null;
}

export type VnoEvent = Delivery<'attachRequest' | 'avResponse' | 'avReject' | 'authResponse'>;

/** The VNO, answering each attaching M2ME by the PCID of the AV in use (5.1.3.6.2 steps 1-4). */
function buildVnoMachine(addressing: DeviceAddressing) {
  return setup({
    types: { context: {} as VnoContext, events: {} as VnoEvent, emitted: {} as SendEvent },
  }).createMachine({
    id: 'vno',
    context: { xres: null, pcid: null },
    initial: 'Idle',
    states: {
      Idle: {
        on: {
          // Step 1 attach with the PCID; step 2 "The VNO contacts an RO (ICF)" (001 step 2 "sends the PCID").
          attachRequest: {
            guard: ({ event }) => isAttach(event.msg),
            target: 'AwaitingAv',
            actions: emit(({ event }) => avRequestToRo(event.msg)),
          },
        },
      },
      AwaitingAv: {
        on: {
          // Step 3 "The RO transfers AVs for the claimed PCID to the VNO"; 001 step 5 AKA challenge.
          avResponse: {
            guard: ({ event }) => isAv(event.msg),
            target: 'Challenging',
            actions: [assign(({ event }) => ({ xres: xresOf(event.msg), pcid: avPcid(event.msg) })), emit(({ event }) => challengeFor(event.msg, addressing))],
          },
          // Annex x.1: no live subscription yet; the attach is refused.
          avReject: {
            target: 'Idle',
            actions: emit(({ event }) => {
              const pcid = fieldsOf(event.msg, 'avReject', 1)?.[0];
              return out(addressing.of('m2me', pcid), 'attachReject', attachRejectTerm(pcid ?? event.msg));
            }),
          },
        },
      },
      Challenging: {
        on: {
          // Step 4 "After a successful authentication, the VNO provides IP connectivity ... to reach the RO (DRF)";
          // the APN/GGSN at the RO (step 4) is modelled as the session notice to the ICF.
          authResponse: {
            guard: ({ context, event }) => responseMatches(event.msg, context.xres),
            target: 'Attached',
            actions: [emit(({ context }) => sessionToRo(context.pcid!)), emit(({ context }) => connectivityToM2me(context.pcid!, addressing)), assign({ xres: null })],
          },
        },
      },
      Attached: {
        on: {
          // A later attach (e.g. after 5.1.3.7.4.3 step 3, back to the pristine state) starts again at step 1.
          attachRequest: {
            guard: ({ event }) => isAttach(event.msg),
            target: 'AwaitingAv',
            actions: emit(({ event }) => avRequestToRo(event.msg)),
          },
        },
      },
    },
  });
}

/** The machine for `addressing` (built once per value). */
export const vnoMachineFor = builtOnce(buildVnoMachine, (a: DeviceAddressing) => a.devices.join());

/** The machine of a one-device world. */
export const vnoMachine = vnoMachineFor(oneDevice);
