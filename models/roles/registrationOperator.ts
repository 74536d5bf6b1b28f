// The Registration Operator (004 5.1.3.5.4) with its three technical functions as parallel regions:
// ICF (5.1.3.4.4, AVs for the PCID), DRF (5.1.3.4.2, discovery, bootstrap, registration at the SHO),
// DPF (5.1.3.4.3, download of the MCIM object, status back to the SHO, change-of-operator relay).
import { assign, emit, setup } from 'xstate';
import { pk, type Term } from '../../src/attacker/Term.ts';
import {
  activationAckTerm, avRejectTerm, avResponseTerm, bootstrapTerm, discardRelayTerm, out, provisionCommitTerm,
  provisioningReportTerm, randNonce, skSho, type Delivery, type SendEvent,
} from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, shoIds, type RoleId, type ShoId } from '../roleIds.ts';

export interface RoContext {
  /** Initial connectivity credentials and PCID received from the M2MES's CCIF (x.3 ICF). */
  readonly creds: { readonly pcid: Term; readonly kInit: Term; readonly kPin: Term } | null;
  readonly delayedActivation: boolean;
  /** AVs issued so far (each with a fresh RAND); bounded to keep the state space finite. */
  readonly avsIssued: number;
  /** Step 5 "Internally, the RO forwards the PCID from its ICF to its DRF", or the ICSP's direct connection. */
  readonly connected: boolean;
  /** The DRF's record of the SHO the M2ME subscribes to (001 step 9 "in its database"; 5.1.3.7.4.2 step 14). */
  readonly directory: ShoId | null;
  /** The SHO the DPF is provisioning for, and the registration nonce of that provisioning. */
  readonly dpfSho: ShoId | null;
  readonly dpfNonce: Term | null;
}

const MAX_AVS = 3;

type RoInbound =
  | 'initialCredentials' | 'activationNotice' | 'avRequest' | 'pdpContext' | 'directConnection' | 'shoSelection'
  | 'discoveryRequest' | 'registrationRequest' | 'shoRegistration' | 'provisioningAuthorisation'
  | 'activationAuthorisation' | 'provisioningStatus' | 'discardAck';

export type RoEvent = Delivery<RoInbound>;

/** The body of an SHO-signed authorisation: `<authorise, PCID, object>` or the both-present `activateMcim`. */
function authorisedObject(msg: Term, sho: RoleId, pcid: Term | undefined): { object: Term; nonce: Term } | undefined {
  if (!isShoId(sho)) return undefined;
  const f = fieldsOf(verifySigned(msg, pk(skSho(sho))), 'authorise', 2);
  if (f === undefined || !same(f[0], pcid) || f[1] === undefined) return undefined;
  // The M2MSIMMobj is signed with message recovery: the DPF reads the PCID and nonce, never the blob's content.
  const inner = f[1].kind === 'sign' ? fieldsOf(f[1].body, 'M2MSIMMobj', 3) ?? fieldsOf(f[1].body, 'activateMcim', 3) : undefined;
  if (inner === undefined || !same(inner[0], pcid) || inner[1] === undefined) return undefined;
  return { object: f[1], nonce: inner[1] };
}

/** The SHO-signed authorisation an event carries for this RO's PCID (steps 11-12). */
function authorisation(ctx: RoContext, ev: Delivery): { object: Term; nonce: Term } | undefined {
  return authorisedObject(ev.msg, ev.from, ctx.creds?.pcid);
}

/** The DPF remembers which SHO it downloads for and the nonce: the old SHO's ack and the commit carry it. */
function downloadFor(ctx: RoContext, ev: Delivery): Partial<RoContext> {
  return { dpfSho: ev.from as ShoId, dpfNonce: authorisation(ctx, ev)!.nonce };
}

function registrationSho(msg: Term, pcid: Term | undefined): ShoId | undefined {
  const body = msg.kind === 'sign' ? fieldsOf(msg.body, 'register', 5) : undefined;
  const sho = nameId(body?.[2]);
  return body !== undefined && same(body[0], pcid) && sho !== undefined && isShoId(sho) ? sho : undefined;
}

export const registrationOperatorMachine = setup({
  types: { context: {} as RoContext, events: {} as RoEvent, emitted: {} as SendEvent, input: {} as { delayedActivation: boolean } },
  actions: {
    storeCredentials: assign(({ event }) => {
      const f = fieldsOf(event.msg, 'initialCredentials', 3);
      return f === undefined ? {} : { creds: { pcid: f[0]!, kInit: f[1]!, kPin: f[2]! } };
    }),
  },
  guards: {
    forThisPcid: ({ context, event }) => same(fieldsOf(event.msg, event.type === 'avRequest' ? 'avRequest' : 'session', 1)?.[0], context.creds?.pcid),
  },
}).createMachine({
  id: 'ro',
  context: ({ input }) => ({
    creds: null, delayedActivation: input.delayedActivation, avsIssued: 0, connected: false,
    directory: null, dpfSho: null, dpfNonce: null,
  }),
  type: 'parallel',
  states: {
    ICF: {
      initial: 'NoCredentials',
      states: {
        NoCredentials: {
          on: {
            // x.3 ICF "Securely receive and store initial connectivity credentials and PCIDs from M2MESs";
            // Annex x.1: with delayed activation the subscription stays dormant until the user announces switch-on.
            initialCredentials: [
              {
                guard: ({ context, event }) => !context.delayedActivation && fieldsOf(event.msg, 'initialCredentials', 3) !== undefined,
                target: 'Active',
                actions: 'storeCredentials',
              },
              {
                guard: ({ context, event }) => context.delayedActivation && fieldsOf(event.msg, 'initialCredentials', 3) !== undefined,
                target: 'Dormant',
                actions: 'storeCredentials',
              },
            ],
          },
        },
        Dormant: {
          on: {
            // Annex x.1 "indicate ... that the M2M equipment is going to be switched on so that the subscription
            // can be activated in the network" (over "an appropriately protected web portal").
            activationNotice: {
              guard: ({ context, event }) => same(fieldsOf(event.msg, 'activationNotice', 1)?.[0], context.creds?.pcid),
              target: 'Active',
              actions: emit(() => out('subscriber', 'activationAck', activationAckTerm())),
            },
            // Annex x.1: no live subscription, no AVs.
            avRequest: { guard: 'forThisPcid', actions: emit(({ event }) => out(event.from, 'avReject', avRejectTerm())) },
          },
        },
        Active: {
          on: {
            // 004 step 3 "The RO transfers AVs for the claimed PCID to the VNO"; 001 step 3 "the ICF ... can generate AVs".
            avRequest: {
              guard: ({ context, event }) => context.avsIssued < MAX_AVS && same(fieldsOf(event.msg, 'avRequest', 1)?.[0], context.creds?.pcid),
              actions: [
                emit(({ context, event }) => out(event.from, 'avResponse', avResponseTerm(randNonce(context.avsIssued + 1)))),
                assign(({ context }) => ({ avsIssued: context.avsIssued + 1 })),
              ],
            },
            // Step 4-5: the VNO's GGSN at the RO; "the RO forwards the PCID from its ICF to its DRF".
            pdpContext: { guard: 'forThisPcid', actions: assign({ connected: true }) },
          },
        },
      },
    },
    DRF: {
      initial: 'Idle',
      on: {
        // 5.1.3.5.2 the subscriber informs the RO of its SHO (001 step 9 "the SHO which has contract").
        shoSelection: {
          guard: ({ event }) => { const s = nameId(fieldsOf(event.msg, 'shoSelection', 2)?.[1]); return s !== undefined && isShoId(s); },
          actions: assign(({ event }) => ({ directory: nameId(fieldsOf(event.msg, 'shoSelection', 2)![1]) as ShoId })),
        },
        // 5.1.3.6.3 unauthenticated non-3GPP: "a direct IP connection to an RO (DRF)".
        directConnection: { guard: ({ event }) => event.from === 'icsp', actions: assign({ connected: true }) },
        // 5.1.3.7.4.2 step 14 "register the M2ME as 'subscribing to' the new SHO, for future discovery queries".
        shoRegistration: {
          guard: ({ context, event }) => {
            if (!isShoId(event.from)) return false;
            const f = fieldsOf(verifySigned(event.msg, pk(skSho(event.from))), 'subscribes', 2);
            return f !== undefined && same(f[0], context.creds?.pcid) && nameId(f[1]) === event.from;
          },
          actions: assign(({ event }) => ({ directory: event.from as ShoId })),
        },
      },
      states: {
        Idle: {
          on: {
            // Step 5-6 "The RO assists the M2ME in discovering its SHO"; x.2.2 OMA DM bootstrap authenticated
            // with the device PIN (001 step 10 "the address of the DPF, the address of the SHO").
            discoveryRequest: {
              guard: ({ context, event }) => context.connected && context.directory !== null && context.creds !== null &&
                same(fieldsOf(event.msg, 'discover', 1)?.[0], context.creds.pcid),
              actions: [
                emit(({ context }) => out('m2me', 'bootstrap', bootstrapTerm(context.directory!))),
                assign({ connected: false }),
              ],
            },
            // Step 7 "The RO connects to the SHO and registers the M2ME there": the TRE-signed registration goes
            // to the SHO it names (the SHO itself checks its contract).
            registrationRequest: {
              guard: ({ context, event }) => registrationSho(event.msg, context.creds?.pcid) !== undefined,
              actions: emit(({ context, event }) => out(registrationSho(event.msg, context.creds?.pcid)!, 'registration', event.msg)),
            },
          },
        },
      },
    },
    DPF: {
      initial: 'Idle',
      states: {
        Idle: {
          on: {
            // Step 11 "contacts the RO (DPF) and authorizes provisioning"; step 12 "downloads a MCIM object"
            // (001 steps 17-18; 5.1.3.7.4.2 steps 6-7 over the old SHO's connectivity).
            provisioningAuthorisation: {
              guard: ({ context, event }) => authorisation(context, event) !== undefined,
              target: 'Downloading',
              actions: [
                emit(({ context, event }) => out('m2me', 'mcimDownload', authorisation(context, event)!.object)),
                assign(({ context, event }) => downloadFor(context, event)),
              ],
            },
            // 5.1.3.7.4.2 both-present variant: the new SHO authorises use of its MCIM already in the M2ME.
            activationAuthorisation: {
              guard: ({ context, event }) => authorisation(context, event) !== undefined,
              target: 'Downloading',
              actions: [
                emit(({ context, event }) => out('m2me', 'mcimActivation', authorisation(context, event)!.object)),
                assign(({ context, event }) => downloadFor(context, event)),
              ],
            },
          },
        },
        Downloading: {
          on: {
            // 5.1.3.7.4.2 step 11 "sends the acknowledgment message to the RO (DPF), which relays it to the new
            // SHO. Some privacy filtering may be applied"; then step 12 the DPF aids the provisioning (commit).
            discardAck: {
              guard: ({ context, event }) => shoIds.some((s) => {
                if (s === context.dpfSho) return false;
                const f = fieldsOf(verifySigned(event.msg, pk(skSho(s))), 'discardAck', 2);
                return f !== undefined && same(f[0], context.creds?.pcid) && same(f[1], context.dpfNonce ?? undefined);
              }),
              actions: [
                emit(({ context }) => out(context.dpfSho!, 'discardRelay', discardRelayTerm(context.dpfNonce!))),
                emit(({ context }) => out('m2me', 'provisionCommit', provisionCommitTerm(context.dpfNonce!))),
              ],
            },
            // 004 step 14 / 5.1.3.7.4.2 step 13 "reports the success/failure status of the provisioning" to the SHO.
            provisioningStatus: {
              guard: ({ context }) => context.dpfSho !== null,
              target: 'Idle',
              actions: [
                emit(({ context, event }) => out(context.dpfSho!, 'provisioningReport', provisioningReportTerm(event.msg))),
                assign({ dpfSho: null, dpfNonce: null }),
              ],
            },
          },
        },
      },
    },
  },
});

