// The Platform Validation Authority (004 5.1.3.5.8): validates the PfC and the TRE's signed measurement
// against the reference the M2MES supplied, and reports to the requesting SHO (steps 8-10).
import { assign, emit, setup } from 'xstate';
import { pk, type Term } from '../../src/attacker/Term.ts';
import { isOn, type SwitchId } from '../counterMeasures/switches.ts';
import { fail, ok, out, skEs, validationResultTerm, type Delivery, type SendEvent } from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, type ShoId } from '../roleIds.ts';
import { builtOnce } from './builtOnce.ts';

export interface PvaContext {
  readonly off: readonly SwitchId[];
  /** The PfCs obtained from the M2MES "in advance ... in a secure manner" (5.1.3.5.8), one per device. */
  readonly references: readonly Term[];
}

export type PvaEvent = Delivery<'platformReference' | 'validationRequest'>;

/** The certified fields of a PfC signed by the M2MES: PCID, TRE public key, measurement (5.1.3.5.8 (3)). */
function certified(pfc: Term | undefined): { pcid: Term; treKey: Term; measurement: Term } | undefined {
  const f = fieldsOf(verifySigned(pfc, pk(skEs)), 'PfC', 3);
  return f === undefined ? undefined : { pcid: f[0]!, treKey: f[1]!, measurement: f[2]! };
}

const isReference = (msg: Term): boolean => certified(fieldsOf(msg, 'platformReference', 1)?.[0]) !== undefined;

/** 5.1.3.5.8 "Validation of platform credentials that assert the authenticity and integrity of the M2ME":
 *  the registration is signed with the key a genuine PfC certifies and reports the measurement the PfC asserts
 *  (x.3 PVA "Correctly authenticate the identity and compliance status"); with [t5 cm2] the PfC must be the
 *  reference of the PCID being registered, binding the TRE to the M2ME identity. Returns the device, nonce and
 *  SHO to answer for, and the verdict. */
export function validate(ctx: PvaContext, msg: Term): { pcid: Term; nonce: Term; sho: ShoId; valid: boolean } | undefined {
  const req = fieldsOf(msg, 'validate', 2);
  const registration = req?.[1];
  const f = registration?.kind === 'sign' ? fieldsOf(registration.body, 'register', 5) : undefined;
  const body = f === undefined ? undefined : { pcid: f[0]!, nonce: f[1]!, sho: nameId(f[2]), pfc: f[3]!, measurement: f[4]! };
  if (body === undefined || body.sho === undefined || !isShoId(body.sho) || nameId(req?.[0]) !== body.sho) return undefined;
  const cert = certified(body.pfc);
  // Off: any PfC the M2MES signed will do, whatever device it was made for.
  const reference = isOn(ctx.off, 't5.cm2') ? ctx.references.some((r) => same(r, body.pfc) && same(cert?.pcid, body.pcid)) : true;
  const valid = cert !== undefined && reference && verifySigned(registration, cert.treKey) !== undefined && same(body.measurement, cert.measurement);
  return { pcid: body.pcid, nonce: body.nonce, sho: body.sho, valid };
}

/** The PfCs after `msg`, a reference for one device (it replaces that device's earlier one). */
function withReference(references: readonly Term[], msg: Term): readonly Term[] {
  const pfc = fieldsOf(msg, 'platformReference', 1)![0]!;
  const pcid = certified(pfc)!.pcid;
  return [...references.filter((r) => !same(certified(r)?.pcid, pcid)), pfc];
}

/** The PVA of a world of `devices` honest devices: it validates once it holds the reference of each (5.1.3.5.8 "in
 *  advance"), so no registration of a device is judged before that device's PfC arrived. */
function buildPvaMachine(devices: number) {
  return setup({
    types: { context: {} as PvaContext, events: {} as PvaEvent, emitted: {} as SendEvent, input: {} as { off?: readonly SwitchId[] } },
  }).createMachine({
    id: 'pva',
    context: ({ input }) => ({ off: input?.off ?? [], references: [] }),
    initial: 'Unconfigured',
    on: {
      // 5.1.3.5.8 PfC "obtained by PVA in advance of the manufacture"; again after a remote update (the new PfC
      // replaces the device's old one). The supplier-PVA link is closed (out of band).
      platformReference: [
        {
          guard: ({ context, event }) => isReference(event.msg) && withReference(context.references, event.msg).length >= devices,
          target: '.Ready',
          actions: assign(({ context, event }) => ({ references: withReference(context.references, event.msg) })),
        },
        {
          guard: ({ event }) => isReference(event.msg),
          actions: assign(({ context, event }) => ({ references: withReference(context.references, event.msg) })),
        },
      ],
    },
    states: {
      Unconfigured: {},
      Ready: {
        on: {
          // Step 9 "The PVA validates the authenticity and integrity of the M2ME"; step 10 "sends the validation
          // results back to the SHO" named in the request (signed, so the SHO can rely on it: x.2.3 "the correct
          // (trusted) PVA"; the SHO-PVA link is closed).
          validationRequest: {
            guard: ({ context, event }) => validate(context, event.msg) !== undefined,
            actions: emit(({ context, event }) => {
              const v = validate(context, event.msg)!;
              return out(v.sho, 'validationResult', validationResultTerm(v.pcid, v.nonce, v.sho, v.valid ? ok : fail));
            }),
          },
        },
      },
    },
  });
}

/** The PVA machine of a world of `devices` honest devices (built once per count). */
export const pvaMachineFor = builtOnce(buildPvaMachine);

/** The PVA of a one-device world. */
export const pvaMachine = pvaMachineFor(1);
