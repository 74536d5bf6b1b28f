// The Registration Operator (004 5.1.3.5.4) with its three technical functions as parallel regions:
// ICF (5.1.3.4.4, AVs for the PCID), DRF (5.1.3.4.2, discovery, bootstrap, registration at the SHO),
// DPF (5.1.3.4.3, download of the MCIM object, status back to the SHO, change-of-operator relay).
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { assign, emit, setup } from 'xstate';
import { oneDevice, type DeviceAddressing } from '../deviceAddressing.ts';
import { pk, type Term } from '../../src/attacker/Term.ts';
import { activationAckTerm, avRejectTerm, avResponseTerm, bootstrapTerm, discardRelayTerm, out, provisionCommitTerm, provisioningReportTerm, randNonce, selectionAckTerm, skRo, skSho, type Delivery, type SendEvent } from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, shoIds, type ShoId } from '../roleIds.ts';

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
}
const MAX_AVS = 3;
type RoInbound = 'initialCredentials' | 'activationNotice' | 'avRequest' | 'pdpContext' | 'directConnection' | 'shoSelection' | 'discoveryRequest' | 'registrationRequest' | 'shoRegistration' | 'provisioningAuthorisation' | 'activationAuthorisation' | 'provisioningStatus' | 'discardAck';
export type RoEvent = Delivery<RoInbound>;

/** The device a message names at `index` of `<tag, ...>`, when the RO knows it. */
function deviceIn(ctx: RoContext, msg: Term, tag: string, arity: number, index = 0): RoDevice | undefined {
  const pcid = fieldsOf(msg, tag, arity)?.[index];
  return (stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2", "3"), pcid === undefined)) ? undefined : ctx.devices.find(d => same(d.pcid, pcid));
}
function withDevice(ctx: RoContext, pcid: Term, patch: Partial<RoDevice>): Partial<RoContext> {
  return {
    devices: ctx.devices.map(d => same(d.pcid, pcid) ? {
      ...d,
      ...patch
    } : d)
  };
}

/** Steps 11-12: an authorisation signed by one of the SHOs (the key proves which: the envelope never does),
 *  `<authorise, PCID, object>` for a device the RO knows; the object is the M2MSIMMobj or the both-present
 *  `activateMcim`, signed with message recovery, so the DPF reads the PCID and nonce, never the blob. */
function authorisation(ctx: RoContext, msg: Term): {
  sho: ShoId;
  device: Term;
  object: Term;
  nonce: Term;
} | undefined {
  for (const sho of shoIds) {
    const f = fieldsOf(verifySigned(msg, pk(skSho(sho))), 'authorise', 2);
    const device = (stryMutAct_9fa48("10") ? false : stryMutAct_9fa48("9") ? true : (stryCov_9fa48("9", "10"), f === undefined)) ? undefined : ctx.devices.find(d => same(d.pcid, f[0]));
    const object = f?.[1];
    if (stryMutAct_9fa48("15") ? false : stryMutAct_9fa48("14") ? true : (stryCov_9fa48("14", "15"), (stryMutAct_9fa48("17") ? false : (stryCov_9fa48("17"), device === undefined)) || (stryMutAct_9fa48("19") ? false : (stryCov_9fa48("19"), object === undefined)))) continue;
    const inner = (stryMutAct_9fa48("22") ? false : stryMutAct_9fa48("21") ? true : (stryCov_9fa48("21", "22"), object.kind === 'sign')) ? fieldsOf(object.body, 'M2MSIMMobj', 3) ?? fieldsOf(object.body, 'activateMcim', 3) : undefined;
    if (stryMutAct_9fa48("29") ? false : stryMutAct_9fa48("28") ? true : (stryCov_9fa48("28", "29"), (stryMutAct_9fa48("31") ? false : (stryCov_9fa48("31"), (stryMutAct_9fa48("33") ? false : (stryCov_9fa48("33"), inner === undefined)) || (stryMutAct_9fa48("35") ? same(inner[0], device.pcid) : (stryCov_9fa48("35"), !same(inner[0], device.pcid))))) || (stryMutAct_9fa48("36") ? false : (stryCov_9fa48("36"), inner[1] === undefined)))) continue;
    return {
      sho,
      device: device.pcid,
      object,
      nonce: inner[1]
    };
  }
  return undefined;
}

/** The DPF remembers which SHO and device it downloads for and the nonce: the old SHO's ack and the commit carry it. */
function downloadFor(ctx: RoContext, msg: Term): Partial<RoContext> {
  const a = authorisation(ctx, msg)!;
  return {
    dpfSho: a.sho,
    dpfDevice: a.device,
    dpfNonce: a.nonce
  };
}

/** Step 7: the SHO a TRE-signed registration names, for a device the RO knows. */
function registrationSho(ctx: RoContext, msg: Term): ShoId | undefined {
  const body = (stryMutAct_9fa48("41") ? false : stryMutAct_9fa48("40") ? true : (stryCov_9fa48("40", "41"), msg.kind === 'sign')) ? fieldsOf(msg.body, 'register', 5) : undefined;
  const sho = nameId(body?.[2]);
  return (stryMutAct_9fa48("47") ? false : stryMutAct_9fa48("46") ? true : (stryCov_9fa48("46", "47"), (stryMutAct_9fa48("49") ? true : (stryCov_9fa48("49"), (stryMutAct_9fa48("51") ? true : (stryCov_9fa48("51"), (stryMutAct_9fa48("53") ? true : (stryCov_9fa48("53"), body !== undefined)) && ctx.devices.some(d => same(d.pcid, body[0])))) && (stryMutAct_9fa48("57") ? true : (stryCov_9fa48("57"), sho !== undefined)))) && isShoId(sho))) ? sho : undefined;
}

/** 5.1.3.7.4.2 step 14: `<subscribes, PCID, SHO>` under the key of the SHO it names. */
function subscription(ctx: RoContext, msg: Term): {
  pcid: Term;
  sho: ShoId;
} | undefined {
  const claimed = (stryMutAct_9fa48("61") ? false : stryMutAct_9fa48("60") ? true : (stryCov_9fa48("60", "61"), msg.kind === 'sign')) ? nameId(fieldsOf(msg.body, 'subscribes', 2)?.[1]) : undefined;
  if (stryMutAct_9fa48("67") ? false : stryMutAct_9fa48("66") ? true : (stryCov_9fa48("66", "67"), (stryMutAct_9fa48("69") ? false : (stryCov_9fa48("69"), claimed === undefined)) || (stryMutAct_9fa48("71") ? isShoId(claimed) : (stryCov_9fa48("71"), !isShoId(claimed))))) return undefined;
  const f = fieldsOf(verifySigned(msg, pk(skSho(claimed))), 'subscribes', 2);
  const device = (stryMutAct_9fa48("74") ? false : stryMutAct_9fa48("73") ? true : (stryCov_9fa48("73", "74"), f === undefined)) ? undefined : ctx.devices.find(d => same(d.pcid, f[0]));
  return (stryMutAct_9fa48("78") ? false : stryMutAct_9fa48("77") ? true : (stryCov_9fa48("77", "78"), device === undefined)) ? undefined : {
    pcid: device.pcid,
    sho: claimed
  };
}

/** 5.1.3.5.2: the subscriber's notice names a known device and an SHO. */
function selection(ctx: RoContext, msg: Term): {
  pcid: Term;
  sho: ShoId;
} | undefined {
  const device = deviceIn(ctx, msg, 'shoSelection', 2);
  const sho = nameId(fieldsOf(msg, 'shoSelection', 2)?.[1]);
  return (stryMutAct_9fa48("86") ? false : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86"), (stryMutAct_9fa48("88") ? false : (stryCov_9fa48("88"), (stryMutAct_9fa48("90") ? false : (stryCov_9fa48("90"), device === undefined)) || (stryMutAct_9fa48("92") ? false : (stryCov_9fa48("92"), sho === undefined)))) || (stryMutAct_9fa48("94") ? isShoId(sho) : (stryCov_9fa48("94"), !isShoId(sho))))) ? undefined : {
    pcid: device.pcid,
    sho
  };
}

/** The old SHO's acknowledgment (5.1.3.7.4.2 step 10) for the provisioning in progress, under an SHO key other
 *  than the new SHO's. */
function discardAcknowledged(ctx: RoContext, msg: Term): boolean {
  return shoIds.some(s => {
    if (stryMutAct_9fa48("100") ? false : stryMutAct_9fa48("99") ? true : (stryCov_9fa48("99", "100"), s === ctx.dpfSho)) return stryMutAct_9fa48("102") ? true : (stryCov_9fa48("102"), false);
    const f = fieldsOf(verifySigned(msg, pk(skSho(s))), 'discardAck', 2);
    return stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105"), (stryMutAct_9fa48("107") ? true : (stryCov_9fa48("107"), (stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109"), f !== undefined)) && same(f[0], ctx.dpfDevice ?? undefined))) && same(f[1], ctx.dpfNonce ?? undefined));
  });
}

/** The RO, answering each device at its own M2ME and subscriber, by the PCID it serves (5.1.3.6.2 steps 3-12). */
function buildRoMachine(addressing: DeviceAddressing) {
  return setup({
    types: {
      context: {} as RoContext,
      events: {} as RoEvent,
      emitted: {} as SendEvent,
      input: {} as {
        delayedActivation: boolean;
      }
    },
    actions: {
      storeCredentials: assign(({
        context,
        event
      }) => {
        const f = fieldsOf(event.msg, 'initialCredentials', 3);
        if (f === undefined || context.devices.some(d => same(d.pcid, f[0]))) return {};
        return {
          devices: [...context.devices, {
            pcid: f[0]!,
            kInit: f[1]!,
            kPin: f[2]!,
            connected: false,
            directory: null
          }]
        };
      })
    },
    guards: {
      avForKnownDevice: ({
        context,
        event
      }) => deviceIn(context, event.msg, 'avRequest', 1) !== undefined
    }
  }).createMachine({
    id: 'ro',
    context: ({
      input
    }) => ({
      devices: [],
      delayedActivation: input.delayedActivation,
      avsIssued: 0,
      dpfSho: null,
      dpfDevice: null,
      dpfNonce: null
    }),
    type: 'parallel',
    states: {
      ICF: {
        initial: 'NoCredentials',
        on: {
          // x.3 ICF "Securely receive and store initial connectivity credentials and PCIDs from M2MESs" (more devices).
          initialCredentials: {
            guard: ({
              context,
              event
            }) => deviceIn(context, event.msg, 'initialCredentials', 3) === undefined,
            actions: 'storeCredentials'
          }
        },
        states: {
          NoCredentials: {
            on: {
              // Annex x.1: with delayed activation the subscription stays dormant until the user announces switch-on.
              initialCredentials: [{
                guard: ({
                  context,
                  event
                }) => !context.delayedActivation && fieldsOf(event.msg, 'initialCredentials', 3) !== undefined,
                target: 'Active',
                actions: 'storeCredentials'
              }, {
                guard: ({
                  context,
                  event
                }) => context.delayedActivation && fieldsOf(event.msg, 'initialCredentials', 3) !== undefined,
                target: 'Dormant',
                actions: 'storeCredentials'
              }]
            }
          },
          Dormant: {
            on: {
              // Annex x.1 "indicate ... that the M2M equipment is going to be switched on so that the subscription
              // can be activated in the network" (over "an appropriately protected web portal").
              activationNotice: {
                guard: ({
                  context,
                  event
                }) => deviceIn(context, event.msg, 'activationNotice', 1) !== undefined,
                target: 'Active',
                actions: emit(({
                  context,
                  event
                }) => {
                  const pcid = deviceIn(context, event.msg, 'activationNotice', 1)!.pcid;
                  return out(addressing.of('subscriber', pcid), 'activationAck', activationAckTerm(pcid));
                })
              },
              // Annex x.1: no live subscription, no AVs.
              avRequest: {
                guard: 'avForKnownDevice',
                actions: emit(({
                  context,
                  event
                }) => out(event.from, 'avReject', avRejectTerm(deviceIn(context, event.msg, 'avRequest', 1)!.pcid)))
              }
            }
          },
          Active: {
            on: {
              // 004 step 3 "The RO transfers AVs for the claimed PCID to the VNO"; 001 step 3 "the ICF ... can generate AVs".
              // The answer goes back to the access network that asked (routing, not authentication).
              avRequest: {
                guard: ({
                  context,
                  event
                }) => context.avsIssued < MAX_AVS && deviceIn(context, event.msg, 'avRequest', 1) !== undefined,
                actions: [emit(({
                  context,
                  event
                }) => {
                  const d = deviceIn(context, event.msg, 'avRequest', 1)!;
                  return out(event.from, 'avResponse', avResponseTerm(d.pcid, d.kInit, randNonce(context.avsIssued + 1)));
                }), assign(({
                  context
                }) => ({
                  avsIssued: context.avsIssued + 1
                }))]
              },
              // Step 4-5: the VNO's GGSN at the RO; "the RO forwards the PCID from its ICF to its DRF".
              pdpContext: {
                guard: ({
                  context,
                  event
                }) => deviceIn(context, event.msg, 'session', 1) !== undefined,
                actions: assign(({
                  context,
                  event
                }) => withDevice(context, deviceIn(context, event.msg, 'session', 1)!.pcid, {
                  connected: true
                }))
              }
            }
          }
        }
      },
      DRF: {
        initial: 'Idle',
        on: {
          // 5.1.3.5.2 the subscriber informs the RO of its SHO (001 step 9 "the SHO which has contract"); over the
          // subscriber's portal, protected by assumption (docs/model.md).
          shoSelection: {
            guard: ({
              context,
              event
            }) => selection(context, event.msg) !== undefined,
            actions: [assign(({
              context,
              event
            }) => {
              const s = selection(context, event.msg)!;
              return withDevice(context, s.pcid, {
                directory: s.sho
              });
            }), emit(({
              context,
              event
            }) => {
              const s = selection(context, event.msg)!;
              return out(addressing.of('subscriber', s.pcid), 'selectionAck', selectionAckTerm(s.pcid, s.sho));
            })]
          },
          // 5.1.3.6.3 unauthenticated non-3GPP: "a direct IP connection to an RO (DRF)" (the ICSP-RO link is closed).
          directConnection: {
            guard: ({
              context,
              event
            }) => deviceIn(context, event.msg, 'direct', 1) !== undefined,
            actions: assign(({
              context,
              event
            }) => withDevice(context, deviceIn(context, event.msg, 'direct', 1)!.pcid, {
              connected: true
            }))
          },
          // 5.1.3.7.4.2 step 14 "register the M2ME as 'subscribing to' the new SHO, for future discovery queries".
          shoRegistration: {
            guard: ({
              context,
              event
            }) => subscription(context, event.msg) !== undefined,
            actions: assign(({
              context,
              event
            }) => {
              const s = subscription(context, event.msg)!;
              return withDevice(context, s.pcid, {
                directory: s.sho
              });
            })
          }
        },
        states: {
          Idle: {
            on: {
              // Step 5-6 "The RO assists the M2ME in discovering its SHO"; x.2.2 OMA DM bootstrap authenticated
              // with the device PIN, naming the SHO and carrying the DM server's (DPF's) public key (option 2).
              discoveryRequest: {
                guard: ({
                  context,
                  event
                }) => {
                  const d = deviceIn(context, event.msg, 'discover', 1);
                  return d !== undefined && d.connected && d.directory !== null;
                },
                actions: [emit(({
                  context,
                  event
                }) => {
                  const d = deviceIn(context, event.msg, 'discover', 1)!;
                  return out(addressing.of('m2me', d.pcid), 'bootstrap', bootstrapTerm(d.pcid, d.kPin, d.directory!, pk(skRo)));
                }), assign(({
                  context,
                  event
                }) => withDevice(context, deviceIn(context, event.msg, 'discover', 1)!.pcid, {
                  connected: false
                }))]
              },
              // Step 7 "The RO connects to the SHO and registers the M2ME there": the TRE-signed registration goes
              // to the SHO it names (the SHO itself checks its contract).
              registrationRequest: {
                guard: ({
                  context,
                  event
                }) => registrationSho(context, event.msg) !== undefined,
                actions: emit(({
                  context,
                  event
                }) => out(registrationSho(context, event.msg)!, 'registration', event.msg))
              }
            }
          }
        }
      },
      DPF: {
        initial: 'Idle',
        states: {
          Idle: {
            on: {
              // Step 11 "contacts the RO (DPF) and authorizes provisioning"; step 12 "downloads a MCIM object"
              // (001 steps 17-18; 5.1.3.7.4.2 steps 6-7 over the old SHO's connectivity).
              provisioningAuthorisation: {
                guard: ({
                  context,
                  event
                }) => authorisation(context, event.msg) !== undefined,
                target: 'Downloading',
                actions: [emit(({
                  context,
                  event
                }) => {
                  const a = authorisation(context, event.msg)!;
                  return out(addressing.of('m2me', a.device), 'mcimDownload', a.object);
                }), assign(({
                  context,
                  event
                }) => downloadFor(context, event.msg))]
              },
              // 5.1.3.7.4.2 both-present variant: the new SHO authorises use of its MCIM already in the M2ME.
              activationAuthorisation: {
                guard: ({
                  context,
                  event
                }) => authorisation(context, event.msg) !== undefined,
                target: 'Downloading',
                actions: [emit(({
                  context,
                  event
                }) => {
                  const a = authorisation(context, event.msg)!;
                  return out(addressing.of('m2me', a.device), 'mcimActivation', a.object);
                }), assign(({
                  context,
                  event
                }) => downloadFor(context, event.msg))]
              }
            }
          },
          Downloading: {
            on: {
              // 5.1.3.7.4.2 step 11 "sends the acknowledgment message to the RO (DPF), which relays it to the new
              // SHO. Some privacy filtering may be applied"; then step 12 the DPF aids the provisioning (commit).
              discardAck: {
                guard: ({
                  context,
                  event
                }) => discardAcknowledged(context, event.msg),
                actions: [emit(({
                  context
                }) => out(context.dpfSho!, 'discardRelay', discardRelayTerm(context.dpfDevice!, context.dpfNonce!))), emit(({
                  context
                }) => out(addressing.of('m2me', context.dpfDevice), 'provisionCommit', provisionCommitTerm(context.dpfDevice!, context.dpfNonce!)))]
              },
              // 004 step 14 / 5.1.3.7.4.2 step 13 "reports the success/failure status of the provisioning" to the SHO.
              provisioningStatus: {
                guard: ({
                  context
                }) => context.dpfSho !== null,
                target: 'Idle',
                actions: [emit(({
                  context,
                  event
                }) => out(context.dpfSho!, 'provisioningReport', provisioningReportTerm(context.dpfDevice!, event.msg))), assign({
                  dpfSho: null,
                  dpfDevice: null,
                  dpfNonce: null
                })]
              }
            }
          }
        }
      }
    }
  });
}
const builtRoMachine = new Map<string, ReturnType<typeof buildRoMachine>>();

/** The machine for `addressing` (built once per value). */
export function registrationOperatorMachineFor(addressing: DeviceAddressing): ReturnType<typeof buildRoMachine> {
  const key = addressing.devices.join();
  let m = builtRoMachine.get(key);
  if (m === undefined) builtRoMachine.set(key, m = buildRoMachine(addressing));
  return m;
}

/** The machine of a one-device world. */
export const registrationOperatorMachine = registrationOperatorMachineFor(oneDevice);