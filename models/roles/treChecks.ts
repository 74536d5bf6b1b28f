// The TRE's security checks and the messages it builds, as pure functions over its context (004 5.1.2.4, x.2.2,
// x.2.3, 5.1.3.7.4): each counter-measure they implement is a switch read from `off`.
import { pk, type Term } from '../../src/attacker/Term.ts';
import { isOn, type SwitchId } from '../counterMeasures/switches.ts';
import { isLifecycleEvent } from '../mcimLifecycleTable.ts';
import {
  discardNoticeTerm, fail, keypadKey, ok, out, provisioningStatusTerm,
  registrationNonce, registrationTerm, skSho,
  type FirmwareVersion, type SendEvent, type TreIdentity,
} from '../messages.ts';
import { decryptWith, fieldsOf, macMatches, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, type RoleId, type ShoId } from '../roleIds.ts';
import {
  applyLifecycle, blockOld, instanceNamed, isActive, newEntry, nextInstanceId, retireOld, withRoom, type McimEntry, type StagedMcim,
} from './treRegistry.ts';
import { MAX_REGISTRATIONS, USER_TRIES, type TreContext, type TreCredentials } from './treContext.ts';

// ---- pure helpers over the context ---------------------------------------------------------------

export const on = (ctx: TreContext, id: SwitchId): boolean => isOn(ctx.off, id);

/** A signed body under `key`; with [t2 cm4] off, the signature is checked for shape only (any signer). */
export function signedBy(ctx: TreContext, msg: Term | undefined, key: Term): Term | undefined {
  if (on(ctx, 't2.cm4')) return verifySigned(msg, key);
  return msg?.kind === 'sign' ? msg.body : undefined;
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
  const { creds, expectedSho, pendingNonce } = ctx;
  if (creds === null || expectedSho === null || pendingNonce === 0) return undefined;
  const f = fieldsOf(signedBy(ctx, msg, pk(skSho(expectedSho))), tag, arity);
  if (f === undefined || f[1] === undefined || !same(f[0], creds.pcid)) return undefined;
  const nonce = registrationNonce(creds.pcid, pendingNonce);
  // 003 t2 cm6, x.2.3: the object is for the registration outstanding now (its nonce), not an older one.
  if (on(ctx, 't2.cm6') && !same(f[1], nonce)) return undefined;
  return { creds, sho: expectedSho, nonce: f[1], rest: f.slice(2) };
}

/** x.2.3: the M2MSIMMobj verifies with the expected SHO's key, names this PCID, carries the outstanding
 *  registration nonce (replay protection [t2 cm6]), and its blob opens with the platform key [t5 cm3] and holds the
 *  device token and that nonce [t12 cm2]. */
export function readMcimObject(ctx: TreContext, msg: Term): McimEntry | undefined {
  const o = readOutstanding(ctx, msg, 'M2MSIMMobj', 3);
  if (o === undefined) return undefined;
  const opened = decryptWith(o.rest[0], o.creds.platformKey) ?? (on(ctx, 't5.cm3') ? undefined : o.rest[0]);
  const m = fieldsOf(opened, 'mcim', 6);
  const content = m === undefined ? undefined : { sho: m[0], imsi: m[1], ki: m[2], code: m[3], token: m[4], nonce: m[5] };
  if (content === undefined || nameId(content.sho) !== o.sho) return undefined;
  if (on(ctx, 't12.cm2') && (!same(content.token, o.creds.token) || !same(content.nonce, o.nonce))) return undefined;
  const [imsiId, kiId, codeId] = [nameId(content.imsi), nameId(content.ki), nameId(content.code)];
  if (imsiId === undefined || kiId === undefined || codeId === undefined) return undefined;
  // One usable instance per SHO: a new one only where its earlier instances are Retired (5.1.1.1, a repeated
  // provisioning); and only with room for it (scenario `treCapacity`, assumption `storageFull`).
  if (ctx.registry.some((e) => e.owner === o.sho && e.state !== 'Retired')) return undefined;
  if (withRoom(ctx.registry, ctx.storage) === undefined) return undefined;
  return newEntry(o.sho, imsiId, kiId, codeId, ctx.pendingNonce, nextInstanceId(ctx.registry, o.sho));
}

/** The registry with room made for the MCIM `readMcimObject` accepted (Retired instances evicted under `evictRetired`). */
export function registryWithRoom(ctx: TreContext): McimEntry[] {
  return [...(withRoom(ctx.registry, ctx.storage) ?? ctx.registry)];
}

/** Both-present variant: the expected SHO authorises use of its MCIM already installed in the registry. */
export function readActivation(ctx: TreContext, msg: Term): McimEntry | undefined {
  const o = readOutstanding(ctx, msg, 'activateMcim', 3);
  if (o === undefined || nameId(o.rest[0]) !== o.sho) return undefined;
  return ctx.registry.find((e) => e.owner === o.sho && e.state === 'Installed');
}

/** The subscriber's instruction (5.1.3.7.4.2 step 2, 5.1.3.7.4.3 step 2), authenticated with the device token. */
export function readInstruction(ctx: TreContext, msg: Term): { sho: ShoId; mode: string } | undefined {
  const c = ctx.creds;
  const f = fieldsOf(msg, 'reprovisionInstruction', 2);
  const body = fieldsOf(f?.[0], 'reprovision', 3);
  if (c === null || f === undefined || body === undefined || !macMatches(f[1], c.token, f[0]!)) return undefined;
  const instruction = { pcid: body[0], sho: nameId(body[1]), mode: nameId(body[2]) };
  if (!same(instruction.pcid, c.pcid) || instruction.sho === undefined || !isShoId(instruction.sho) || instruction.mode === undefined) return undefined;
  return { sho: instruction.sho, mode: instruction.mode };
}

/** x.2.2: the bootstrap, authenticated with the device PIN, names this PCID, the SHO and the DM server key,
 *  which must be the RO's (DPF's) key the TRE was pre-provisioned with (option 2). */
export function readBootstrap(ctx: TreContext, msg: Term): { sho: ShoId } | undefined {
  const c = ctx.creds;
  const f = fieldsOf(msg, 'bootstrap', 2);
  if (c === null || f === undefined || f[0] === undefined || !macMatches(f[1], c.kPin, f[0])) return undefined;
  const items = f[0].kind === 'tuple' ? f[0].items : [];
  const body = { pcid: items[0], sho: nameId(items[1]), serverKey: items[2] };
  if (items.length !== 3 || !same(body.pcid, c.pcid) || body.sho === undefined || !isShoId(body.sho)) return undefined;
  return same(body.serverKey, c.roRoot) ? { sho: body.sho } : undefined;
}

export function canRegister(ctx: TreContext): boolean {
  return ctx.noncesUsed < MAX_REGISTRATIONS;
}

/** The TRE's own identity for what it signs. Non-null: only called in Trusted, after pre-provisioning. */
export function me(ctx: TreContext): TreIdentity {
  return { device: ctx.creds!.pcid, key: ctx.creds!.platformKey };
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
  return { expectedSho: sho, pendingNonce: ctx.noncesUsed + 1, noncesUsed: ctx.noncesUsed + 1 };
}

export function oldShoOf(ctx: TreContext): ShoId | undefined {
  return ctx.registry.find((e) => e.owner !== ctx.expectedSho && isActive(e))?.owner;
}

/** 5.1.3.7.4.2 step 9: the TRE-signed notice that the old SHO's credentials are discarded, bound to the nonce. */
export function discardNoticeFor(ctx: TreContext, host: RoleId = 'm2me'): SendEvent {
  return out(host, 'discardNotice', discardNoticeTerm(me(ctx), oldShoOf(ctx)!, nonceOf(ctx, ctx.pendingNonce)));
}

/** 5.1.3.7.4.2 step 8: the new MCIM waits for the commit (step 12) while the old SHO's is discarded: Retired
 *  when a new one was downloaded, Blocked when both were present (the variant's "strictly separated"). */
export function stagedOverOld(ctx: TreContext, staged: StagedMcim): Partial<TreContext> {
  const old = oldShoOf(ctx)!;
  return { staged, registry: staged.kind === 'download' ? retireOld(registryWithRoom(ctx), old) : blockOld(ctx.registry, old) };
}

/** 004 step 13 / 5.1.3.7.4.2 step 13: the TRE-signed success (or failure) status for the DPF. */
export function provisioningStatusFor(ctx: TreContext, host: RoleId = 'm2me', verdict: Term = ok): SendEvent {
  return out(host, 'provisioningStatus', provisioningStatusTerm(me(ctx), nonceOf(ctx, ctx.pendingNonce), ctx.expectedSho!, verdict));
}

/** 004 step 13 "reports the success/failure status" (assumption failureReport): an MCIM object addressed to this
 *  TRE's outstanding registration (its PCID and nonce, as the object's body reads) that the TRE does not provision,
 *  because it does not verify or does not fit (scenario treCapacity). Reported once per registration. */
export function failedProvisioning(ctx: TreContext, msg: Term): boolean {
  if (!ctx.failureReport || ctx.creds === null || ctx.pendingNonce === 0 || ctx.failedFor === ctx.pendingNonce) return false;
  const f = fieldsOf(msg.kind === 'sign' ? msg.body : undefined, 'M2MSIMMobj', 3);
  return f !== undefined && same(f[0], ctx.creds.pcid) && same(f[1], nonceOf(ctx, ctx.pendingNonce)) && readMcimObject(ctx, msg) === undefined;
}

/** The failure status of step 13 for the outstanding registration. */
export const failureStatusFor = (ctx: TreContext, host: RoleId): SendEvent => provisioningStatusFor(ctx, host, fail);

export const integrityPolicy = (ctx: TreContext) => ({ check: on(ctx, 't8.cm8'), blockFromInstalled: ctx.blockFromInstalled });

/** 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle management come from a valid,
 *  authorised source" [t7 cm1]: the owning SHO's signature, certified in the TRE's PKI (x.2.3 NOTE 3). */
export function lifecycleFromCommand(ctx: TreContext, msg: Term): TreContext['registry'] | undefined {
  if (msg.kind === 'tuple') return userLifecycle(ctx, msg);
  if (msg.kind !== 'sign') return undefined;
  // The command names the MCIM by its issuer; it reaches that SHO's instance in use (treRegistry.ts instanceNamed).
  const named = nameId(fieldsOf(msg.body, 'lifecycle', 3)?.[1]);
  const entry = named === undefined ? undefined : instanceNamed(ctx.registry, named);
  if (entry === undefined) return undefined;
  const byOwner = verifySigned(msg, pk(skSho(entry.owner))) !== undefined;
  const body = on(ctx, 't7.cm1') && !byOwner ? undefined : msg.body;
  const f = fieldsOf(body, 'lifecycle', 3);
  const command = { pcid: f?.[0], event: nameId(f?.[2]) };
  if (f === undefined || !same(command.pcid, ctx.creds?.pcid) || command.event === undefined) return undefined;
  if (!isLifecycleEvent(command.event) || command.event === 'SELECT' || command.event === 'END_SESSION') return undefined;
  if (command.event === 'BLOCK' && entry.state === 'Installed' && !ctx.blockFromInstalled) return undefined;
  return applyLifecycle(ctx.registry, entry.id, command.event);
}

/** The subscriber's own lifecycle command (MAC under the device token): refused with [t7 cm3] on, a control of the
 *  SHO's MCIM the user cannot override; applied like the owner's command with it off. */
function userLifecycle(ctx: TreContext, msg: Term): TreContext['registry'] | undefined {
  const f = fieldsOf(msg, 'userLifecycle', 2);
  if (on(ctx, 't7.cm3') || ctx.creds === null || f === undefined || !macMatches(f[1], ctx.creds.token, f[0]!)) return undefined;
  const body = fieldsOf(f[0], 'lifecycle', 3);
  const command = { pcid: body?.[0], mcim: nameId(body?.[1]), event: nameId(body?.[2]) };
  if (!same(command.pcid, ctx.creds.pcid) || command.mcim === undefined || command.event === undefined) return undefined;
  if (!isLifecycleEvent(command.event) || command.event === 'SELECT' || command.event === 'END_SESSION') return undefined;
  const target = instanceNamed(ctx.registry, command.mcim);
  return target === undefined ? undefined : applyLifecycle(ctx.registry, target.id, command.event);
}

/** [t10 cm6, cm7]: the context after a user credential entry, or undefined when the TRE does not evaluate it. A
 *  local entry through the keypad's tunnel [t10 cm5] is opened with the keypad key and taken once per entry number. */
export function userAuthenticated(ctx: TreContext, msg: Term): Partial<TreContext> | undefined {
  const f = fieldsOf(msg, 'userAuth', 2);
  const origin = nameId(f?.[1]);
  if (ctx.creds === null || f === undefined || ctx.userBlocked !== 'no' || (origin !== 'local' && origin !== 'remote')) return undefined;
  if (origin === 'remote' && on(ctx, 't10.cm7')) return undefined;
  let entered = f[0];
  let tunnel: Partial<TreContext> = {};
  if (entered?.kind === 'senc') {
    const t = fieldsOf(origin === 'local' && same(entered.key, keypadKey(ctx.creds.pcid)) ? entered.body : undefined, 'keypad', 2);
    const n = Number(nameId(t?.[1])?.replace(/^entry:/, '') ?? NaN);
    if (t === undefined || !Number.isInteger(n) || n <= ctx.keypadEntries) return undefined;
    [entered, tunnel] = [t[0], { keypadEntries: n }];
  }
  if (same(entered, ctx.creds.userPin)) return { ...tunnel, userWrong: 0, userVerified: true };
  const wrong = Math.min(ctx.userWrong + 1, USER_TRIES + 1);
  return { ...tunnel, userWrong: wrong, userVerified: false, userBlocked: on(ctx, 't10.cm6') && wrong >= USER_TRIES ? origin : 'no' };
}

/** [t10 cm10]: where the scenario gates the subscriber's instruction, the TRE acts on it only for a verified user. */
export const userGateOpen = (ctx: TreContext): boolean => !ctx.userGate || !on(ctx, 't10.cm10') || ctx.userVerified;

/** A firmware update for this device [t6 cm4]: under the M2ME supplier's signature (off: any signature). */
export function updateOf(ctx: TreContext, msg: Term): { version: FirmwareVersion; pfc: Term } | undefined {
  const esRoot = ctx.creds?.esRoot;
  if (esRoot === undefined) return undefined;
  const body = on(ctx, 't6.cm4') ? verifySigned(msg, esRoot) : msg.kind === 'sign' ? msg.body : undefined;
  const f = fieldsOf(body, 'update', 3);
  const update = { pcid: f?.[0], version: nameId(f?.[1])?.replace(/^fw:/, ''), pfc: f?.[2] };
  if (f === undefined || !same(update.pcid, ctx.creds?.pcid) || update.pfc === undefined) return undefined;
  if (update.version !== 'v2' && update.version !== 'modified') return undefined;
  return update.version === ctx.firmware ? undefined : { version: update.version, pfc: update.pfc };
}
