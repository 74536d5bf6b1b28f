// The TRE of the M2ME (004 5.1.2): pre-provisioned platform, registry of MCIMs each with its own
// 5.1.1.1 lifecycle, all M2ME-side security processing of provisioning (5.1.2.4), lockdown on tamper.
// Every counter-measure it implements is a switch (models/counterMeasures/switches.ts) read from `off`.
import { assign, emit, enqueueActions, setup } from 'xstate';
import { mac, name, pk, tuple, type Term } from '../../src/attacker/Term.ts';
import {
  authResponseTerm, dmSessionOpenTerm, keyExportResponseTerm, out, readyTerm, resetDoneTerm, type SendEvent,
} from '../messages.ts';
import { inDmSession, serverAuthenticated } from './dmSession.ts';
import { fieldsOf, macMatches, same } from '../readTerm.ts';
import {
  applyLifecycle, changedInstances, commitStaged, installAndActivate, integrityChecked, isActive, isModified, markCheckpoint, removeAll, unboundedStorage,
} from './treRegistry.ts';
import {
  awaitingMcimFrom, canRegister, discardNoticeFor, failedProvisioning, failureStatusFor, integrityPolicy, lifecycleFromCommand, me,
  nonceOf, oldShoOf, on, provisioningStatusFor, readActivation, readBootstrap, readInstruction, readMcimObject, registrationFor, registryWithRoom, signedBy,
  stagedOverOld, updateOf, userAuthenticated, userGateOpen,
} from './treChecks.ts';
import { mcimUpdateOf } from './treMcimUpdate.ts';
import { USER_TRIES, type TreContext, type TreEvent, type TreInput } from './treContext.ts';
import { deviceRoleId, type DeviceId } from '../roleIds.ts';
import { builtOnce } from './builtOnce.ts';

export { USER_TRIES, type TreContext, type TreCredentials, type TreEvent, type TreInput } from './treContext.ts';

// ---- the machine ---------------------------------------------------------------------------------

/** A lifecycle command the TRE takes (an SHO's [t7 cm1] or the subscriber's [t7 cm3]) applied and logged: the MCIMs
 *  active before it and what it changed, compared registry to registry (the claims read this, not the check). */
function applyCommand(context: TreContext, msg: Term): Pick<TreContext, 'registry' | 'commands'> {
  const registry = lifecycleFromCommand(context, msg)!;
  const active = context.registry.filter(isActive).map((e) => e.id);
  return { registry, commands: [...context.commands, { term: msg, active, changed: changedInstances(context.registry, registry) }] };
}

/** The TRE of `device`: everything it sends goes to its own host (`m2me`, or `m2me@dev2` for a second device). */
function buildTreMachine(device: DeviceId) {
  const host = deviceRoleId('m2me', device);
  return setup({
    types: {
      context: {} as TreContext,
      events: {} as TreEvent,
      emitted: {} as SendEvent,
      input: {} as TreInput,
    },
    actions: {
      // 5.1.2.3 "whenever the TRE is reset": the integrity check; outstanding protocol state is lost.
      interrupted: assign(({ context }) => ({
        registry: integrityChecked(markCheckpoint(context.registry), integrityPolicy(context)), pendingNonce: 0, staged: null,
        // 003 t10 cm10 "On booting or rebooting ... force authentication of the M2ME U/S".
        userVerified: false, dmServerFor: 0,
      })),
    },
  }).createMachine({
    id: 'tre',
    context: ({ input }) => ({
      off: input?.off ?? [], blockFromInstalled: input?.blockFromInstalled ?? true, storage: input?.storage ?? unboundedStorage,
      userGate: input?.userGate ?? false, userVerified: false, keypadEntries: 0, dmSession: input?.dmSession ?? false, dmServerFor: 0,
      failureReport: input?.failureReport ?? false, failedFor: 0,
      creds: null, firmware: 'v1', registry: [], expectedSho: null, pendingNonce: 0, noncesUsed: 0, staged: null,
      userWrong: 0, userBlocked: 'no', tampered: false,
      installs: [], activations: [], activationRegistries: [], commands: [], instructions: [], userEntries: [], dmOpens: [], dmServers: [],
      updates: [],
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
          // Fault injection for t11 ("erasure of a MID"): an MCIM's data is lost. A malfunction, not the owner's
          // lifecycle step (5.1.1.1 Deleted), so the entry leaves the registry without one.
          ERASE_MCIM: {
            guard: ({ context, event }) => context.registry.some((e) => e.id === event.mcim),
            actions: assign(({ context, event }) => ({ registry: context.registry.filter((e) => e.id !== event.mcim) })),
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
            actions: assign(({ context, event }) => applyCommand(context, event.msg)),
          },
          // The subscriber's own command (003 t7 cm3), read by the same check and logged with the SHOs' commands.
          userLifecycle: {
            guard: ({ context, event }) => lifecycleFromCommand(context, event.msg) !== undefined,
            actions: assign(({ context, event }) => applyCommand(context, event.msg)),
          },
          // 5.1.2.3 "a secure update service for MCIMs" [t7 cm7]: an update the DPF downloaded (5.1.3.4.3) replaces
          // its MCIM instance's code (models/roles/treMcimUpdate.ts).
          mcimUpdate: {
            guard: ({ context, event }) => mcimUpdateOf(context, event.msg) !== undefined,
            actions: assign(({ context, event }) => {
              const u = mcimUpdateOf(context, event.msg)!;
              const after = u.registry.map(({ id, owner, registration, code }) => ({ id, owner, registration, code }));
              return { registry: u.registry, updates: [...context.updates, { term: event.msg, changed: changedInstances(context.registry, u.registry), after }] };
            }),
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
            actions: assign(({ context, event }) => ({
              ...userAuthenticated(context, event.msg)!,
              userEntries: [...context.userEntries, event.msg].slice(-(USER_TRIES + 1)),
            })),
          },
          // 5.1.2.2 interfaces "usable only under control of entities which are authorised" [t4 cm2, t6 cm1]: no caller
          // on the host is, so the key-management interface answers it only with that switch off; and they "should not
          // be able to compromise the confidentiality ... of a TRE" [t4 cm3, t8 cm5]: the answer carries the public key.
          interfaceRequest: {
            guard: ({ context, event }) => !on(context, 't4.cm2') && same(fieldsOf(event.msg, 'keyExport', 1)?.[0], context.creds?.pcid),
            actions: emit(({ context }) => out(host, 'interfaceResponse', keyExportResponseTerm(
              context.creds!.pcid, on(context, 't4.cm3') ? pk(context.creds!.platformKey) : context.creds!.platformKey,
            ))),
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
                  assign(({ context }) => ({ registry: integrityChecked(markCheckpoint(context.registry), integrityPolicy(context)), userVerified: false })),
                  emit(({ context }) => out(host, 'ready', readyTerm(me(context)))),
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
                  return out(host, 'authResponse', authResponseTerm(mac(context.creds!.kInit, rand)));
                }),
              },
              // x.2.2: bootstrap authenticated with the device PIN names the SHO; the TRE registers with a fresh
              // registration nonce (x.2.3) and its PfC (001 step 13), signed with the platform key (5.1.2.2).
              bootstrap: {
                guard: ({ context, event }) => canRegister(context) && readBootstrap(context, event.msg) !== undefined,
                target: 'AwaitingMcim',
                actions: [
                  emit(({ context, event }) => registrationFor(context, readBootstrap(context, event.msg)!.sho, host)),
                  assign(({ context, event }) => awaitingMcimFrom(context, readBootstrap(context, event.msg)!.sho)),
                ],
              },
              // 5.1.3.7.4.2 step 2: re-provision over the old SHO's connectivity; the new SHO must obtain a fresh,
              // TRE-signed registration so that its provisioning is bound to it (5.1.2.4 [t2 cm5, t12 cm2]).
              reprovisionInstruction: [
                {
                  guard: ({ context, event }) => canRegister(context) && userGateOpen(context) && readInstruction(context, event.msg)?.mode === 'via-old-sho' &&
                    context.registry.some(isActive),
                  target: 'AwaitingMcim',
                  actions: [
                    emit(({ context, event }) => registrationFor(context, readInstruction(context, event.msg)!.sho, host)),
                    assign(({ context, event }) => ({
                      ...awaitingMcimFrom(context, readInstruction(context, event.msg)!.sho),
                      instructions: [...context.instructions, event.msg],
                    })),
                  ],
                },
                {
                  // 5.1.3.7.4.3 step 3 "The M2ME removes the old SHO's MCIM and returns to the pristine state";
                  // 003 threat 11 cm1 "reset a TRE's MID management functions to factory settings".
                  guard: ({ context, event }) => userGateOpen(context) && readInstruction(context, event.msg)?.mode === 'pristine',
                  target: 'Off',
                  actions: [
                    assign(({ context, event }) => ({
                      registry: removeAll(context.registry), expectedSho: null, pendingNonce: 0, staged: null,
                      instructions: [...context.instructions, event.msg],
                    })),
                    emit(({ context }) => out(host, 'resetDone', resetDoneTerm(me(context)))),
                  ],
                },
              ],
            },
          },
          AwaitingMcim: {
            on: {
              // A reset or power loss during the download (t11): the outstanding registration is lost with it.
              RESET: { target: 'Ready', actions: 'interrupted' },
              // x.2.2 "a requirement for the OMA DM client to authenticate the server" [t2 cm4 mutual] (assumption
              // omaDmSession): the DPF's authentication for this registration's session, under the key of the bootstrap
              // (option 2); the client answers authenticated with the device PIN ("the same authentication token can be
              // used for transport-neutral security in further OMA DM communication").
              dmServerAuth: {
                guard: ({ context, event }) => context.dmSession && context.dmServerFor !== context.pendingNonce &&
                  serverAuthenticated(context.off, event.msg, context.creds!.roRoot, context.creds!.pcid, nonceOf(context, context.pendingNonce)),
                actions: enqueueActions(({ context, event, enqueue }) => {
                  const answer = dmSessionOpenTerm(context.creds!.pcid, context.creds!.kPin, nonceOf(context, context.pendingNonce));
                  enqueue.emit(out(host, 'dmSessionOpen', answer));
                  enqueue.assign({ dmServerFor: context.pendingNonce, dmServers: [...context.dmServers, event.msg], dmOpens: [...context.dmOpens, answer] });
                }),
              },
              mcimDownload: [
                {
                  // 004 step 13 / 001 step 19: decrypt with the TRE platform key, provision into the TRE, report.
                  // No other MCIM is active, so the new one is installed and activated at once.
                  guard: ({ context, event }) => readMcimObject(context, event.msg) !== undefined && !context.registry.some(isActive) && inDmSession(context),
                  target: 'Ready',
                  actions: [
                    emit(({ context }) => provisioningStatusFor(context, host)),
                    assign(({ context, event }) => ({
                      registry: installAndActivate(registryWithRoom(context), readMcimObject(context, event.msg)!),
                      installs: [...context.installs, event.msg],
                      pendingNonce: 0,
                    })),
                  ],
                },
                {
                  // 5.1.3.7.4.2 step 7 (download complete, "atomic") then step 8: before installing, discard the old
                  // SHO's credentials: the session ends (5.1.1.1: Selected cannot be deleted) and the MCIM is Retired
                  // ("a credential is permanently deleted" while "still instantiated"); step 9 tells the old SHO.
                  guard: ({ context, event }) => readMcimObject(context, event.msg) !== undefined && oldShoOf(context) !== undefined && inDmSession(context),
                  target: 'AwaitingCommit',
                  actions: [
                    emit(({ context }) => discardNoticeFor(context, host)),
                    assign(({ context, event }) => ({
                      ...stagedOverOld(context, { kind: 'download', entry: readMcimObject(context, event.msg)! }),
                      installs: [...context.installs, event.msg],
                    })),
                  ],
                },
                {
                  // 004 step 13 "reports the success/failure status of the provisioning" (assumption failureReport):
                  // an object of this registration it cannot provision; the TRE keeps waiting for a good one.
                  guard: ({ context, event }) => inDmSession(context) && failedProvisioning(context, event.msg),
                  actions: [emit(({ context }) => failureStatusFor(context, host)), assign(({ context }) => ({ failedFor: context.pendingNonce }))],
                },
              ],
              // 5.1.3.7.4.2 variant "credentials for the old SHO and those for the new SHO may already be present":
              // the old MCIM is Blocked (kept, isolated, unusable) and the old SHO is told as in step 9.
              mcimActivation: {
                guard: ({ context, event }) => readActivation(context, event.msg) !== undefined && oldShoOf(context) !== undefined && inDmSession(context),
                target: 'AwaitingCommit',
                actions: [
                  emit(({ context }) => discardNoticeFor(context, host)),
                  assign(({ context, event }) => ({
                    ...stagedOverOld(context, { kind: 'activation', entry: readActivation(context, event.msg)! }),
                    activations: [...context.activations, event.msg],
                    activationRegistries: [...context.activationRegistries, context.registry.map(({ id, owner, state }) => ({ id, owner, state }))],
                  })),
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
                  emit(({ context }) => provisioningStatusFor(context, host)),
                  assign(({ context }) => ({
                    registry: commitStaged(context.registry, context.staged!, context.storage),
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
}

/** The TRE machine of `device` (one per device, built once). */
export const treMachineFor = builtOnce(buildTreMachine);

/** dev1's TRE, the victim's. */
export const treMachine = treMachineFor('dev1');
