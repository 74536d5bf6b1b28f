// The TRE of the M2ME (004 5.1.2): pre-provisioned platform, registry of MCIMs each with its own
// 5.1.1.1 lifecycle, all M2ME-side security processing of provisioning (5.1.2.4), lockdown on tamper.
import { assign, emit, setup } from 'xstate';
import { mac, name, pk, tuple, type Term } from '../../src/attacker/Term.ts';
import { contentId } from '../contentId.ts';
import { isLifecycleEvent } from '../mcimLifecycleTable.ts';
import {
  authResponseTerm, discardNoticeTerm, ok, out, provisioningStatusTerm,
  readyTerm, registrationNonce, registrationTerm, resetDoneTerm, skSho,
  type Delivery, type FirmwareVersion, type SendEvent, type TreIdentity,
} from '../messages.ts';
import { decryptWith, fieldsOf, macMatches, nameId, same, verifySigned } from '../readTerm.ts';
import { isShoId, type ShoId } from '../roleIds.ts';
import {
  applyLifecycle, blockOld, commitStaged, installAndActivate, integrityChecked, isActive, newEntry, removeAll, retireOld,
  type McimEntry, type StagedMcim,
} from './treRegistry.ts';

/** What the supplier embeds out of band (5.1.2.2 [t5 cm1, 2]; 5.1.1.2 NOTE; x.2.2; x.2.3 NOTE 3). */
export interface TreCredentials {
  readonly pcid: Term;
  readonly platformKey: Term;
  readonly pfc: Term;
  readonly kInit: Term;
  readonly kPin: Term;
  readonly tokDev: Term;
  readonly roRoot: Term;
  readonly esRoot: Term;
}

export interface TreContext {
  readonly creds: TreCredentials | null;
  readonly firmware: FirmwareVersion;
  readonly registry: readonly McimEntry[];
  /** The SHO this provisioning is for, and its public key (bootstrap x.2.2 option 2, or the subscriber's instruction). */
  readonly expectedSho: ShoId | null;
  readonly expectedShoKey: Term | null;
  /** Number of the outstanding registration nonce, 0 when none (x.2.3). */
  readonly pendingNonce: number;
  /** Registrations made so far; bounded by MAX_REGISTRATIONS to keep the state space finite. */
  readonly noncesUsed: number;
  /** A verified new MCIM (or activation) waiting for the commit of 5.1.3.7.4.2 step 12. */
  readonly staged: StagedMcim | null;
}

const MAX_REGISTRATIONS = 3;

type TreInbound =
  | 'preprovision' | 'boot' | 'authChallenge' | 'bootstrap' | 'mcimDownload' | 'mcimActivation'
  | 'provisionCommit' | 'reprovisionInstruction' | 'treUpdate' | 'lifecycleCommand';

export type TreEvent =
  | Delivery<TreInbound>
  | { readonly type: 'TAMPER_DETECTED' }
  | { readonly type: 'RESET' }
  | { readonly type: 'CORRUPT_MCIM'; readonly mcim: string }
  | { readonly type: 'SESSION_START'; readonly mcim: string }
  | { readonly type: 'SESSION_END'; readonly mcim: string };

// ---- pure helpers over the context ---------------------------------------------------------------

/** A registration is outstanding (x.2.3): what the expected SHO signs must name this PCID and carry its nonce. */
interface Outstanding {
  readonly creds: TreCredentials;
  readonly sho: ShoId;
  readonly nonce: Term;
  /** The fields after the PCID and the nonce, when `msg` is `sign(<tag, PCID, nonce, ...>, sk:SHO)`. */
  readonly rest: readonly Term[];
}

function readOutstanding(ctx: TreContext, msg: Term, tag: string, arity: number): Outstanding | undefined {
  const { creds, expectedSho, expectedShoKey, pendingNonce } = ctx;
  if (creds === null || expectedShoKey === null || expectedSho === null || pendingNonce === 0) return undefined;
  const nonce = registrationNonce(pendingNonce);
  const f = fieldsOf(verifySigned(msg, expectedShoKey), tag, arity);
  if (f === undefined || !same(f[0], creds.pcid) || !same(f[1], nonce)) return undefined;
  return { creds, sho: expectedSho, nonce, rest: f.slice(2) };
}

/** x.2.3: the M2MSIMMobj verifies with the expected SHO's key, names this PCID, carries the outstanding
 *  registration nonce (replay protection), and its blob opens with the platform key and holds the device token. */
function readMcimObject(ctx: TreContext, msg: Term): McimEntry | undefined {
  const o = readOutstanding(ctx, msg, 'M2MSIMMobj', 3);
  if (o === undefined) return undefined;
  const m = fieldsOf(decryptWith(o.rest[0], o.creds.platformKey), 'mcim', 6);
  if (m === undefined || nameId(m[0]) !== o.sho || !same(m[4], o.creds.tokDev) || !same(m[5], o.nonce)) return undefined;
  const [imsiId, kiId, codeId] = [nameId(m[1]), nameId(m[2]), nameId(m[3])];
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
function readInstruction(ctx: TreContext, msg: Term): { sho: ShoId; key: Term; mode: string } | undefined {
  const c = ctx.creds;
  const f = fieldsOf(msg, 'reprovisionInstruction', 2);
  if (c === null || f === undefined || f[0] === undefined || !macMatches(f[1], c.tokDev, f[0])) return undefined;
  const b = fieldsOf(f[0], 'reprovision', 4);
  const sho = nameId(b?.[1]);
  const mode = nameId(b?.[3]);
  if (b === undefined || !same(b[0], c.pcid) || sho === undefined || !isShoId(sho) || b[2] === undefined || mode === undefined) {
    return undefined;
  }
  return { sho, key: b[2], mode };
}

function readBootstrap(ctx: TreContext, msg: Term): { sho: ShoId; key: Term } | undefined {
  const c = ctx.creds;
  const f = fieldsOf(msg, 'bootstrap', 2);
  if (c === null || f === undefined || f[0] === undefined || !macMatches(f[1], c.kPin, f[0])) return undefined;
  const body = f[0].kind === 'tuple' ? f[0].items : [];
  const sho = nameId(body[1]);
  if (body.length !== 3 || !same(body[0], c.pcid) || sho === undefined || !isShoId(sho) || body[2] === undefined) return undefined;
  return { sho, key: body[2] };
}

function canRegister(ctx: TreContext): boolean {
  return ctx.noncesUsed < MAX_REGISTRATIONS;
}

/** The TRE's own identity for what it signs. Non-null: only called in Trusted, after pre-provisioning. */
function me(ctx: TreContext): TreIdentity {
  return { device: ctx.creds!.pcid, key: ctx.creds!.platformKey };
}

/** x.2.3: a fresh registration nonce for `sho`, with the PfC (001 step 13), signed with the platform key. */
function registrationFor(ctx: TreContext, sho: ShoId): SendEvent {
  return out('m2me', 'registrationRequest', registrationTerm(me(ctx), registrationNonce(ctx.noncesUsed + 1), sho, ctx.firmware, ctx.creds!.pfc));
}

/** The context once that registration is sent: the SHO and key the MCIM object must verify with. */
function awaitingMcimFrom(ctx: TreContext, target: { readonly sho: ShoId; readonly key: Term }): Partial<TreContext> {
  return { expectedSho: target.sho, expectedShoKey: target.key, pendingNonce: ctx.noncesUsed + 1, noncesUsed: ctx.noncesUsed + 1 };
}

function oldShoOf(ctx: TreContext): ShoId | undefined {
  return ctx.registry.find((e) => e.owner !== ctx.expectedSho && isActive(e))?.owner;
}

/** 5.1.3.7.4.2 step 9: the TRE-signed notice that the old SHO's credentials are discarded, bound to the nonce. */
function discardNoticeFor(ctx: TreContext): SendEvent {
  return out('m2me', 'discardNotice', discardNoticeTerm(me(ctx), oldShoOf(ctx)!, registrationNonce(ctx.pendingNonce)));
}

/** 5.1.3.7.4.2 step 8: the new MCIM waits for the commit (step 12) while the old SHO's is discarded: Retired
 *  when a new one was downloaded, Blocked when both were present (the variant's "strictly separated"). */
function stagedOverOld(ctx: TreContext, staged: StagedMcim): Partial<TreContext> {
  const old = oldShoOf(ctx)!;
  return { staged, registry: staged.kind === 'download' ? retireOld(ctx.registry, old) : blockOld(ctx.registry, old) };
}

/** 004 step 13 / 5.1.3.7.4.2 step 13: the TRE-signed success status for the DPF. */
function provisioningStatusFor(ctx: TreContext): SendEvent {
  return out('m2me', 'provisioningStatus', provisioningStatusTerm(me(ctx), registrationNonce(ctx.pendingNonce), ctx.expectedSho!, ok));
}

// ---- the machine ---------------------------------------------------------------------------------

export const treMachine = setup({
  types: {
    context: {} as TreContext,
    events: {} as TreEvent,
    emitted: {} as SendEvent,
  },
}).createMachine({
  id: 'tre',
  context: {
    creds: null, firmware: 'v1', registry: [], expectedSho: null, expectedShoKey: null,
    pendingNonce: 0, noncesUsed: 0, staged: null,
  },
  initial: 'Blank',
  states: {
    Blank: {
      on: {
        // 5.1.2.2 "pre-provisioned in a secure, out-of-band facility" [t5 cm1, 2]; 5.1.3.4.1 CCIF credentials
        preprovision: {
          guard: ({ event }) => fieldsOf(event.msg, 'preprovision', 8) !== undefined,
          target: 'Trusted',
          actions: assign(({ event }) => {
            const f = fieldsOf(event.msg, 'preprovision', 8)!;
            const [pcid, platformKey, pfc, kInit, kPin, tokDev, roRoot, esRoot] = f as [Term, Term, Term, Term, Term, Term, Term, Term];
            return { creds: { pcid, platformKey, pfc, kInit, kPin, tokDev, roRoot, esRoot } };
          }),
        },
      },
    },
    Trusted: {
      initial: 'Off',
      on: {
        // 5.1.2.2 "Any tampering ... should be detected and should result in lockdown of the TRE" [t4 cm5, t6 cm5]
        TAMPER_DETECTED: { target: 'LockedDown' },
        // Fault injection for 5.1.2.3: the code of an MCIM changes; only the next integrity check notices.
        CORRUPT_MCIM: {
          // Once per MCIM: a second corruption adds nothing the integrity check could tell apart.
          guard: ({ context, event }) => context.registry.some((e) => e.id === event.mcim && contentId(name(e.code)) === e.measurement),
          actions: assign(({ context, event }) => ({
            registry: context.registry.map((e) => (e.id === event.mcim ? { ...e, code: `${e.code}:modified` } : e)),
          })),
        },
        // 5.1.2.2 "updated remotely by an authorised entity using secure protocols" [t6 cm4]: signed by the M2MES,
        // carrying the new PfC (5.1.3.5.8 "obtaining new platform credentials ... after a remote update").
        treUpdate: {
          guard: ({ context, event }) => {
            const f = fieldsOf(verifySigned(event.msg, context.creds?.esRoot ?? name('none')), 'update', 3);
            return f !== undefined && same(f[0], context.creds?.pcid) && nameId(f[1]) === 'fw:v2' && context.firmware === 'v1';
          },
          actions: assign(({ context, event }) => {
            const f = fieldsOf(verifySigned(event.msg, context.creds!.esRoot), 'update', 3)!;
            return { firmware: 'v2' as const, creds: { ...context.creds!, pfc: f[2]! } };
          }),
        },
        // 5.1.2.4 "verify that any instructions received as part of MCIM lifecycle management come from a
        // valid, authorised source" [t7 cm1]: the owning SHO's signature; 5.1.1.1 decides what is allowed.
        lifecycleCommand: {
          guard: ({ context, event }) => lifecycleFromCommand(context, event.msg) !== undefined,
          actions: assign(({ context, event }) => ({ registry: lifecycleFromCommand(context, event.msg)! })),
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
      },
      states: {
        Off: {
          on: {
            // 5.1.2.3 "check the integrity of MCIMs as part of a secure boot process" [t6 cm5, t8 cm8]; then hand
            // the PCID to the host for the attach (5.1.2.2 "secure storage, retrieval, and use of the M2ME's PCID").
            boot: {
              target: 'Ready',
              actions: [
                assign(({ context }) => ({ registry: integrityChecked(context.registry) })),
                emit(({ context }) => out('m2me', 'ready', readyTerm(me(context)))),
              ],
            },
          },
        },
        Ready: {
          on: {
            // 5.1.2.3 "whenever the TRE is reset": the same integrity check; outstanding protocol state is lost.
            RESET: {
              target: 'Ready',
              reenter: true,
              actions: assign(({ context }) => ({
                registry: integrityChecked(context.registry), pendingNonce: 0, staged: null,
              })),
            },
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
                assign(({ context, event }) => awaitingMcimFrom(context, readBootstrap(context, event.msg)!)),
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
                  assign(({ context, event }) => awaitingMcimFrom(context, readInstruction(context, event.msg)!)),
                ],
              },
              {
                // 5.1.3.7.4.3 step 3 "The M2ME removes the old SHO's MCIM and returns to the pristine state";
                // 003 threat 11 cm1 "reset a TRE's MID management functions to factory settings".
                guard: ({ context, event }) => readInstruction(context, event.msg)?.mode === 'pristine',
                target: 'Off',
                actions: [
                  assign(({ context }) => ({ registry: removeAll(context.registry), expectedSho: null, expectedShoKey: null, pendingNonce: 0, staged: null })),
                  emit(({ context }) => out('m2me', 'resetDone', resetDoneTerm(me(context)))),
                ],
              },
            ],
          },
        },
        AwaitingMcim: {
          on: {
            mcimDownload: [
              {
                // 004 step 13 / 001 step 19: decrypt with the TRE platform key, provision into the TRE, report.
                // No other MCIM is active, so the new one is installed and activated at once.
                guard: ({ context, event }) => readMcimObject(context, event.msg) !== undefined && !context.registry.some(isActive),
                target: 'Ready',
                actions: [
                  emit(({ context }) => provisioningStatusFor(context)),
                  assign(({ context, event }) => ({
                    registry: installAndActivate(context.registry, readMcimObject(context, event.msg)!),
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
                  assign(({ context, event }) => stagedOverOld(context, { kind: 'download', entry: readMcimObject(context, event.msg)! })),
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
            // 5.1.3.7.4.2 step 12 "With the aid of the RO (DPF), the M2ME provisions the new MCIM ... into the TRE":
            // the DPF's commit (sent after the old SHO's acknowledgment, step 11) carries the registration nonce.
            provisionCommit: {
              guard: ({ context, event }) => {
                const f = fieldsOf(verifySigned(event.msg, context.creds?.roRoot ?? name('none')), 'commit', 2);
                return f !== undefined && same(f[0], context.creds?.pcid) && same(f[1], registrationNonce(context.pendingNonce)) && context.staged !== null;
              },
              target: 'Ready',
              actions: [
                emit(({ context }) => provisioningStatusFor(context)),
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

/** The SHO public keys are certified in the PKI the TRE holds roots for (x.2.3 NOTE 3). */
function lifecycleFromCommand(ctx: TreContext, msg: Term): readonly McimEntry[] | undefined {
  if (msg.kind !== 'sign') return undefined;
  for (const entry of ctx.registry) {
    const f = fieldsOf(verifySigned(msg, pk(skSho(entry.owner))), 'lifecycle', 3);
    const event = nameId(f?.[2]);
    if (f === undefined || !same(f[0], ctx.creds?.pcid) || nameId(f[1]) !== entry.id || event === undefined) continue;
    if (!isLifecycleEvent(event) || event === 'SELECT' || event === 'END_SESSION') return undefined;
    return applyLifecycle(ctx.registry, entry.id, event);
  }
  return undefined;
}
