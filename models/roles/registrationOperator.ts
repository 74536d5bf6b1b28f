// The Registration Operator (004 5.1.3.5.4) with its three technical functions as parallel regions:
// ICF (5.1.3.4.4, AVs for the PCID), DRF (5.1.3.4.2, discovery, bootstrap, registration at the SHO),
// DPF (5.1.3.4.3, download of the MCIM object, status back to the SHO, change-of-operator relay).
import { assign, emit, enqueueActions, setup } from 'xstate';
import { oneDevice, type DeviceAddressing } from '../deviceAddressing.ts';
import { pk, type Term } from '../../src/attacker/Term.ts';
import type { SwitchId } from '../counterMeasures/switches.ts';
import { clientAuthenticated } from './dmSession.ts';
import {
  activationAckTerm, avRejectTerm, avResponseTerm, bootstrapTerm, discardRelayTerm, dmServerAuthTerm, out, provisionCommitTerm,
  provisioningReportTerm, randNonce, selectionAckTerm, skRo, skSho, type Delivery, type SendEvent,
} from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, allShoIds, type ShoId } from '../roleIds.ts';
import { builtOnce } from './builtOnce.ts';

/** What the RO knows of one device: the CCIF's credentials (x.3 ICF) and the DRF's state for it. */
export interface RoDevice {
  readonly pcid: Term;
  readonly kInit: Term;
  readonly kPin: Term;
  /** Step 5 "Internally, the RO forwards the PCID from its ICF to its DRF", or the ICSP's direct connection. */
  readonly connected: boolean;
  /** The DRF's record of the SHO the M2ME subscribes to (001 step 9 "in its database"; 5.1.3.7.4.2 step 14). */
  readonly directory: ShoId | null;
}

export interface RoContext {
  /** Devices whose initial credentials the M2MES's CCIF sent (x.3 ICF), in the order received. */
  readonly devices: readonly RoDevice[];
  readonly delayedActivation: boolean;
  /** AVs issued so far (each with a fresh RAND); bounded to keep the state space finite. */
  readonly avsIssued: number;
  /** The SHO the DPF is provisioning for, the device, and the registration nonce of that provisioning. */
  readonly dpfSho: ShoId | null;
  readonly dpfDevice: Term | null;
  readonly dpfNonce: Term | null;
  /** With omaDmSession: the object the DPF holds for the download until the client has authenticated (step 12). */
  readonly dpfObject: { readonly kind: 'mcimDownload' | 'mcimActivation'; readonly object: Term } | null;
  /** Assumption omaDmSession: steps 12-13 run in an OMA DM session (models/roles/dmSession.ts); `off` for its switch. */
  readonly dmSession: boolean;
  /** Assumption failureReport: the TRE reports a failed provisioning; the DPF passes it on and keeps the download open. */
  readonly failureReport: boolean;
  readonly off: readonly SwitchId[];
  /** Ghost logs (properties only): every client answer the DPF accepted in a session, and every server authentication it sent. */
  readonly dmClients: readonly Term[];
  readonly dmAnswers: readonly Term[];
  /** Ghost: every release the DPF relayed (5.1.3.7.4.2 step 11), to which new SHO, as sent. */
  readonly releases: readonly { readonly to: ShoId; readonly relay: Term }[];
}

const MAX_AVS = 3;

type RoInbound =
  | 'initialCredentials' | 'activationNotice' | 'avRequest' | 'pdpContext' | 'directConnection' | 'shoSelection'
  | 'discoveryRequest' | 'registrationRequest' | 'shoRegistration' | 'provisioningAuthorisation'
  | 'activationAuthorisation' | 'provisioningStatus' | 'discardAck' | 'dmSessionOpen' | 'updateAuthorisation';

export type RoEvent = Delivery<RoInbound>;

/** The device a message names at `index` of `<tag, ...>`, when the RO knows it. */
function deviceIn(ctx: RoContext, msg: Term, tag: string, arity: number, index = 0): RoDevice | undefined {
  const pcid = fieldsOf(msg, tag, arity)?.[index];
  return pcid === undefined ? undefined : ctx.devices.find((d) => same(d.pcid, pcid));
}

function withDevice(ctx: RoContext, pcid: Term, patch: Partial<RoDevice>): Partial<RoContext> {
  return { devices: ctx.devices.map((d) => (same(d.pcid, pcid) ? { ...d, ...patch } : d)) };
}

/** Steps 11-12: an authorisation signed by one of the SHOs (the key proves which: the envelope never does),
 *  `<authorise, PCID, object>` for a device the RO knows; the object is the M2MSIMMobj or the both-present
 *  `activateMcim`, signed with message recovery, so the DPF reads the PCID and nonce, never the blob. */
function authorisation(ctx: RoContext, msg: Term): { sho: ShoId; device: Term; object: Term; nonce: Term } | undefined {
  for (const sho of allShoIds) {
    const f = fieldsOf(verifySigned(msg, pk(skSho(sho))), 'authorise', 2);
    const device = f === undefined ? undefined : ctx.devices.find((d) => same(d.pcid, f[0]));
    const object = f?.[1];
    if (device === undefined || object === undefined) continue;
    const inner = object.kind === 'sign' ? fieldsOf(object.body, 'M2MSIMMobj', 3) ?? fieldsOf(object.body, 'activateMcim', 3) : undefined;
    if (inner === undefined || !same(inner[0], device.pcid) || inner[1] === undefined) continue;
    return { sho, device: device.pcid, object, nonce: inner[1] };
  }
  return undefined;
}

/** Step 13's status reports failure (`<provisioned, PCID, nonce, SHO, fail>`, read without checking its signer: the SHO
 *  checks it, step 14). */
const reportsFailure = (msg: Term): boolean => nameId((msg.kind === 'sign' ? fieldsOf(msg.body, 'provisioned', 4) : undefined)?.[3]) === 'fail';

/** The client's answer in the session of the download in progress, authenticated with the device PIN (x.2.2). */
function clientInSession(ctx: RoContext, msg: Term): boolean {
  const c = ctx.dpfObject === null ? undefined : clientAuthenticated(ctx.off, msg, (pcid) => ctx.devices.find((d) => same(d.pcid, pcid))?.kPin);
  return c !== undefined && same(c.pcid, ctx.dpfDevice ?? undefined) && same(c.nonce, ctx.dpfNonce ?? undefined);
}

/** 5.1.3.4.3 "Update previously downloaded MCIM applications": an SHO's authorisation (as in step 11) carrying its
 *  signed update for a device the RO knows; the DPF reads the PCID, never the update. */
function updateAuthorised(ctx: RoContext, msg: Term): { device: Term; update: Term } | undefined {
  for (const sho of allShoIds) {
    const f = fieldsOf(verifySigned(msg, pk(skSho(sho))), 'authorise', 2);
    const device = f === undefined ? undefined : ctx.devices.find((d) => same(d.pcid, f[0]));
    const update = f?.[1];
    const inner = update?.kind === 'sign' ? fieldsOf(update.body, 'mcimUpdate', 4) : undefined;
    if (device !== undefined && update !== undefined && inner !== undefined && same(inner[0], device.pcid)) return { device: device.pcid, update };
  }
  return undefined;
}

/** The DPF remembers which SHO and device it downloads for and the nonce: the old SHO's ack and the commit carry it. */
function downloadFor(ctx: RoContext, msg: Term): Partial<RoContext> {
  const a = authorisation(ctx, msg)!;
  return { dpfSho: a.sho, dpfDevice: a.device, dpfNonce: a.nonce };
}

/** Step 7: the SHO a TRE-signed registration names, for a device the RO knows. */
function registrationSho(ctx: RoContext, msg: Term): ShoId | undefined {
  const body = msg.kind === 'sign' ? fieldsOf(msg.body, 'register', 5) : undefined;
  const sho = nameId(body?.[2]);
  return body !== undefined && ctx.devices.some((d) => same(d.pcid, body[0])) && sho !== undefined && isShoId(sho) ? sho : undefined;
}

/** 5.1.3.7.4.2 step 14: `<subscribes, PCID, SHO>` under the key of the SHO it names. */
function subscription(ctx: RoContext, msg: Term): { pcid: Term; sho: ShoId } | undefined {
  const claimed = msg.kind === 'sign' ? nameId(fieldsOf(msg.body, 'subscribes', 2)?.[1]) : undefined;
  if (claimed === undefined || !isShoId(claimed)) return undefined;
  const f = fieldsOf(verifySigned(msg, pk(skSho(claimed))), 'subscribes', 2);
  const device = f === undefined ? undefined : ctx.devices.find((d) => same(d.pcid, f[0]));
  return device === undefined ? undefined : { pcid: device.pcid, sho: claimed };
}

/** 5.1.3.5.2: the subscriber's notice names a known device and an SHO. */
function selection(ctx: RoContext, msg: Term): { pcid: Term; sho: ShoId } | undefined {
  const device = deviceIn(ctx, msg, 'shoSelection', 2);
  const sho = nameId(fieldsOf(msg, 'shoSelection', 2)?.[1]);
  return device === undefined || sho === undefined || !isShoId(sho) ? undefined : { pcid: device.pcid, sho };
}

/** The old SHO's acknowledgment (5.1.3.7.4.2 step 10) for the provisioning in progress, under an SHO key other
 *  than the new SHO's. */
function discardAcknowledged(ctx: RoContext, msg: Term): boolean {
  return allShoIds.some((s) => {
    if (s === ctx.dpfSho) return false;
    const f = fieldsOf(verifySigned(msg, pk(skSho(s))), 'discardAck', 2);
    return f !== undefined && same(f[0], ctx.dpfDevice ?? undefined) && same(f[1], ctx.dpfNonce ?? undefined);
  });
}

/** The RO, answering each device at its own M2ME and subscriber, by the PCID it serves (5.1.3.6.2 steps 3-12). */
function buildRoMachine(addressing: DeviceAddressing) {
  type Enqueue = { emit: (e: SendEvent) => void; assign: (patch: Partial<RoContext>) => void };
  /** Step 12 "The RO (DPF) downloads a MCIM object to the M2ME" at once, or, with omaDmSession, once the session is
   *  up: the DPF, acting as the DM server, first authenticates to the TRE under its key from the bootstrap (x.2.2
   *  option 2; the server first, as in the TLS negotiation x.2.2 names) and holds the object for the client's answer. */
  function startDownload(context: RoContext, msg: Term, kind: 'mcimDownload' | 'mcimActivation', enqueue: Enqueue): void {
    const a = authorisation(context, msg)!;
    const to = addressing.of('m2me', a.device);
    if (!context.dmSession) {
      enqueue.emit(out(to, kind, a.object));
      enqueue.assign(downloadFor(context, msg));
      return;
    }
    const answer = dmServerAuthTerm(a.device, a.nonce);
    enqueue.emit(out(to, 'dmServerAuth', answer));
    enqueue.assign({ ...downloadFor(context, msg), dpfObject: { kind, object: a.object }, dmAnswers: [...context.dmAnswers, answer] });
  }
  return setup({
    types: {
      context: {} as RoContext, events: {} as RoEvent, emitted: {} as SendEvent,
      input: {} as { delayedActivation: boolean; dmSession?: boolean; failureReport?: boolean; off?: readonly SwitchId[] },
    },
    actions: {
      storeCredentials: assign(({ context, event }) => {
        const f = fieldsOf(event.msg, 'initialCredentials', 3);
        if (f === undefined || context.devices.some((d) => same(d.pcid, f[0]))) return {};
        return { devices: [...context.devices, { pcid: f[0]!, kInit: f[1]!, kPin: f[2]!, connected: false, directory: null }] };
      }),
    },
    guards: {
      avForKnownDevice: ({ context, event }) => deviceIn(context, event.msg, 'avRequest', 1) !== undefined,
    },
  }).createMachine({
    id: 'ro',
    context: ({ input }) => ({
      devices: [], delayedActivation: input.delayedActivation, avsIssued: 0, dpfSho: null, dpfDevice: null, dpfNonce: null, dpfObject: null,
      dmSession: input.dmSession ?? false, failureReport: input.failureReport ?? false, off: input.off ?? [], dmClients: [], dmAnswers: [], releases: [],
    }),
    type: 'parallel',
    states: {
      ICF: {
        initial: 'NoCredentials',
        on: {
          // x.3 ICF "Securely receive and store initial connectivity credentials and PCIDs from M2MESs" (more devices).
          initialCredentials: { guard: ({ context, event }) => deviceIn(context, event.msg, 'initialCredentials', 3) === undefined, actions: 'storeCredentials' },
        },
        states: {
          NoCredentials: {
            on: {
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
                guard: ({ context, event }) => deviceIn(context, event.msg, 'activationNotice', 1) !== undefined,
                target: 'Active',
                actions: emit(({ context, event }) => {
                  const pcid = deviceIn(context, event.msg, 'activationNotice', 1)!.pcid;
                  return out(addressing.of('subscriber', pcid), 'activationAck', activationAckTerm(pcid));
                }),
              },
              // Annex x.1: no live subscription, no AVs.
              avRequest: {
                guard: 'avForKnownDevice',
                actions: emit(({ context, event }) => out(event.from, 'avReject', avRejectTerm(deviceIn(context, event.msg, 'avRequest', 1)!.pcid))),
              },
            },
          },
          Active: {
            on: {
              // 004 step 3 "The RO transfers AVs for the claimed PCID to the VNO"; 001 step 3 "the ICF ... can generate AVs".
              // The answer goes back to the access network that asked (routing, not authentication).
              avRequest: {
                guard: ({ context, event }) => context.avsIssued < MAX_AVS && deviceIn(context, event.msg, 'avRequest', 1) !== undefined,
                actions: [
                  emit(({ context, event }) => {
                    const d = deviceIn(context, event.msg, 'avRequest', 1)!;
                    return out(event.from, 'avResponse', avResponseTerm(d.pcid, d.kInit, randNonce(context.avsIssued + 1)));
                  }),
                  assign(({ context }) => ({ avsIssued: context.avsIssued + 1 })),
                ],
              },
              // Step 4-5: the VNO's GGSN at the RO; "the RO forwards the PCID from its ICF to its DRF".
              pdpContext: {
                guard: ({ context, event }) => deviceIn(context, event.msg, 'session', 1) !== undefined,
                actions: assign(({ context, event }) => withDevice(context, deviceIn(context, event.msg, 'session', 1)!.pcid, { connected: true })),
              },
            },
          },
        },
      },
      DRF: {
        initial: 'Idle',
        on: {
          // 5.1.3.5.2 the subscriber informs the RO of its SHO (001 step 9 "the SHO which has contract"); over the
          // subscriber's portal, protected by assumption (docs/model.md).
          shoSelection: {
            guard: ({ context, event }) => selection(context, event.msg) !== undefined,
            actions: [
              assign(({ context, event }) => {
                const s = selection(context, event.msg)!;
                return withDevice(context, s.pcid, { directory: s.sho });
              }),
              emit(({ context, event }) => {
                const s = selection(context, event.msg)!;
                return out(addressing.of('subscriber', s.pcid), 'selectionAck', selectionAckTerm(s.pcid, s.sho));
              }),
            ],
          },
          // 5.1.3.6.3 unauthenticated non-3GPP: "a direct IP connection to an RO (DRF)" (the ICSP-RO link is closed).
          directConnection: {
            guard: ({ context, event }) => deviceIn(context, event.msg, 'direct', 1) !== undefined,
            actions: assign(({ context, event }) => withDevice(context, deviceIn(context, event.msg, 'direct', 1)!.pcid, { connected: true })),
          },
          // 5.1.3.7.4.2 step 14 "register the M2ME as 'subscribing to' the new SHO, for future discovery queries".
          shoRegistration: {
            guard: ({ context, event }) => subscription(context, event.msg) !== undefined,
            actions: assign(({ context, event }) => {
              const s = subscription(context, event.msg)!;
              return withDevice(context, s.pcid, { directory: s.sho });
            }),
          },
        },
        states: {
          Idle: {
            on: {
              // Step 5-6 "The RO assists the M2ME in discovering its SHO"; x.2.2 OMA DM bootstrap authenticated
              // with the device PIN, naming the SHO and carrying the DM server's (DPF's) public key (option 2).
              discoveryRequest: {
                guard: ({ context, event }) => {
                  const d = deviceIn(context, event.msg, 'discover', 1);
                  return d !== undefined && d.connected && d.directory !== null;
                },
                actions: [
                  emit(({ context, event }) => {
                    const d = deviceIn(context, event.msg, 'discover', 1)!;
                    return out(addressing.of('m2me', d.pcid), 'bootstrap', bootstrapTerm(d.pcid, d.kPin, d.directory!, pk(skRo)));
                  }),
                  assign(({ context, event }) => withDevice(context, deviceIn(context, event.msg, 'discover', 1)!.pcid, { connected: false })),
                ],
              },
              // Step 7 "The RO connects to the SHO and registers the M2ME there": the TRE-signed registration goes
              // to the SHO it names (the SHO itself checks its contract).
              registrationRequest: {
                guard: ({ context, event }) => registrationSho(context, event.msg) !== undefined,
                actions: emit(({ context, event }) => out(registrationSho(context, event.msg)!, 'registration', event.msg)),
              },
            },
          },
        },
      },
      DPF: {
        initial: 'Idle',
        on: {
          // 5.1.3.4.3 "Update previously downloaded MCIM applications or credentials", whatever download is in progress.
          updateAuthorisation: {
            guard: ({ context, event }) => updateAuthorised(context, event.msg) !== undefined,
            actions: emit(({ context, event }) => {
              const u = updateAuthorised(context, event.msg)!;
              return out(addressing.of('m2me', u.device), 'mcimUpdate', u.update);
            }),
          },
        },
        states: {
          Idle: {
            on: {
              // Step 11 "contacts the RO (DPF) and authorizes provisioning"; step 12 "downloads a MCIM object"
              // (001 steps 17-18; 5.1.3.7.4.2 steps 6-7 over the old SHO's connectivity).
              provisioningAuthorisation: {
                guard: ({ context, event }) => authorisation(context, event.msg) !== undefined,
                target: 'Downloading',
                actions: enqueueActions(({ context, event, enqueue }) => startDownload(context, event.msg, 'mcimDownload', enqueue)),
              },
              // 5.1.3.7.4.2 both-present variant: the new SHO authorises use of its MCIM already in the M2ME.
              activationAuthorisation: {
                guard: ({ context, event }) => authorisation(context, event.msg) !== undefined,
                target: 'Downloading',
                actions: enqueueActions(({ context, event, enqueue }) => startDownload(context, event.msg, 'mcimActivation', enqueue)),
              },
            },
          },
          Downloading: {
            on: {
              // The client authenticated in the session (omaDmSession; x.2.2 device PIN, 003 t2 cm4): step 12 now.
              dmSessionOpen: {
                guard: ({ context, event }) => clientInSession(context, event.msg),
                actions: [
                  emit(({ context }) => out(addressing.of('m2me', context.dpfDevice), context.dpfObject!.kind, context.dpfObject!.object)),
                  assign(({ context, event }) => ({ dpfObject: null, dmClients: [...context.dmClients, event.msg] })),
                ],
              },
              // 5.1.3.7.4.2 step 11 "sends the acknowledgment message to the RO (DPF), which relays it to the new
              // SHO. Some privacy filtering may be applied"; then step 12 the DPF aids the provisioning (commit).
              discardAck: {
                guard: ({ context, event }) => discardAcknowledged(context, event.msg),
                actions: [
                  emit(({ context }) => out(context.dpfSho!, 'discardRelay', discardRelayTerm(context.dpfDevice!, context.dpfNonce!))),
                  emit(({ context }) => out(addressing.of('m2me', context.dpfDevice), 'provisionCommit', provisionCommitTerm(context.dpfDevice!, context.dpfNonce!))),
                  assign(({ context }) => ({ releases: [...context.releases, { to: context.dpfSho!, relay: discardRelayTerm(context.dpfDevice!, context.dpfNonce!) }] })),
                ],
              },
              // 004 step 14 / 5.1.3.7.4.2 step 13 "reports the success/failure status of the provisioning" to the SHO.
              provisioningStatus: [
                {
                  // A failure status (assumption failureReport) is reported on; the download stays open, since the
                  // TRE keeps waiting for a good object (the text says nothing of a retry).
                  guard: ({ context, event }) => context.failureReport && context.dpfSho !== null && reportsFailure(event.msg),
                  actions: emit(({ context, event }) => out(context.dpfSho!, 'provisioningReport', provisioningReportTerm(context.dpfDevice!, event.msg))),
                },
                {
                guard: ({ context }) => context.dpfSho !== null,
                target: 'Idle',
                actions: [
                  emit(({ context, event }) => out(context.dpfSho!, 'provisioningReport', provisioningReportTerm(context.dpfDevice!, event.msg))),
                  assign({ dpfSho: null, dpfDevice: null, dpfNonce: null, dpfObject: null }),
                ],
                },
              ],
            },
          },
        },
      },
    },
  });
}

/** The machine for `addressing` (built once per value). */
export const registrationOperatorMachineFor = builtOnce(buildRoMachine, (a: DeviceAddressing) => a.devices.join());

/** The machine of a one-device world. */
export const registrationOperatorMachine = registrationOperatorMachineFor(oneDevice);
