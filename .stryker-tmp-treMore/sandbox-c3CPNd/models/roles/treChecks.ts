// The TRE's security checks and the messages it builds, as pure functions over its context (004 5.1.2.4, x.2.2,
// x.2.3, 5.1.3.7.4): each counter-measure they implement is a switch read from `off`.
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
import { pk, type Term } from '../../src/attacker/Term.ts';
import { isOn, type SwitchId } from '../counterMeasures/switches.ts';
import { isLifecycleEvent } from '../mcimLifecycleTable.ts';
import { discardNoticeTerm, keypadKey, ok, out, provisioningStatusTerm, registrationNonce, registrationTerm, skSho, type FirmwareVersion, type SendEvent, type TreIdentity } from '../messages.ts';
import { decryptWith, fieldsOf, macMatches, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, type RoleId, type ShoId } from '../roleIds.ts';
import { applyLifecycle, blockOld, isActive, newEntry, nextInstanceId, retireOld, withRoom, type McimEntry, type StagedMcim } from './treRegistry.ts';
import { MAX_REGISTRATIONS, USER_TRIES, type TreContext, type TreCredentials } from './treContext.ts';

// ---- pure helpers over the context ---------------------------------------------------------------

export const on = (ctx: TreContext, id: SwitchId): boolean => isOn(ctx.off, id);

/** A signed body under `key`; with [t2 cm4] off, the signature is checked for shape only (any signer). */
export function signedBy(ctx: TreContext, msg: Term | undefined, key: Term): Term | undefined {
  if (stryMutAct_9fa48("56") ? false : stryMutAct_9fa48("55") ? true : (stryCov_9fa48("55", "56"), on(ctx, 't2.cm4'))) return verifySigned(msg, key);
  return (stryMutAct_9fa48("59") ? false : stryMutAct_9fa48("58") ? true : (stryCov_9fa48("58", "59"), msg?.kind === 'sign')) ? msg.body : undefined;
}

/** A registration is outstanding (x.2.3): what the expected SHO signs must name this PCID and carry its nonce
 *  [t2 cm6]. The SHO's public key is certified in the PKI the TRE holds roots for (x.2.3 NOTE 3). */
export interface Outstanding {
  readonly creds: TreCredentials;
  readonly sho: ShoId;
  readonly nonce: Term;
  /** The fields after the PCID and the nonce, when `msg` is `sign(<tag, PCID, nonce, ...>, sk:SHO)`. */
  readonly rest: readonly Term[];
}
export function readOutstanding(ctx: TreContext, msg: Term, tag: string, arity: number): Outstanding | undefined {
  const {
    creds,
    expectedSho,
    pendingNonce
  } = ctx;
  if (creds === null || expectedSho === null || pendingNonce === 0) return undefined;
  const f = fieldsOf(signedBy(ctx, msg, pk(skSho(expectedSho))), tag, arity);
  if (f === undefined || f[1] === undefined || !same(f[0], creds.pcid)) return undefined;
  const nonce = registrationNonce(creds.pcid, pendingNonce);
  // 003 t2 cm6, x.2.3: the object is for the registration outstanding now (its nonce), not an older one.
  if (on(ctx, 't2.cm6') && !same(f[1], nonce)) return undefined;
  return {
    creds,
    sho: expectedSho,
    nonce: f[1],
    rest: f.slice(2)
  };
}

/** x.2.3: the M2MSIMMobj verifies with the expected SHO's key, names this PCID, carries the outstanding
 *  registration nonce (replay protection [t2 cm6]), and its blob opens with the platform key [t5 cm3] and holds the
 *  device token and that nonce [t12 cm2]. */
export function readMcimObject(ctx: TreContext, msg: Term): McimEntry | undefined {
  const o = readOutstanding(ctx, msg, 'M2MSIMMobj', 3);
  if (stryMutAct_9fa48("66") ? false : stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65", "66"), o === undefined)) return undefined;
  const opened = decryptWith(o.rest[0], o.creds.platformKey) ?? (on(ctx, 't5.cm3') ? undefined : o.rest[0]);
  const m = fieldsOf(opened, 'mcim', 6);
  const content = (stryMutAct_9fa48("72") ? false : stryMutAct_9fa48("71") ? true : (stryCov_9fa48("71", "72"), m === undefined)) ? undefined : {
    sho: m[0],
    imsi: m[1],
    ki: m[2],
    code: m[3],
    token: m[4],
    nonce: m[5]
  };
  if (stryMutAct_9fa48("76") ? false : stryMutAct_9fa48("75") ? true : (stryCov_9fa48("75", "76"), (stryMutAct_9fa48("78") ? false : (stryCov_9fa48("78"), content === undefined)) || (stryMutAct_9fa48("80") ? false : (stryCov_9fa48("80"), nameId(content.sho) !== o.sho)))) return undefined;
  if (stryMutAct_9fa48("83") ? false : stryMutAct_9fa48("82") ? true : (stryCov_9fa48("82", "83"), on(ctx, 't12.cm2') && (stryMutAct_9fa48("86") ? true : (stryCov_9fa48("86"), (stryMutAct_9fa48("88") ? same(content.token, o.creds.token) : (stryCov_9fa48("88"), !same(content.token, o.creds.token))) || (stryMutAct_9fa48("89") ? same(content.nonce, o.nonce) : (stryCov_9fa48("89"), !same(content.nonce, o.nonce))))))) return undefined;
  const [imsiId, kiId, codeId] = [nameId(content.imsi), nameId(content.ki), nameId(content.code)];
  if (stryMutAct_9fa48("92") ? false : stryMutAct_9fa48("91") ? true : (stryCov_9fa48("91", "92"), (stryMutAct_9fa48("94") ? false : (stryCov_9fa48("94"), (stryMutAct_9fa48("96") ? false : (stryCov_9fa48("96"), imsiId === undefined)) || (stryMutAct_9fa48("98") ? false : (stryCov_9fa48("98"), kiId === undefined)))) || (stryMutAct_9fa48("100") ? false : (stryCov_9fa48("100"), codeId === undefined)))) return undefined;
  // One usable instance per SHO: a new one only where its earlier instances are Retired (5.1.1.1, a repeated
  // provisioning); and only with room for it (scenario `treCapacity`, assumption `storageFull`).
  if (stryMutAct_9fa48("103") ? false : stryMutAct_9fa48("102") ? true : (stryCov_9fa48("102", "103"), ctx.registry.some(e => stryMutAct_9fa48("107") ? false : stryMutAct_9fa48("106") ? true : (stryCov_9fa48("106", "107"), (stryMutAct_9fa48("109") ? true : (stryCov_9fa48("109"), e.owner === o.sho)) && (stryMutAct_9fa48("111") ? true : (stryCov_9fa48("111"), e.state !== 'Retired')))))) return undefined;
  if (stryMutAct_9fa48("115") ? false : stryMutAct_9fa48("114") ? true : (stryCov_9fa48("114", "115"), withRoom(ctx.registry, ctx.storage) === undefined)) return undefined;
  return newEntry(o.sho, imsiId, kiId, codeId, ctx.pendingNonce, nextInstanceId(ctx.registry, o.sho));
}

/** The registry with room made for the MCIM `readMcimObject` accepted (Retired instances evicted under `evictRetired`). */
export function registryWithRoom(ctx: TreContext): McimEntry[] {
  return [...(withRoom(ctx.registry, ctx.storage) ?? ctx.registry)];
}

/** Both-present variant: the expected SHO authorises use of its MCIM already installed in the registry. */
export function readActivation(ctx: TreContext, msg: Term): McimEntry | undefined {
  const o = readOutstanding(ctx, msg, 'activateMcim', 3);
  if (stryMutAct_9fa48("120") ? false : stryMutAct_9fa48("119") ? true : (stryCov_9fa48("119", "120"), (stryMutAct_9fa48("122") ? false : (stryCov_9fa48("122"), o === undefined)) || (stryMutAct_9fa48("124") ? false : (stryCov_9fa48("124"), nameId(o.rest[0]) !== o.sho)))) return undefined;
  return ctx.registry.find(e => stryMutAct_9fa48("128") ? false : stryMutAct_9fa48("127") ? true : (stryCov_9fa48("127", "128"), (stryMutAct_9fa48("130") ? true : (stryCov_9fa48("130"), e.owner === o.sho)) && (stryMutAct_9fa48("132") ? true : (stryCov_9fa48("132"), e.state === 'Installed'))));
}

/** The subscriber's instruction (5.1.3.7.4.2 step 2, 5.1.3.7.4.3 step 2), authenticated with the device token. */
export function readInstruction(ctx: TreContext, msg: Term): {
  sho: ShoId;
  mode: string;
} | undefined {
  const c = ctx.creds;
  const f = fieldsOf(msg, 'reprovisionInstruction', 2);
  const body = fieldsOf(f?.[0], 'reprovision', 3);
  if (stryMutAct_9fa48("140") ? false : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140"), (stryMutAct_9fa48("142") ? false : (stryCov_9fa48("142"), (stryMutAct_9fa48("144") ? false : (stryCov_9fa48("144"), (stryMutAct_9fa48("146") ? false : (stryCov_9fa48("146"), c === null)) || (stryMutAct_9fa48("148") ? false : (stryCov_9fa48("148"), f === undefined)))) || (stryMutAct_9fa48("150") ? false : (stryCov_9fa48("150"), body === undefined)))) || (stryMutAct_9fa48("152") ? macMatches(f[1], c.token, f[0]!) : (stryCov_9fa48("152"), !macMatches(f[1], c.token, f[0]!))))) return undefined;
  const instruction = {
    pcid: body[0],
    sho: nameId(body[1]),
    mode: nameId(body[2])
  };
  if (stryMutAct_9fa48("155") ? false : stryMutAct_9fa48("154") ? true : (stryCov_9fa48("154", "155"), (stryMutAct_9fa48("157") ? false : (stryCov_9fa48("157"), (stryMutAct_9fa48("159") ? false : (stryCov_9fa48("159"), (stryMutAct_9fa48("161") ? same(instruction.pcid, c.pcid) : (stryCov_9fa48("161"), !same(instruction.pcid, c.pcid))) || (stryMutAct_9fa48("162") ? false : (stryCov_9fa48("162"), instruction.sho === undefined)))) || (stryMutAct_9fa48("164") ? isShoId(instruction.sho) : (stryCov_9fa48("164"), !isShoId(instruction.sho))))) || (stryMutAct_9fa48("165") ? false : (stryCov_9fa48("165"), instruction.mode === undefined)))) return undefined;
  return {
    sho: instruction.sho,
    mode: instruction.mode
  };
}

/** x.2.2: the bootstrap, authenticated with the device PIN, names this PCID, the SHO and the DM server key,
 *  which must be the RO's (DPF's) key the TRE was pre-provisioned with (option 2). */
export function readBootstrap(ctx: TreContext, msg: Term): {
  sho: ShoId;
} | undefined {
  const c = ctx.creds;
  const f = fieldsOf(msg, 'bootstrap', 2);
  if (c === null || f === undefined || f[0] === undefined || !macMatches(f[1], c.kPin, f[0])) return undefined;
  const items = f[0].kind === 'tuple' ? f[0].items : [];
  const body = {
    pcid: items[0],
    sho: nameId(items[1]),
    serverKey: items[2]
  };
  if (items.length !== 3 || !same(body.pcid, c.pcid) || body.sho === undefined || !isShoId(body.sho)) return undefined;
  return same(body.serverKey, c.roRoot) ? {
    sho: body.sho
  } : undefined;
}
export function canRegister(ctx: TreContext): boolean {
  return ctx.noncesUsed < MAX_REGISTRATIONS;
}

/** The TRE's own identity for what it signs. Non-null: only called in Trusted, after pre-provisioning. */
export function me(ctx: TreContext): TreIdentity {
  return {
    device: ctx.creds!.pcid,
    key: ctx.creds!.platformKey
  };
}
export function nonceOf(ctx: TreContext, k: number): Term {
  return registrationNonce(ctx.creds!.pcid, k);
}

/** x.2.3: a fresh registration nonce for `sho`, with the PfC (001 step 13), signed with the platform key. */
export function registrationFor(ctx: TreContext, sho: ShoId, host: RoleId = 'm2me'): SendEvent {
  return out(host, 'registrationRequest', registrationTerm(me(ctx), nonceOf(ctx, ctx.noncesUsed + 1), sho, ctx.firmware, ctx.creds!.pfc));
}

/** The context once that registration is sent: the SHO the MCIM object must come from. */
export function awaitingMcimFrom(ctx: TreContext, sho: ShoId): Partial<TreContext> {
  return {
    expectedSho: sho,
    pendingNonce: ctx.noncesUsed + 1,
    noncesUsed: ctx.noncesUsed + 1
  };
}
export function oldShoOf(ctx: TreContext): ShoId | undefined {
  return ctx.registry.find(e => e.owner !== ctx.expectedSho && isActive(e))?.owner;
}

/** 5.1.3.7.4.2 step 9: the TRE-signed notice that the old SHO's credentials are discarded, bound to the nonce. */
export function discardNoticeFor(ctx: TreContext, host: RoleId = 'm2me'): SendEvent {
  return out(host, 'discardNotice', discardNoticeTerm(me(ctx), oldShoOf(ctx)!, nonceOf(ctx, ctx.pendingNonce)));
}

/** 5.1.3.7.4.2 step 8: the new MCIM waits for the commit (step 12) while the old SHO's is discarded: Retired
 *  when a new one was downloaded, Blocked when both were present (the variant's "strictly separated"). */
export function stagedOverOld(ctx: TreContext, staged: StagedMcim): Partial<TreContext> {
  const old = oldShoOf(ctx)!;
  return {
    staged,
    registry: staged.kind === 'download' ? retireOld(registryWithRoom(ctx), old) : blockOld(ctx.registry, old)
  };
}

/** 004 step 13 / 5.1.3.7.4.2 step 13: the TRE-signed success status for the DPF. */
export function provisioningStatusFor(ctx: TreContext, host: RoleId = 'm2me'): SendEvent {
  return out(host, 'provisioningStatus', provisioningStatusTerm(me(ctx), nonceOf(ctx, ctx.pendingNonce), ctx.expectedSho!, ok));
}
export const integrityPolicy = (ctx: TreContext) => ({
  check: on(ctx, 't8.cm8'),
  blockFromInstalled: ctx.blockFromInstalled
});

/** 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle management come from a valid,
 *  authorised source" [t7 cm1]: the owning SHO's signature, certified in the TRE's PKI (x.2.3 NOTE 3). */
export function lifecycleFromCommand(ctx: TreContext, msg: Term): TreContext['registry'] | undefined {
  if (msg.kind === 'tuple') return userLifecycle(ctx, msg);
  if (msg.kind !== 'sign') return undefined;
  for (const entry of ctx.registry) {
    const byOwner = verifySigned(msg, pk(skSho(entry.owner))) !== undefined;
    const body = on(ctx, 't7.cm1') && !byOwner ? undefined : msg.body;
    const f = fieldsOf(body, 'lifecycle', 3);
    const command = {
      pcid: f?.[0],
      mcim: nameId(f?.[1]),
      event: nameId(f?.[2])
    };
    if (f === undefined || !same(command.pcid, ctx.creds?.pcid) || command.mcim !== entry.id || command.event === undefined) continue;
    if (!isLifecycleEvent(command.event) || command.event === 'SELECT' || command.event === 'END_SESSION') return undefined;
    if (command.event === 'BLOCK' && entry.state === 'Installed' && !ctx.blockFromInstalled) return undefined;
    return applyLifecycle(ctx.registry, entry.id, command.event);
  }
  return undefined;
}

/** The subscriber's own lifecycle command (MAC under the device token): refused with [t7 cm3] on, a control of the
 *  SHO's MCIM the user cannot override; applied like the owner's command with it off. */
function userLifecycle(ctx: TreContext, msg: Term): TreContext['registry'] | undefined {
  const f = fieldsOf(msg, 'userLifecycle', 2);
  if (stryMutAct_9fa48("171") ? false : stryMutAct_9fa48("170") ? true : (stryCov_9fa48("170", "171"), (stryMutAct_9fa48("173") ? false : (stryCov_9fa48("173"), (stryMutAct_9fa48("175") ? false : (stryCov_9fa48("175"), on(ctx, 't7.cm3') || (stryMutAct_9fa48("178") ? false : (stryCov_9fa48("178"), ctx.creds === null)))) || (stryMutAct_9fa48("180") ? false : (stryCov_9fa48("180"), f === undefined)))) || (stryMutAct_9fa48("182") ? macMatches(f[1], ctx.creds.token, f[0]!) : (stryCov_9fa48("182"), !macMatches(f[1], ctx.creds.token, f[0]!))))) return undefined;
  const body = fieldsOf(f[0], 'lifecycle', 3);
  const command = {
    pcid: body?.[0],
    mcim: nameId(body?.[1]),
    event: nameId(body?.[2])
  };
  if (stryMutAct_9fa48("189") ? false : stryMutAct_9fa48("188") ? true : (stryCov_9fa48("188", "189"), (stryMutAct_9fa48("191") ? false : (stryCov_9fa48("191"), (stryMutAct_9fa48("193") ? same(command.pcid, ctx.creds.pcid) : (stryCov_9fa48("193"), !same(command.pcid, ctx.creds.pcid))) || (stryMutAct_9fa48("194") ? false : (stryCov_9fa48("194"), command.mcim === undefined)))) || (stryMutAct_9fa48("196") ? false : (stryCov_9fa48("196"), command.event === undefined)))) return undefined;
  if (stryMutAct_9fa48("199") ? false : stryMutAct_9fa48("198") ? true : (stryCov_9fa48("198", "199"), (stryMutAct_9fa48("201") ? false : (stryCov_9fa48("201"), (stryMutAct_9fa48("203") ? isLifecycleEvent(command.event) : (stryCov_9fa48("203"), !isLifecycleEvent(command.event))) || (stryMutAct_9fa48("204") ? false : (stryCov_9fa48("204"), command.event === 'SELECT')))) || (stryMutAct_9fa48("207") ? false : (stryCov_9fa48("207"), command.event === 'END_SESSION')))) return undefined;
  return applyLifecycle(ctx.registry, command.mcim, command.event);
}

/** [t10 cm6, cm7]: the context after a user credential entry, or undefined when the TRE does not evaluate it. A
 *  local entry through the keypad's tunnel [t10 cm5] is opened with the keypad key and taken once per entry number. */
export function userAuthenticated(ctx: TreContext, msg: Term): Partial<TreContext> | undefined {
  const f = fieldsOf(msg, 'userAuth', 2);
  const origin = nameId(f?.[1]);
  if (stryMutAct_9fa48("214") ? false : stryMutAct_9fa48("213") ? true : (stryCov_9fa48("213", "214"), (stryMutAct_9fa48("216") ? false : (stryCov_9fa48("216"), (stryMutAct_9fa48("218") ? false : (stryCov_9fa48("218"), (stryMutAct_9fa48("220") ? false : (stryCov_9fa48("220"), ctx.creds === null)) || (stryMutAct_9fa48("222") ? false : (stryCov_9fa48("222"), f === undefined)))) || (stryMutAct_9fa48("224") ? false : (stryCov_9fa48("224"), ctx.userBlocked !== 'no')))) || (stryMutAct_9fa48("227") ? false : (stryCov_9fa48("227"), (stryMutAct_9fa48("229") ? true : (stryCov_9fa48("229"), origin !== 'local')) && (stryMutAct_9fa48("232") ? true : (stryCov_9fa48("232"), origin !== 'remote')))))) return undefined;
  if (stryMutAct_9fa48("236") ? false : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236"), (stryMutAct_9fa48("238") ? true : (stryCov_9fa48("238"), origin === 'remote')) && on(ctx, 't10.cm7'))) return undefined;
  let entered = f[0];
  let tunnel: Partial<TreContext> = {};
  if (stryMutAct_9fa48("243") ? false : stryMutAct_9fa48("242") ? true : (stryCov_9fa48("242", "243"), entered?.kind === 'senc')) {
    const t = fieldsOf((stryMutAct_9fa48("249") ? false : stryMutAct_9fa48("248") ? true : (stryCov_9fa48("248", "249"), (stryMutAct_9fa48("251") ? true : (stryCov_9fa48("251"), origin === 'local')) && same(entered.key, keypadKey(ctx.creds.pcid)))) ? entered.body : undefined, 'keypad', 2);
    const n = Number(nameId(t?.[1])?.replace(/^entry:/, '') ?? NaN);
    if (stryMutAct_9fa48("261") ? false : stryMutAct_9fa48("260") ? true : (stryCov_9fa48("260", "261"), (stryMutAct_9fa48("263") ? false : (stryCov_9fa48("263"), (stryMutAct_9fa48("265") ? false : (stryCov_9fa48("265"), t === undefined)) || (stryMutAct_9fa48("267") ? Number.isInteger(n) : (stryCov_9fa48("267"), !Number.isInteger(n))))) || (stryMutAct_9fa48("268") ? false : (stryCov_9fa48("268"), n <= ctx.keypadEntries)))) return undefined;
    [entered, tunnel] = [t[0], {
      keypadEntries: n
    }];
  }
  if (stryMutAct_9fa48("274") ? false : stryMutAct_9fa48("273") ? true : (stryCov_9fa48("273", "274"), same(entered, ctx.creds.userPin))) return {
    ...tunnel,
    userWrong: 0,
    userVerified: stryMutAct_9fa48("276") ? false : (stryCov_9fa48("276"), true)
  };
  const wrong = Math.min(ctx.userWrong + 1, USER_TRIES + 1);
  return {
    ...tunnel,
    userWrong: wrong,
    userVerified: stryMutAct_9fa48("281") ? true : (stryCov_9fa48("281"), false),
    userBlocked: (stryMutAct_9fa48("283") ? false : stryMutAct_9fa48("282") ? true : (stryCov_9fa48("282", "283"), on(ctx, 't10.cm6') && (stryMutAct_9fa48("286") ? true : (stryCov_9fa48("286"), wrong >= USER_TRIES)))) ? origin : 'no'
  };
}

/** [t10 cm10]: where the scenario gates the subscriber's instruction, the TRE acts on it only for a verified user. */
export const userGateOpen = (ctx: TreContext): boolean => stryMutAct_9fa48("292") ? false : stryMutAct_9fa48("291") ? true : (stryCov_9fa48("291", "292"), (stryMutAct_9fa48("294") ? false : (stryCov_9fa48("294"), (stryMutAct_9fa48("296") ? ctx.userGate : (stryCov_9fa48("296"), !ctx.userGate)) || (stryMutAct_9fa48("297") ? on(ctx, 't10.cm10') : (stryCov_9fa48("297"), !on(ctx, 't10.cm10'))))) || ctx.userVerified);

/** A firmware update for this device [t6 cm4]: under the M2ME supplier's signature (off: any signature). */
export function updateOf(ctx: TreContext, msg: Term): {
  version: FirmwareVersion;
  pfc: Term;
} | undefined {
  const esRoot = ctx.creds?.esRoot;
  if (stryMutAct_9fa48("302") ? false : stryMutAct_9fa48("301") ? true : (stryCov_9fa48("301", "302"), esRoot === undefined)) return undefined;
  const body = on(ctx, 't6.cm4') ? verifySigned(msg, esRoot) : (stryMutAct_9fa48("306") ? false : stryMutAct_9fa48("305") ? true : (stryCov_9fa48("305", "306"), msg.kind === 'sign')) ? msg.body : undefined;
  const f = fieldsOf(body, 'update', 3);
  const update = {
    pcid: f?.[0],
    version: nameId(f?.[1])?.replace(/^fw:/, ''),
    pfc: f?.[2]
  };
  if (stryMutAct_9fa48("318") ? false : stryMutAct_9fa48("317") ? true : (stryCov_9fa48("317", "318"), (stryMutAct_9fa48("320") ? false : (stryCov_9fa48("320"), (stryMutAct_9fa48("322") ? false : (stryCov_9fa48("322"), f === undefined)) || (stryMutAct_9fa48("324") ? same(update.pcid, ctx.creds?.pcid) : (stryCov_9fa48("324"), !same(update.pcid, ctx.creds?.pcid))))) || (stryMutAct_9fa48("326") ? false : (stryCov_9fa48("326"), update.pfc === undefined)))) return undefined;
  if (stryMutAct_9fa48("329") ? false : stryMutAct_9fa48("328") ? true : (stryCov_9fa48("328", "329"), (stryMutAct_9fa48("331") ? true : (stryCov_9fa48("331"), update.version !== 'v2')) && (stryMutAct_9fa48("334") ? true : (stryCov_9fa48("334"), update.version !== 'modified')))) return undefined;
  return (stryMutAct_9fa48("338") ? false : stryMutAct_9fa48("337") ? true : (stryCov_9fa48("337", "338"), update.version === ctx.firmware)) ? undefined : {
    version: update.version,
    pfc: update.pfc
  };
}