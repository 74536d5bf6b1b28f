// A selected home operator (004 5.1.3.5.6), parameterised by its id: the same machine plays the SHO of an
// initial provisioning, the new SHO and the old SHO of a change of operator (5.1.3.7.3.1).
import { assign, emit, setup } from 'xstate';
import { oneDevice, type DeviceAddressing } from '../deviceAddressing.ts';
import { name, pk, type Term } from '../../src/attacker/Term.ts';
import { isOn, type SwitchId } from '../counterMeasures/switches.ts';
import {
  discardAckTerm, lifecycleCommandTerm, m2mSimMobj, mcimActivationObject, mcimBlob, mcimUpdateTerm, out, provisioningAuthorisationTerm, shoRegistrationTerm,
  skEs, skPva, skRo, validationRequestTerm, type Delivery, type SendEvent,
} from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import type { ShoId } from '../roleIds.ts';
import { builtOnce } from './builtOnce.ts';

export interface ShoContext {
  readonly id: ShoId;
  /** Counter-measures switched off in this scenario. */
  readonly off: readonly SwitchId[];
  /** The M2ME parameters from the subscriber's contract (5.1.3.5.6 "subscription contract"): PCID and token. */
  readonly device: Term | null;
  readonly token: Term | null;
  /** Registration nonce and TRE public key (from the PfC) of the registration in progress or served. */
  readonly nonce: Term | null;
  /** The registration in progress or served, as received. */
  readonly registration: Term | null;
  readonly treKey: Term | null;
  /** Both-MCIMs-present variant: this SHO's MCIM is already installed in the M2ME. */
  readonly preinstalled: boolean;
  /** 5.1.3.7.4.2 step 11: the old SHO's release has been relayed by the DPF. */
  readonly oldReleased: boolean;
  /** The success/failure report of the provisioning (step 14). */
  readonly report: 'none' | 'success' | 'failure';
  /** Assumption failureReport: the TRE reports a failed provisioning, which this SHO records. */
  readonly failureReport: boolean;
  /** Ghost (read by properties only): every object this SHO issued (the M2MSIMMobj, or the activation object of the
   *  both-present variant), as sent, with the token of the contract it was issued under. */
  readonly issued: readonly IssuedObject[];
  /** Lifecycle commands sent for its MCIM, each at most once (a bound of the model). */
  readonly commanded: readonly ShoCommand[];
  /** Ghost: every lifecycle command term this SHO signed and sent, as sent. */
  readonly commandTerms: readonly Term[];
  /** Ghost: every MCIM update this SHO signed and sent to the DPF (5.1.2.3 [t7 cm7]), as sent; also its bound. */
  readonly updateTerms: readonly Term[];
  /** Ghost: every acknowledgment of a discard (5.1.3.7.4.2 step 10) this SHO signed and sent, as sent. */
  readonly acksSent: readonly Term[];
}

/** What an SHO issued, for which registration and under which contract (x.2.3 device token): recorded by the SHO
 *  when it sends it. */
export interface IssuedObject {
  readonly object: Term;
  readonly token: Term | null;
  /** The TRE-signed registration it was issued for (004 step 7). */
  readonly registration: Term | null;
}

export interface ShoInput {
  readonly id: ShoId;
  readonly off?: readonly SwitchId[];
  readonly failureReport?: boolean;
}

/** Lifecycle instructions an SHO may give for its own MCIM (5.1.2.4 lifecycle management [t7 cm1]). */
export const shoCommands = ['BLOCK', 'UNBLOCK', 'DELETE', 'ACTIVATE'] as const;
export type ShoCommand = (typeof shoCommands)[number];

export type ShoEvent =
  | Delivery<'contract' | 'registration' | 'validationResult' | 'provisioningReport' | 'discardRelay' | 'discardNotice'>
  | { readonly type: 'COMMAND'; readonly event: ShoCommand }
  /** The SHO's n-th update of its installed MCIM (scenario `shoUpdates`), in order. */
  | { readonly type: 'UPDATE_MCIM'; readonly n: number };

/** The readable body of the TRE's registration: PCID, nonce, SHO, PfC, measurement. */
function registrationFields(msg: Term): readonly Term[] | undefined {
  return msg.kind === 'sign' ? fieldsOf(msg.body, 'register', 5) : undefined;
}

/** The TRE public key certified by the PfC (5.1.3.5.8 (3)), read from the certificate's body: the SHO relies on
 *  the PVA to check the certificate itself. */
function treKeyOf(pfc: Term | undefined): Term | undefined {
  return pfc?.kind === 'sign' ? fieldsOf(pfc.body, 'PfC', 3)?.[1] : undefined;
}

/** Step 11 (001 step 16): the MCIM object for the registration in progress, encrypted for the TRE key [t5 cm3]; in
 *  the 5.1.3.7.4.2 both-present variant no download, only the authorisation to use the present MCIM. */
function objectFor(context: ShoContext): Term {
  const device = context.device!;
  const nonce = context.nonce!;
  if (context.preinstalled) return mcimActivationObject(context.id, device, nonce);
  const blob = mcimBlob(context.id, nonce, context.token!, isOn(context.off, 't5.cm3') ? context.treKey! : null);
  return m2mSimMobj(context.id, device, nonce, blob);
}

function mcimObjectFor(context: ShoContext): SendEvent {
  const kind = context.preinstalled ? 'activationAuthorisation' : 'provisioningAuthorisation';
  return out('ro', kind, provisioningAuthorisationTerm(context.id, context.device!, objectFor(context)));
}

/** The SHO's next update of its MCIM instance in the device it serves. */
const updateOf = (context: ShoContext): Term => mcimUpdateTerm(context.id, context.device!, context.nonce!, context.updateTerms.length + 1);

/** Step 10: the acknowledgment of the TRE's discard notice `msg` (its PCID and registration nonce, under this SHO's key). */
const ackOf = (context: ShoContext, msg: Term): Term =>
  discardAckTerm(context.id, context.device!, fieldsOf(treSigned(context, msg), 'discarded', 3)![2]!);

const issuedNow = (context: ShoContext): Partial<ShoContext> => ({
  issued: [...context.issued, { object: objectFor(context), token: context.token, registration: context.registration }],
});

/** A TRE-signed body under `key`; with [t2 cm4] off the signature is checked for shape only. */
function treSigned(context: ShoContext, msg: Term | undefined): Term | undefined {
  if (isOn(context.off, 't2.cm4')) return verifySigned(msg, context.treKey ?? pk(name('none')));
  return msg?.kind === 'sign' ? msg.body : undefined;
}

/** An SHO whose lifecycle commands and acknowledgments reach the M2ME of the device its contract names. */
function buildShoMachine(addressing: DeviceAddressing) {
  return setup({
    types: { context: {} as ShoContext, events: {} as ShoEvent, emitted: {} as SendEvent, input: {} as ShoInput },
    guards: {
      releaseRelayed: ({ context, event }) =>
        'msg' in event && same(fieldsOf(verifySigned(event.msg, pk(skRo)), 'oldReleased', 2)?.[1], context.nonce ?? undefined),
      isContract: ({ event }) => 'msg' in event && fieldsOf(event.msg, 'contract', 2) !== undefined,
    },
    actions: {
      /** The device's parameters, and a provisioning started afresh (from NoContract, or from Released when the
       *  subscriber changes back to this SHO). */
      takeContract: assign(({ event }) => {
        const f = 'msg' in event ? fieldsOf(event.msg, 'contract', 2) : undefined;
        return { device: f?.[0] ?? null, token: f?.[1] ?? null, nonce: null, registration: null, treKey: null, oldReleased: false, report: 'none' as const };
      }),
      registerAtDrf: emit(({ context }) => out('ro', 'shoRegistration', shoRegistrationTerm(context.id, context.device!))),
    },
  }).createMachine({
    id: 'sho',
    context: ({ input }) => ({
      id: input.id, off: input.off ?? [], device: null, token: null, nonce: null, registration: null, treKey: null, preinstalled: false, oldReleased: false,
      report: 'none', failureReport: input.failureReport ?? false, issued: [], commanded: [], commandTerms: [], updateTerms: [], acksSent: [],
    }),
    initial: 'NoContract',
    on: {
      // 5.1.2.4 "instructions received as part of MCIM lifecycle management": the SHO signs a lifecycle command for
      // its own MCIM in a device it knows (from a contract, or the both-present variant's earlier provisioning).
      COMMAND: {
        guard: ({ context, event }) => context.device !== null && !context.commanded.includes(event.event),
        actions: [
          emit(({ context, event }) => out(addressing.of('m2me', context.device), 'lifecycleCommand', lifecycleCommandTerm(context.id, context.device!, event.event))),
          assign(({ context, event }) => ({
            commanded: [...context.commanded, event.event],
            commandTerms: [...context.commandTerms, lifecycleCommandTerm(context.id, context.device!, event.event)],
          })),
        ],
      },
    },
    states: {
      NoContract: {
        on: {
          // 5.1.3.5.2 the subscriber delivers "all the M2M equipment parameters to this SHO"; 5.1.3.7.4.2 step 1.
          // Over the subscriber's portal, protected by assumption (docs/model.md): the SHO cannot tell from the
          // message who holds the device; only the token (x.2.3) later binds the provisioning to it.
          contract: { guard: 'isContract', target: 'Contracted', actions: 'takeContract' },
        },
      },
      Contracted: {
        on: {
          // Step 7 "registers the M2ME there"; step 8 "The SHO requests a PVA to validate" (001 step 13 "sends the
          // PfC and M2ME's PCID to a PVA").
          registration: [
            {
              // [t1 cm4] switched off: no platform validation, provisioning on the registration once the SHO, an
              // issuing authority, has authenticated the TRE's identity itself (5.1.2.2 [t1 cm3, t5 cm2]).
              guard: ({ context, event }) => !isOn(context.off, 't1.cm4') && registrationForMe(context, event.msg) && identityAuthenticated(context, event.msg),
              target: 'Authorised',
              actions: [
                assign(({ event }) => {
                  const f = registrationFields(event.msg)!;
                  return { nonce: f[1]!, treKey: treKeyOf(f[3])!, registration: event.msg };
                }),
                emit(({ context }) => mcimObjectFor(context)),
                assign(({ context }) => issuedNow(context)),
              ],
            },
            {
            guard: ({ context, event }) => isOn(context.off, 't1.cm4') && registrationForMe(context, event.msg),
            target: 'Validating',
            actions: [
              assign(({ event }) => {
                const f = registrationFields(event.msg)!;
                return { nonce: f[1]!, treKey: treKeyOf(f[3])!, registration: event.msg };
              }),
              emit(({ context, event }) => out('pva', 'validationRequest', validationRequestTerm(context.id, event.msg))),
            ],
            },
          ],
        },
      },
      Validating: {
        on: {
          validationResult: [
            {
              // Step 11 "upon receiving a positive validation, contacts the RO (DPF) and authorizes provisioning";
              // 001 step 16 "encrypt the MCIM by using the PfC" into the M2MSIMMobj with the registration nonce (x.2.3).
              guard: ({ context, event }) => {
                const v = validationOf(context, event.msg);
                return v?.sho === context.id && v.verdict === 'ok';
              },
              target: 'Authorised',
              actions: [emit(({ context }) => mcimObjectFor(context)), assign(({ context }) => issuedNow(context))],
            },
            {
              // 5.1.3.4.3 "depending on relevant SHO security policies, allow or disallow the provisioning".
              guard: ({ context, event }) => validationOf(context, event.msg)?.verdict === 'fail',
              target: 'Contracted',
              actions: assign({ report: 'failure' as const, nonce: null }),
            },
          ],
        },
      },
      Authorised: {
        on: {
          // 5.1.3.7.4.2 step 11: the old SHO's acknowledgment, relayed and filtered by the DPF.
          discardRelay: { guard: 'releaseRelayed', actions: assign({ oldReleased: true }) },
          // Step 14 / 5.1.3.7.4.2 step 13 "reports the success/failure status of the provisioning": the TRE-signed
          // status, verified with the key from the PfC; then step 14 of 5.1.3.7.4.2, registration at the DRF.
          provisioningReport: [
            {
              guard: ({ context, event }) => reportOk(context, event.msg) && context.oldReleased,
              target: 'Serving',
              actions: [assign({ report: 'success' as const }), 'registerAtDrf'],
            },
            {
              guard: ({ context, event }) => reportOk(context, event.msg) && !context.oldReleased,
              target: 'Serving',
              actions: assign({ report: 'success' as const }),
            },
            // The failure status (assumption failureReport), TRE-signed for this registration: recorded. The text says
            // nothing of what follows; the SHO keeps its authorisation (the TRE may still take a good object).
            { guard: ({ context, event }) => context.failureReport && context.report !== 'failure' && reportOk(context, event.msg, 'fail'), actions: assign({ report: 'failure' as const }) },
          ],
        },
      },
      Serving: {
        on: {
          // 5.1.2.3 "a secure update service for MCIMs" [t7 cm7]; 5.1.3.4.3 the DPF "Update previously downloaded MCIM
          // applications": the SHO serving the device authorises the DPF to update its MCIM instance, the one issued
          // for the registration it served (x.2.3 nonce), as it authorised the download (step 11).
          UPDATE_MCIM: {
            guard: ({ context, event }) => context.nonce !== null && context.updateTerms.length === event.n - 1,
            actions: [
              emit(({ context }) => out('ro', 'updateAuthorisation', provisioningAuthorisationTerm(context.id, context.device!, updateOf(context)))),
              assign(({ context }) => ({ updateTerms: [...context.updateTerms, updateOf(context)] })),
            ],
          },
          // The release relay may arrive after the report (independent messages); step 14 then follows it.
          discardRelay: { guard: 'releaseRelayed', actions: [assign({ oldReleased: true }), 'registerAtDrf'] },
          // 5.1.3.7.4.2 step 9 "a message to the old SHO indicating that the M2ME has discarded the old SHO's
          // credentials"; step 10 "The old SHO sends an acknowledgment to the M2ME".
          discardNotice: {
            guard: ({ context, event }) => {
              const f = fieldsOf(treSigned(context, event.msg), 'discarded', 3);
              return f !== undefined && same(f[0], context.device ?? undefined) && nameId(f[1]) === context.id;
            },
            target: 'Released',
            actions: [
              emit(({ context, event }) => out(addressing.of('m2me', context.device), 'discardAck', ackOf(context, event.msg))),
              assign(({ context, event }) => ({ acksSent: [...context.acksSent, ackOf(context, event.msg)] })),
            ],
          },
        },
      },
      // 5.1.3.7.3.1 "a contract with the new SHO at the end of the use case": the old SHO no longer serves. A later
      // change back to it (scenario `changeRequests`) is a new contract, 5.1.3.7.4.2 step 1 with this SHO as the new one.
      Released: { on: { contract: { guard: 'isContract', target: 'Contracted', actions: 'takeContract' } } },
    },
  });
}

/** The machine for `addressing` (built once per value). */
export const shoMachineFor = builtOnce(buildShoMachine, (a: DeviceAddressing) => a.devices.join());

/** The machine of a one-device world. */
export const shoMachine = shoMachineFor(oneDevice);

/** Step 7: a TRE-signed registration for the device of this SHO's contract, naming this SHO, with a PfC. */
function registrationForMe(context: ShoContext, msg: Term): boolean {
  const f = registrationFields(msg);
  return f !== undefined && same(f[0], context.device ?? undefined) && nameId(f[2]) === context.id && treKeyOf(f[3]) !== undefined;
}

/** 5.1.2.2 "securely authenticating that identity to the issuing authorities" [t1 cm3, t5 cm2]: the registration is
 *  signed with the TRE key a genuine PfC (the M2MES's signature, 5.1.3.5.8 (3)) certifies, and with [t5 cm2] that PfC
 *  names the PCID registered. Without [t1 cm4] the SHO does this itself; with it, the PVA does it with the rest. */
function identityAuthenticated(context: ShoContext, msg: Term): boolean {
  const f = registrationFields(msg);
  const cert = fieldsOf(verifySigned(f?.[3], pk(skEs)), 'PfC', 3);
  if (f === undefined || cert === undefined || verifySigned(msg, cert[1]!) === undefined) return false;
  return !isOn(context.off, 't5.cm2') || same(cert[0], f[0]);
}

/** Step 10: the PVA-signed result for the registration in progress (its nonce), naming an SHO and a verdict. */
function validationOf(context: ShoContext, msg: Term): { sho: string | undefined; verdict: string | undefined } | undefined {
  const f = fieldsOf(verifySigned(msg, pk(skPva)), 'validation', 4);
  if (f === undefined || !same(f[1], context.nonce ?? undefined)) return undefined;
  return { sho: nameId(f[2]), verdict: nameId(f[3]) };
}

/** Step 14: the DPF's report carries the TRE-signed status (`verdict`, success by default) for this SHO's registration. */
function reportOk(context: ShoContext, msg: Term, verdict: 'ok' | 'fail' = 'ok'): boolean {
  const r = fieldsOf(msg, 'report', 2);
  const s = fieldsOf(treSigned(context, r?.[1]), 'provisioned', 4);
  return r !== undefined && s !== undefined && same(s[0], context.device ?? undefined) && same(s[1], context.nonce ?? undefined) &&
    nameId(s[2]) === context.id && nameId(s[3]) === verdict;
}
