// The TRE of the M2ME (004 5.1.2): pre-provisioned platform, registry of MCIMs each with its own
// 5.1.1.1 lifecycle, all M2ME-side security processing of provisioning (5.1.2.4), lockdown on tamper.
// Every counter-measure it implements is a switch (models/counterMeasures/switches.ts) read from `off`.
import { assign, emit, enqueueActions, setup } from 'xstate';
import { mac, name, pk, tuple, type Term } from '../../src/attacker/Term.ts';
import { isOn, type SwitchId } from '../counterMeasures/switches.ts';
import { isLifecycleEvent } from '../mcimLifecycleTable.ts';
import {
  authResponseTerm, discardNoticeTerm, keyExportResponseTerm, mcimCredentialsTerm, ok, out, provisioningStatusTerm,
  readyTerm, registrationNonce, registrationTerm, resetDoneTerm, skSho,
  type Delivery, type FirmwareVersion, type SendEvent, type TreIdentity,
} from '../messages.ts';
import { decryptWith, fieldsOf, macMatches, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, type ShoId } from '../roleIds.ts';
import {
  applyLifecycle, blockOld, commitStaged, installAndActivate, integrityChecked, isActive, isModified, newEntry, removeAll,
  retireOld, type McimEntry, type StagedMcim,
} from './treRegistry.ts';

/** What the supplier embeds out of band (5.1.2.2 [t5 cm1, 2]; 5.1.1.2 NOTE; x.2.2; x.2.3 NOTE 3). */
export interface TreCredentials {
  readonly pcid: Term;
  readonly platformKey: Term;
  readonly pfc: Term;
  readonly kInit: Term;
  readonly kPin: Term;
  readonly token: Term;
  readonly userPin: Term;
  /** The RO's public key: the DM server key of x.2.2 option 2 (the DPF) and the commit's signer. */
  readonly roRoot: Term;
  readonly esRoot: Term;
}

/** Consecutive wrong user credentials that block it [t10 cm6]; counting stops one above, which is all a
 *  property needs to see the limit passed. */
export const USER_TRIES = 3;

export interface TreContext {
  /** Counter-measures switched off in this scenario (primary switch ids). */
  readonly off: readonly SwitchId[];
  /** Assumption: an Installed MCIM can be Blocked (5.1.1.1 is silent on the source states of blocking). */
  readonly blockFromInstalled: boolean;
  readonly creds: TreCredentials | null;
  readonly firmware: FirmwareVersion;
  readonly registry: readonly McimEntry[];
  /** The SHO this provisioning is for (bootstrap x.2.2, or the subscriber's instruction). */
  readonly expectedSho: ShoId | null;
  /** Number of the outstanding registration nonce, 0 when none (x.2.3). */
  readonly pendingNonce: number;
  /** Registrations made so far; bounded by MAX_REGISTRATIONS to keep the state space finite. */
  readonly noncesUsed: number;
  /** A verified new MCIM (or activation) waiting for the commit of 5.1.3.7.4.2 step 12. */
  readonly staged: StagedMcim | null;
  /** Consecutive wrong user credentials evaluated, at most USER_TRIES + 1 [t10 cm6]. */
  readonly userWrong: number;
  /** The user credential is blocked, and whether entries from the network blocked it [t10 cm7]. */
  readonly userBlocked: 'no' | 'local' | 'remote';
  /** Ghost: tampering was detected (a fault of the scenario; [t6 cm5] decides what follows). */
  readonly tampered: boolean;
  /** Ghost: "sho|nonce" of every MCIM object installed, in order (injective agreement with the SHOs). */
  readonly installs: readonly string[];
  /** "mcim>target" pairs a cross-stakeholder read was answered for ([t8 cm1] off): each once, so the search stays finite. */
  readonly crossReads: readonly string[];
  /** Ghost: "mcim|EVENT|signer" of every lifecycle command applied, signer `owner` when the MCIM's own SHO
   *  signed it and `other` otherwise (whatever [t7 cm1] let through). */
  readonly commands: readonly string[];
}

const MAX_REGISTRATIONS = 3;

export interface TreInput {
  readonly off: readonly SwitchId[];
  readonly blockFromInstalled: boolean;
}

type TreInbound =
  | 'preprovision' | 'boot' | 'authChallenge' | 'bootstrap' | 'mcimDownload' | 'mcimActivation'
  | 'provisionCommit' | 'reprovisionInstruction' | 'treUpdate' | 'lifecycleCommand' | 'userAuth' | 'interfaceRequest';

export type TreEvent =
  | Delivery<TreInbound>
  | { readonly type: 'TAMPER_DETECTED' }
  | { readonly type: 'RESET' }
  | { readonly type: 'CORRUPT_MCIM'; readonly mcim: string }
  | { readonly type: 'SESSION_START'; readonly mcim: string }
  | { readonly type: 'SESSION_END'; readonly mcim: string }
  | { readonly type: 'MCIM_ACCESS'; readonly mcim: string; readonly target: string };

// ---- pure helpers over the context ---------------------------------------------------------------

const on = (ctx: TreContext, id: SwitchId): boolean => isOn(ctx.off, id);

/** A signed body under `key`; with [t2 cm4] off, the signature is checked for shape only (any signer). */
function signedBy(ctx: TreContext, msg: Term | undefined, key: Term): Term | undefined {
  if (on(ctx, 't2.cm4')) return verifySigned(msg, key);
  return msg?.kind === 'sign' ? msg.body : undefined;
}

/** A registration is outstanding (x.2.3): what the expected SHO signs must name this PCID and carry its nonce
 *  [t12 cm2]. The SHO's public key is certified in the PKI the TRE holds roots for (x.2.3 NOTE 3). */
interface Outstanding {
  readonly creds: TreCredentials;
  readonly sho: ShoId;
  readonly nonce: Term;
  /** The fields after the PCID and the nonce, when `msg` is `sign(<tag, PCID, nonce, ...>, sk:SHO)`. */
  readonly rest: readonly Term[];
}

function readOutstanding(ctx: TreContext, msg: Term, tag: string, arity: number): Outstanding | undefined {
  const { creds, expectedSho, pendingNonce } = ctx;
  if (creds === null || expectedSho === null || pendingNonce === 0) return undefined;
  const f = fieldsOf(signedBy(ctx, msg, pk(skSho(expectedSho))), tag, arity);
  if (f === undefined || f[1] === undefined || !same(f[0], creds.pcid)) return undefined;
  const nonce = registrationNonce(creds.pcid, pendingNonce);
  if (on(ctx, 't12.cm2') && !same(f[1], nonce)) return undefined;
  return { creds, sho: expectedSho, nonce: f[1], rest: f.slice(2) };
}

/** x.2.3: the M2MSIMMobj verifies with the expected SHO's key, names this PCID, carries the outstanding
 *  registration nonce (replay protection), and its blob opens with the platform key [t5 cm3] and holds the
 *  device token [t12 cm2]. */
function readMcimObject(ctx: TreContext, msg: Term): McimEntry | undefined {
  const o = readOutstanding(ctx, msg, 'M2MSIMMobj', 3);
  if (o === undefined) return undefined;
  const opened = decryptWith(o.rest[0], o.creds.platformKey) ?? (on(ctx, 't5.cm3') ? undefined : o.rest[0]);
  const m = fieldsOf(opened, 'mcim', 6);
  const content = m === undefined ? undefined : { sho: m[0], imsi: m[1], ki: m[2], code: m[3], token: m[4], nonce: m[5] };
  if (content === undefined || nameId(content.sho) !== o.sho) return undefined;
  if (on(ctx, 't12.cm2') && (!same(content.token, o.creds.token) || !same(content.nonce, o.nonce))) return undefined;
  const [imsiId, kiId, codeId] = [nameId(content.imsi), nameId(content.ki), nameId(content.code)];
  if (imsiId === undefined || kiId === undefined || codeId === undefined) return undefined;
  if (ctx.registry.some((e) => e.id === `mcim:${o.sho}`)) return undefined;
  return newEntry(o.sho, imsiId, kiId, codeId);
}

/** Both-present variant: the expected SHO authorises use of its MCIM already installed in the registry. */
function readActivation(ctx: TreContext, msg: Term): McimEntry | undefined {
  const o = readOutstanding(ctx, msg, 'activateMcim', 3);
  if (o === undefined || nameId(o.rest[0]) !== o.sho) return undefined;
  const entry = ctx.registry.find((e) => e.id === `mcim:${o.sho}`);
  return entry !== undefined && entry.state === 'Installed' ? entry : undefined;
}

/** The subscriber's instruction (5.1.3.7.4.2 step 2, 5.1.3.7.4.3 step 2), authenticated with the device token. */
function readInstruction(ctx: TreContext, msg: Term): { sho: ShoId; mode: string } | undefined {
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
function readBootstrap(ctx: TreContext, msg: Term): { sho: ShoId } | undefined {
  const c = ctx.creds;
  const f = fieldsOf(msg, 'bootstrap', 2);
  if (c === null || f === undefined || f[0] === undefined || !macMatches(f[1], c.kPin, f[0])) return undefined;
  const items = f[0].kind === 'tuple' ? f[0].items : [];
  const body = { pcid: items[0], sho: nameId(items[1]), serverKey: items[2] };
  if (items.length !== 3 || !same(body.pcid, c.pcid) || body.sho === undefined || !isShoId(body.sho)) return undefined;
  return same(body.serverKey, c.roRoot) ? { sho: body.sho } : undefined;
}

function canRegister(ctx: TreContext): boolean {
  return ctx.noncesUsed < MAX_REGISTRATIONS;
}

/** The TRE's own identity for what it signs. Non-null: only called in Trusted, after pre-provisioning. */
function me(ctx: TreContext): TreIdentity {
  return { device: ctx.creds!.pcid, key: ctx.creds!.platformKey };
}

function nonceOf(ctx: TreContext, k: number): Term {
  return registrationNonce(ctx.creds!.pcid, k);
}

/** x.2.3: a fresh registration nonce for `sho`, with the PfC (001 step 13), signed with the platform key. */
function registrationFor(ctx: TreContext, sho: ShoId): SendEvent {
  return out('m2me', 'registrationRequest', registrationTerm(me(ctx), nonceOf(ctx, ctx.noncesUsed + 1), sho, ctx.firmware, ctx.creds!.pfc));
}

/** The context once that registration is sent: the SHO the MCIM object must come from. */
function awaitingMcimFrom(ctx: TreContext, sho: ShoId): Partial<TreContext> {
  return { expectedSho: sho, pendingNonce: ctx.noncesUsed + 1, noncesUsed: ctx.noncesUsed + 1 };
}

function oldShoOf(ctx: TreContext): ShoId | undefined {
  return ctx.registry.find((e) => e.owner !== ctx.expectedSho && isActive(e))?.owner;
}

/** 5.1.3.7.4.2 step 9: the TRE-signed notice that the old SHO's credentials are discarded, bound to the nonce. */
function discardNoticeFor(ctx: TreContext): SendEvent {
  return out('m2me', 'discardNotice', discardNoticeTerm(me(ctx), oldShoOf(ctx)!, nonceOf(ctx, ctx.pendingNonce)));
}

/** 5.1.3.7.4.2 step 8: the new MCIM waits for the commit (step 12) while the old SHO's is discarded: Retired
 *  when a new one was downloaded, Blocked when both were present (the variant's "strictly separated"). */
function stagedOverOld(ctx: TreContext, staged: StagedMcim): Partial<TreContext> {
  const old = oldShoOf(ctx)!;
  return { staged, registry: staged.kind === 'download' ? retireOld(ctx.registry, old) : blockOld(ctx.registry, old) };
}

/** 004 step 13 / 5.1.3.7.4.2 step 13: the TRE-signed success status for the DPF. */
function provisioningStatusFor(ctx: TreContext): SendEvent {
  return out('m2me', 'provisioningStatus', provisioningStatusTerm(me(ctx), nonceOf(ctx, ctx.pendingNonce), ctx.expectedSho!, ok));
}

/** The ghost log entry of an installed MCIM object: which SHO, which nonce it carried. */
function installRecord(ctx: TreContext, msg: Term): string {
  const f = msg.kind === 'sign' ? fieldsOf(msg.body, 'M2MSIMMobj', 3) : undefined;
  return `${ctx.expectedSho}|${nameId(f?.[1]) ?? '?'}`;
}

/** With [t2 cm3] switched off the host runs the MCIM: the TRE hands it the credentials it just installed. */
function exportToHost(ctx: TreContext, entry: McimEntry): SendEvent[] {
  return on(ctx, 't2.cm3') ? [] : [out('m2me', 'mcimExport', mcimCredentialsTerm('mcimExport', entry.id, entry.imsi, entry.ki))];
}

const integrityPolicy = (ctx: TreContext) => ({ check: on(ctx, 't8.cm8'), blockFromInstalled: ctx.blockFromInstalled });

/** 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle management come from a valid,
 *  authorised source" [t7 cm1]: the owning SHO's signature, certified in the TRE's PKI (x.2.3 NOTE 3). */
function lifecycleFromCommand(ctx: TreContext, msg: Term): Pick<TreContext, 'registry' | 'commands'> | undefined {
  if (msg.kind !== 'sign') return undefined;
  for (const entry of ctx.registry) {
    const byOwner = verifySigned(msg, pk(skSho(entry.owner))) !== undefined;
    const body = on(ctx, 't7.cm1') && !byOwner ? undefined : msg.body;
    const f = fieldsOf(body, 'lifecycle', 3);
    const command = { pcid: f?.[0], mcim: nameId(f?.[1]), event: nameId(f?.[2]) };
    if (f === undefined || !same(command.pcid, ctx.creds?.pcid) || command.mcim !== entry.id || command.event === undefined) continue;
    if (!isLifecycleEvent(command.event) || command.event === 'SELECT' || command.event === 'END_SESSION') return undefined;
    if (command.event === 'BLOCK' && entry.state === 'Installed' && !ctx.blockFromInstalled) return undefined;
    const registry = applyLifecycle(ctx.registry, entry.id, command.event);
    if (registry === undefined) return undefined;
    return { registry, commands: [...ctx.commands, `${entry.id}|${command.event}|${byOwner ? 'owner' : 'other'}`] };
  }
  return undefined;
}

/** [t10 cm6, cm7]: the context after a user credential entry, or undefined when the TRE does not evaluate it. */
function userAuthenticated(ctx: TreContext, msg: Term): Partial<TreContext> | undefined {
  const f = fieldsOf(msg, 'userAuth', 2);
  const origin = nameId(f?.[1]);
  if (ctx.creds === null || f === undefined || ctx.userBlocked !== 'no' || (origin !== 'local' && origin !== 'remote')) return undefined;
  if (origin === 'remote' && on(ctx, 't10.cm7')) return undefined;
  if (same(f[0], ctx.creds.userPin)) return { userWrong: 0 };
  const wrong = Math.min(ctx.userWrong + 1, USER_TRIES + 1);
  return { userWrong: wrong, userBlocked: on(ctx, 't10.cm6') && wrong >= USER_TRIES ? origin : 'no' };
}

/** [t8 cm1] switched off: an MCIM of one stakeholder reads another stakeholder's MCIM data. */
function crossStakeholderRead(ctx: TreContext, mcim: string, target: string): McimEntry | undefined {
  const [from, to] = [ctx.registry.find((e) => e.id === mcim), ctx.registry.find((e) => e.id === target)];
  if (on(ctx, 't8.cm1') || from === undefined || to === undefined || from.owner === to.owner || !isActive(from)) return undefined;
  return ctx.crossReads.includes(`${mcim}>${target}`) ? undefined : to;
}

// ---- the machine ---------------------------------------------------------------------------------

export const treMachine = setup({
  types: {
    context: {} as TreContext,
    events: {} as TreEvent,
    emitted: {} as SendEvent,
    input: {} as TreInput,
  },
  actions: {
    // 5.1.2.3 "whenever the TRE is reset": the integrity check; outstanding protocol state is lost.
    interrupted: assign(({ context }) => ({
      registry: integrityChecked(context.registry, integrityPolicy(context)), pendingNonce: 0, staged: null,
    })),
  },
}).createMachine({
  id: 'tre',
  context: ({ input }) => ({
    off: input?.off ?? [], blockFromInstalled: input?.blockFromInstalled ?? true,
    creds: null, firmware: 'v1', registry: [], expectedSho: null, pendingNonce: 0, noncesUsed: 0, staged: null,
    userWrong: 0, userBlocked: 'no', tampered: false, installs: [], commands: [], crossReads: [],
  }),
  initial: 'Blank',
  states: {
    Blank: {
      on: {
        // 5.1.2.2 "pre-provisioned in a secure, out-of-band facility" [t5 cm1, 2]; 5.1.3.4.1 CCIF credentials
        preprovision: {
          guard: ({ event }) => fieldsOf(event.msg, 'preprovision', 9) !== undefined,
          target: 'Trusted',
          actions: assign(({ event }) => {
            const [pcid, platformKey, pfc, kInit, kPin, token, userPin, roRoot, esRoot] = fieldsOf(event.msg, 'preprovision', 9) as [
              Term, Term, Term, Term, Term, Term, Term, Term, Term,
            ];
            return { creds: { pcid, platformKey, pfc, kInit, kPin, token, userPin, roRoot, esRoot } };
          }),
        },
      },
    },
    Trusted: {
      initial: 'Off',
      on: {
        // 5.1.2.2 "Any tampering ... should be detected and should result in lockdown of the TRE" [t4 cm5, t6 cm5].
        TAMPER_DETECTED: [
          { guard: ({ context }) => on(context, 't6.cm5'), target: 'LockedDown', actions: assign({ tampered: true }) },
          { guard: ({ context }) => !context.tampered, actions: assign({ tampered: true }) },
        ],
        // Fault injection for 5.1.2.3 (t8, t11): the code of an MCIM changes; only the next integrity check notices.
        CORRUPT_MCIM: {
          // Once per MCIM: a second corruption adds nothing the integrity check could tell apart.
          guard: ({ context, event }) => context.registry.some((e) => e.id === event.mcim && !isModified(e)),
          actions: assign(({ context, event }) => ({
            registry: context.registry.map((e) => (e.id === event.mcim ? { ...e, code: `${e.code}:modified` } : e)),
          })),
        },
        // 5.1.2.2 "updated remotely by an authorised entity using secure protocols" [t6 cm4]: signed by the M2MES,
        // carrying the new PfC (5.1.3.5.8 "obtaining new platform credentials ... after a remote update").
        treUpdate: {
          guard: ({ context, event }) => updateOf(context, event.msg) !== undefined,
          actions: assign(({ context, event }) => {
            const u = updateOf(context, event.msg)!;
            return { firmware: u.version, creds: { ...context.creds!, pfc: u.pfc } };
          }),
        },
        lifecycleCommand: {
          guard: ({ context, event }) => lifecycleFromCommand(context, event.msg) !== undefined,
          actions: assign(({ context, event }) => lifecycleFromCommand(context, event.msg)!),
        },
        // 5.1.1.1 "Selected: ... the commencement of a session ... Only an activated MCIM can be selected."
        SESSION_START: {
          guard: ({ context, event }) => applyLifecycle(context.registry, event.mcim, 'SELECT') !== undefined,
          actions: assign(({ context, event }) => ({ registry: applyLifecycle(context.registry, event.mcim, 'SELECT')! })),
        },
        // 5.1.1.1 "When the session ends, the MCIM reverts to the Activated state."
        SESSION_END: {
          guard: ({ context, event }) => applyLifecycle(context.registry, event.mcim, 'END_SESSION') !== undefined,
          actions: assign(({ context, event }) => ({ registry: applyLifecycle(context.registry, event.mcim, 'END_SESSION')! })),
        },
        // 5.1.2.2 "A TRE should be able to perform user authentication" [t10 cm 1 - 11].
        userAuth: {
          guard: ({ context, event }) => userAuthenticated(context, event.msg) !== undefined,
          actions: assign(({ context, event }) => userAuthenticated(context, event.msg)!),
        },
        // 5.1.2.2 interfaces "usable only under control of entities which are authorised" [t4 cm2, t6 cm1]: the
        // key-management interface answers only with the switch off.
        interfaceRequest: {
          guard: ({ context, event }) => !on(context, 't4.cm2') && same(fieldsOf(event.msg, 'keyExport', 1)?.[0], context.creds?.pcid),
          actions: emit(({ context }) => out('m2me', 'interfaceResponse', keyExportResponseTerm(context.creds!.pcid, context.creds!.platformKey))),
        },
        // 5.1.2.2 isolated domains [t8 cm1]: with the switch off, one MCIM reads another stakeholder's.
        MCIM_ACCESS: {
          guard: ({ context, event }) => crossStakeholderRead(context, event.mcim, event.target) !== undefined,
          actions: [
            emit(({ context, event }) => {
              const t = crossStakeholderRead(context, event.mcim, event.target)!;
              return out('m2me', 'mcimData', mcimCredentialsTerm('mcimData', t.id, t.imsi, t.ki));
            }),
            assign(({ context, event }) => ({ crossReads: [...context.crossReads, `${event.mcim}>${event.target}`] })),
          ],
        },
      },
      states: {
        Off: {
          on: {
            // 5.1.2.3 "check the integrity of MCIMs as part of a secure boot process" [t6 cm5, t8 cm8]; then hand
            // the PCID to the host for the attach (5.1.2.2 "secure storage, retrieval, and use of the M2ME's PCID").
            boot: {
              target: 'Ready',
              actions: [
                assign(({ context }) => ({ registry: integrityChecked(context.registry, integrityPolicy(context)) })),
                emit(({ context }) => out('m2me', 'ready', readyTerm(me(context)))),
              ],
            },
          },
        },
        Ready: {
          on: {
            // 5.1.2.3 "whenever the TRE is reset": the same integrity check; outstanding protocol state is lost.
            RESET: { target: 'Ready', reenter: true, actions: 'interrupted' },
            // 004 5.1.3.6.2 step 3 / 001 step 5: AKA with the initial connectivity credential, executed in the
            // TRE (5.1.3.3.2.1 "initial AKA functionality ... may be stored and/or executed within the TRE").
            authChallenge: {
              guard: ({ context, event }) => {
                const f = fieldsOf(event.msg, 'challenge', 2);
                return context.creds !== null && f !== undefined && f[0] !== undefined &&
                  macMatches(f[1], context.creds.kInit, tuple(name('autn'), f[0]));
              },
              actions: emit(({ context, event }) => {
                const rand = fieldsOf(event.msg, 'challenge', 2)![0]!;
                return out('m2me', 'authResponse', authResponseTerm(mac(context.creds!.kInit, rand)));
              }),
            },
            // x.2.2: bootstrap authenticated with the device PIN names the SHO; the TRE registers with a fresh
            // registration nonce (x.2.3) and its PfC (001 step 13), signed with the platform key (5.1.2.2).
            bootstrap: {
              guard: ({ context, event }) => canRegister(context) && readBootstrap(context, event.msg) !== undefined,
              target: 'AwaitingMcim',
              actions: [
                emit(({ context, event }) => registrationFor(context, readBootstrap(context, event.msg)!.sho)),
                assign(({ context, event }) => awaitingMcimFrom(context, readBootstrap(context, event.msg)!.sho)),
              ],
            },
            // 5.1.3.7.4.2 step 2: re-provision over the old SHO's connectivity; the new SHO must obtain a fresh,
            // TRE-signed registration so that its provisioning is bound to it (5.1.2.4 [t2 cm5, t12 cm2]).
            reprovisionInstruction: [
              {
                guard: ({ context, event }) => canRegister(context) && readInstruction(context, event.msg)?.mode === 'via-old-sho' &&
                  context.registry.some(isActive),
                target: 'AwaitingMcim',
                actions: [
                  emit(({ context, event }) => registrationFor(context, readInstruction(context, event.msg)!.sho)),
                  assign(({ context, event }) => awaitingMcimFrom(context, readInstruction(context, event.msg)!.sho)),
                ],
              },
              {
                // 5.1.3.7.4.3 step 3 "The M2ME removes the old SHO's MCIM and returns to the pristine state";
                // 003 threat 11 cm1 "reset a TRE's MID management functions to factory settings".
                guard: ({ context, event }) => readInstruction(context, event.msg)?.mode === 'pristine',
                target: 'Off',
                actions: [
                  assign(({ context }) => ({ registry: removeAll(context.registry), expectedSho: null, pendingNonce: 0, staged: null })),
                  emit(({ context }) => out('m2me', 'resetDone', resetDoneTerm(me(context)))),
                ],
              },
            ],
          },
        },
        AwaitingMcim: {
          on: {
            // A reset or power loss during the download (t11): the outstanding registration is lost with it.
            RESET: { target: 'Ready', actions: 'interrupted' },
            mcimDownload: [
              {
                // 004 step 13 / 001 step 19: decrypt with the TRE platform key, provision into the TRE, report.
                // No other MCIM is active, so the new one is installed and activated at once.
                guard: ({ context, event }) => readMcimObject(context, event.msg) !== undefined && !context.registry.some(isActive),
                target: 'Ready',
                actions: [
                  emit(({ context }) => provisioningStatusFor(context)),
                  enqueueActions(({ context, event, enqueue }) => {
                    for (const send of exportToHost(context, readMcimObject(context, event.msg)!)) enqueue.emit(send);
                  }),
                  assign(({ context, event }) => ({
                    registry: installAndActivate(context.registry, readMcimObject(context, event.msg)!),
                    installs: [...context.installs, installRecord(context, event.msg)],
                    pendingNonce: 0,
                  })),
                ],
              },
              {
                // 5.1.3.7.4.2 step 7 (download complete, "atomic") then step 8: before installing, discard the old
                // SHO's credentials: the session ends (5.1.1.1: Selected cannot be deleted) and the MCIM is Retired
                // ("a credential is permanently deleted" while "still instantiated"); step 9 tells the old SHO.
                guard: ({ context, event }) => readMcimObject(context, event.msg) !== undefined && oldShoOf(context) !== undefined,
                target: 'AwaitingCommit',
                actions: [
                  emit(({ context }) => discardNoticeFor(context)),
                  assign(({ context, event }) => ({
                    ...stagedOverOld(context, { kind: 'download', entry: readMcimObject(context, event.msg)! }),
                    installs: [...context.installs, installRecord(context, event.msg)],
                  })),
                ],
              },
            ],
            // 5.1.3.7.4.2 variant "credentials for the old SHO and those for the new SHO may already be present":
            // the old MCIM is Blocked (kept, isolated, unusable) and the old SHO is told as in step 9.
            mcimActivation: {
              guard: ({ context, event }) => readActivation(context, event.msg) !== undefined && oldShoOf(context) !== undefined,
              target: 'AwaitingCommit',
              actions: [
                emit(({ context }) => discardNoticeFor(context)),
                assign(({ context, event }) => stagedOverOld(context, { kind: 'activation', entry: readActivation(context, event.msg)! })),
              ],
            },
          },
        },
        AwaitingCommit: {
          on: {
            // A reset or power loss between step 8 and step 12 (t11): the staged MCIM is lost; step 8 already
            // discarded the old one ("atomic" in step 7 covers the download, not the steps after it).
            RESET: { target: 'Ready', actions: 'interrupted' },
            // 5.1.3.7.4.2 step 12 "With the aid of the RO (DPF), the M2ME provisions the new MCIM ... into the TRE":
            // the DPF's commit (sent after the old SHO's acknowledgment, step 11) carries the registration nonce,
            // signed with the DM server key of the bootstrap (x.2.2 option 2) [t2 cm4].
            provisionCommit: {
              guard: ({ context, event }) => {
                const f = fieldsOf(signedBy(context, event.msg, context.creds?.roRoot ?? name('none')), 'commit', 2);
                return f !== undefined && same(f[0], context.creds?.pcid) && same(f[1], nonceOf(context, context.pendingNonce)) && context.staged !== null;
              },
              target: 'Ready',
              actions: [
                emit(({ context }) => provisioningStatusFor(context)),
                enqueueActions(({ context, enqueue }) => {
                  for (const send of exportToHost(context, context.staged!.entry)) enqueue.emit(send);
                }),
                assign(({ context }) => ({
                  registry: commitStaged(context.registry, context.staged!),
                  staged: null,
                  pendingNonce: 0,
                })),
              ],
            },
          },
        },
      },
    },
    // 5.1.2.2 lockdown; "the mechanism for rehabilitating a locked-down TRE ... is FFS": no way out.
    LockedDown: {},
  },
});

/** A firmware update for this device [t6 cm4]: under the M2ME supplier's signature (off: any signature). */
function updateOf(ctx: TreContext, msg: Term): { version: FirmwareVersion; pfc: Term } | undefined {
  const esRoot = ctx.creds?.esRoot;
  if (esRoot === undefined) return undefined;
  const body = on(ctx, 't6.cm4') ? verifySigned(msg, esRoot) : msg.kind === 'sign' ? msg.body : undefined;
  const f = fieldsOf(body, 'update', 3);
  const update = { pcid: f?.[0], version: nameId(f?.[1])?.replace(/^fw:/, ''), pfc: f?.[2] };
  if (f === undefined || !same(update.pcid, ctx.creds?.pcid) || update.pfc === undefined) return undefined;
  if (update.version !== 'v2' && update.version !== 'modified') return undefined;
  return update.version === ctx.firmware ? undefined : { version: update.version, pfc: update.pfc };
}
