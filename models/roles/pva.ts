// The Platform Validation Authority (004 5.1.3.5.8): validates the PfC and the TRE's signed measurement
// against the reference the M2MES supplied, and reports to the requesting SHO (steps 8-10).
import { assign, emit, setup } from 'xstate';
import { pk, type Term } from '../../src/attacker/Term.ts';
import { fail, ok, out, skEs, validationResultTerm, type Delivery, type SendEvent } from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, type ShoId } from '../roleIds.ts';

export interface PvaContext {
  /** The PfC obtained from the M2MES "in advance ... in a secure manner" (5.1.3.5.8). */
  readonly reference: Term | null;
}

export type PvaEvent = Delivery<'platformReference' | 'validationRequest'>;

/** 5.1.3.5.8 "Validation of platform credentials that assert the authenticity and integrity of the M2ME":
 *  the PfC is the reference one, signed by the M2MES; the registration is signed with the key the PfC
 *  certifies and reports the measurement the PfC asserts (x.3 PVA "Correctly authenticate the identity and
 *  compliance status"). Returns the nonce and SHO to answer for, and the verdict. */
export function validate(reference: Term | null, msg: Term): { nonce: Term; sho: ShoId; valid: boolean } | undefined {
  const req = fieldsOf(msg, 'validate', 2);
  const reg = req?.[1];
  const body = reg?.kind === 'sign' ? fieldsOf(reg.body, 'register', 5) : undefined;
  const sho = nameId(body?.[2]);
  if (body === undefined || body[1] === undefined || sho === undefined || !isShoId(sho) || nameId(req?.[0]) !== sho) return undefined;
  const cert = fieldsOf(verifySigned(reference ?? undefined, pk(skEs)), 'PfC', 3);
  const valid = cert !== undefined && same(body[3], reference ?? undefined) && same(body[0], cert[0]) &&
    verifySigned(reg, cert[1]!) !== undefined && same(body[4], cert[2]);
  return { nonce: body[1], sho, valid };
}

export const pvaMachine = setup({
  types: { context: {} as PvaContext, events: {} as PvaEvent, emitted: {} as SendEvent },
}).createMachine({
  id: 'pva',
  context: { reference: null },
  initial: 'Unconfigured',
  on: {
    // 5.1.3.5.8 PfC "obtained by PVA in advance of the manufacture"; again after a remote update.
    platformReference: {
      guard: ({ event }) => event.from === 'supplier' && fieldsOf(event.msg, 'platformReference', 1) !== undefined,
      target: '.Ready',
      actions: assign(({ event }) => ({ reference: fieldsOf(event.msg, 'platformReference', 1)![0]! })),
    },
  },
  states: {
    Unconfigured: {},
    Ready: {
      on: {
        // Step 9 "The PVA validates the authenticity and integrity of the M2ME"; step 10 "sends the validation
        // results back to the SHO" (signed, so the SHO can rely on it: x.2.3 "the correct (trusted) PVA").
        validationRequest: {
          guard: ({ context, event }) => isShoId(event.from) && validate(context.reference, event.msg)?.sho === event.from,
          actions: emit(({ context, event }) => {
            const v = validate(context.reference, event.msg)!;
            return out(v.sho, 'validationResult', validationResultTerm(v.nonce, v.sho, v.valid ? ok : fail));
          }),
        },
      },
    },
  },
});
