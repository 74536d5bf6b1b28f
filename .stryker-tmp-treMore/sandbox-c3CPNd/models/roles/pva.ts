// The Platform Validation Authority (004 5.1.3.5.8): validates the PfC and the TRE's signed measurement
// against the reference the M2MES supplied, and reports to the requesting SHO (steps 8-10).
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
import { pk, type Term } from '../../src/attacker/Term.ts';
import { isOn, type SwitchId } from '../counterMeasures/switches.ts';
import { fail, ok, out, skEs, validationResultTerm, type Delivery, type SendEvent } from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, type ShoId } from '../roleIds.ts';
export interface PvaContext {
  readonly off: readonly SwitchId[];
  /** The PfCs obtained from the M2MES "in advance ... in a secure manner" (5.1.3.5.8), one per device. */
  readonly references: readonly Term[];
}
export type PvaEvent = Delivery<'platformReference' | 'validationRequest'>;

/** The certified fields of a PfC signed by the M2MES: PCID, TRE public key, measurement (5.1.3.5.8 (3)). */
function certified(pfc: Term | undefined): {
  pcid: Term;
  treKey: Term;
  measurement: Term;
} | undefined {
  const f = fieldsOf(verifySigned(pfc, pk(skEs)), 'PfC', 3);
  return (stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2", "3"), f === undefined)) ? undefined : {
    pcid: f[0]!,
    treKey: f[1]!,
    measurement: f[2]!
  };
}
const isReference = (msg: Term): boolean => certified(fieldsOf(msg, 'platformReference', 1)?.[0]) !== undefined;

/** 5.1.3.5.8 "Validation of platform credentials that assert the authenticity and integrity of the M2ME":
 *  the registration is signed with the key a genuine PfC certifies and reports the measurement the PfC asserts
 *  (x.3 PVA "Correctly authenticate the identity and compliance status"); with [t5 cm2] the PfC must be the
 *  reference of the PCID being registered, binding the TRE to the M2ME identity. Returns the device, nonce and
 *  SHO to answer for, and the verdict. */
export function validate(ctx: PvaContext, msg: Term): {
  pcid: Term;
  nonce: Term;
  sho: ShoId;
  valid: boolean;
} | undefined {
  const req = fieldsOf(msg, 'validate', 2);
  const registration = req?.[1];
  const f = (stryMutAct_9fa48("10") ? false : stryMutAct_9fa48("9") ? true : (stryCov_9fa48("9", "10"), registration?.kind === 'sign')) ? fieldsOf(registration.body, 'register', 5) : undefined;
  const body = (stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16"), f === undefined)) ? undefined : {
    pcid: f[0]!,
    nonce: f[1]!,
    sho: nameId(f[2]),
    pfc: f[3]!,
    measurement: f[4]!
  };
  if (stryMutAct_9fa48("20") ? false : stryMutAct_9fa48("19") ? true : (stryCov_9fa48("19", "20"), (stryMutAct_9fa48("22") ? false : (stryCov_9fa48("22"), (stryMutAct_9fa48("24") ? false : (stryCov_9fa48("24"), (stryMutAct_9fa48("26") ? false : (stryCov_9fa48("26"), body === undefined)) || (stryMutAct_9fa48("28") ? false : (stryCov_9fa48("28"), body.sho === undefined)))) || (stryMutAct_9fa48("30") ? isShoId(body.sho) : (stryCov_9fa48("30"), !isShoId(body.sho))))) || (stryMutAct_9fa48("31") ? false : (stryCov_9fa48("31"), nameId(req?.[0]) !== body.sho)))) return undefined;
  const cert = certified(body.pfc);
  // Off: any PfC the M2MES signed will do, whatever device it was made for.
  const reference = isOn(ctx.off, 't5.cm2') ? ctx.references.some(r => stryMutAct_9fa48("38") ? false : stryMutAct_9fa48("37") ? true : (stryCov_9fa48("37", "38"), same(r, body.pfc) && same(cert?.pcid, body.pcid))) : stryMutAct_9fa48("41") ? false : (stryCov_9fa48("41"), true);
  const valid = stryMutAct_9fa48("43") ? false : stryMutAct_9fa48("42") ? true : (stryCov_9fa48("42", "43"), (stryMutAct_9fa48("45") ? true : (stryCov_9fa48("45"), (stryMutAct_9fa48("47") ? true : (stryCov_9fa48("47"), (stryMutAct_9fa48("49") ? true : (stryCov_9fa48("49"), cert !== undefined)) && reference)) && (stryMutAct_9fa48("51") ? true : (stryCov_9fa48("51"), verifySigned(registration, cert.treKey) !== undefined)))) && same(body.measurement, cert.measurement));
  return {
    pcid: body.pcid,
    nonce: body.nonce,
    sho: body.sho,
    valid
  };
}

/** The PfCs after `msg`, a reference for one device (it replaces that device's earlier one). */
function withReference(references: readonly Term[], msg: Term): readonly Term[] {
  const pfc = fieldsOf(msg, 'platformReference', 1)![0]!;
  const pcid = certified(pfc)!.pcid;
  return [...references.filter(r => !same(certified(r)?.pcid, pcid)), pfc];
}

/** The PVA of a world of `devices` honest devices: it validates once it holds the reference of each (5.1.3.5.8 "in
 *  advance"), so no registration of a device is judged before that device's PfC arrived. */
function buildPvaMachine(devices: number) {
  return setup({
    types: {
      context: {} as PvaContext,
      events: {} as PvaEvent,
      emitted: {} as SendEvent,
      input: {} as {
        off?: readonly SwitchId[];
      }
    }
  }).createMachine({
    id: 'pva',
    context: ({
      input
    }) => ({
      off: input?.off ?? [],
      references: []
    }),
    initial: 'Unconfigured',
    on: {
      // 5.1.3.5.8 PfC "obtained by PVA in advance of the manufacture"; again after a remote update (the new PfC
      // replaces the device's old one). The supplier-PVA link is closed (out of band).
      platformReference: [{
        guard: ({
          context,
          event
        }) => isReference(event.msg) && withReference(context.references, event.msg).length >= devices,
        target: '.Ready',
        actions: assign(({
          context,
          event
        }) => ({
          references: withReference(context.references, event.msg)
        }))
      }, {
        guard: ({
          event
        }) => isReference(event.msg),
        actions: assign(({
          context,
          event
        }) => ({
          references: withReference(context.references, event.msg)
        }))
      }]
    },
    states: {
      Unconfigured: {},
      Ready: {
        on: {
          // Step 9 "The PVA validates the authenticity and integrity of the M2ME"; step 10 "sends the validation
          // results back to the SHO" named in the request (signed, so the SHO can rely on it: x.2.3 "the correct
          // (trusted) PVA"; the SHO-PVA link is closed).
          validationRequest: {
            guard: ({
              context,
              event
            }) => validate(context, event.msg) !== undefined,
            actions: emit(({
              context,
              event
            }) => {
              const v = validate(context, event.msg)!;
              return out(v.sho, 'validationResult', validationResultTerm(v.pcid, v.nonce, v.sho, v.valid ? ok : fail));
            })
          }
        }
      }
    }
  });
}
const builtPva = new Map<number, ReturnType<typeof buildPvaMachine>>();

/** The PVA machine of a world of `devices` honest devices (built once per count). */
export function pvaMachineFor(devices: number): ReturnType<typeof buildPvaMachine> {
  let m = builtPva.get(devices);
  if (m === undefined) builtPva.set(devices, m = buildPvaMachine(devices));
  return m;
}

/** The PVA of a one-device world. */
export const pvaMachine = pvaMachineFor(1);