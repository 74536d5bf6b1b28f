// The TRE's context, input and events (004 5.1.2): what it holds and what it reacts to.
import type { Term } from '../../src/attacker/Term.ts';
import type { SwitchId } from '../counterMeasures/switches.ts';
import type { Delivery, FirmwareVersion } from '../messages.ts';
import type { ShoId } from '../roleIds.ts';
import type { ChangedInstance, McimEntry, StagedMcim, StoragePolicy } from './treRegistry.ts';

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
  /** The storage bound and what a full TRE does (scenario `treCapacity`, assumptions `storageFull`, `retiredDeletedAtCommit`). */
  readonly storage: StoragePolicy;
  /** Scenario `userGate`: the subscriber's instruction is a function gated by user authentication [t10 cm10]. */
  readonly userGate: boolean;
  /** The user authenticated at the device since the last boot or reset [t10 cm10]. */
  readonly userVerified: boolean;
  /** Assumption `omaDmSession`: steps 12-13 run in an OMA DM session with the DPF (models/roles/dmSession.ts). */
  readonly dmSession: boolean;
  /** Assumption `failureReport`: the TRE reports an MCIM object of its registration that it cannot provision. */
  readonly failureReport: boolean;
  /** The registration (nonce number) whose failure the TRE has reported, 0 for none (once per registration). */
  readonly failedFor: number;
  /** The registration (nonce number) whose DM session authenticated the server, 0 for none. */
  readonly dmServerFor: number;
  /** The number of the last keypad entry taken through the tunnel, 0 for none [t10 cm5 anti-replay]. */
  readonly keypadEntries: number;
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
  // Ghost logs, read by properties only and written by the machine's actions where a message is applied, never by
  // the check that decided to apply it: each holds the raw term, so a property judges it (who signed it, what it
  // names) by itself, the way Tamarin lemmas read action facts.
  /** Every MCIM object (the signed M2MSIMMobj) the TRE installed or staged for install, in order. */
  readonly installs: readonly Term[];
  /** Every activation object (both-present variant) the TRE applied, in order. */
  readonly activations: readonly Term[];
  /** The registry's instances (id, owner, state) when each of `activations` was applied, in the same order. */
  readonly activationRegistries: readonly (readonly InstanceState[])[];
  /** Every lifecycle command the TRE applied, with the MCIMs that were active when it arrived and the instances it
   *  changed. */
  readonly commands: readonly AppliedCommand[];
  /** Every subscriber instruction (re-provisioning or pristine) the TRE acted on, in order. */
  readonly instructions: readonly Term[];
  /** The last USER_TRIES + 1 user credential entries the TRE evaluated (a window, so the search stays finite). */
  readonly userEntries: readonly Term[];
  /** Every DM session opening the TRE sent, and every server answer it accepted (omaDmSession). */
  readonly dmOpens: readonly Term[];
  readonly dmServers: readonly Term[];
  /** Every MCIM update the TRE applied (5.1.2.3 [t7 cm7]), with the instances whose code it changed, in order. */
  readonly updates: readonly AppliedUpdate[];
}

/** An MCIM update as applied: the raw term and the instances whose code the step changed (the registry before and
 *  after compared by the machine's action, treRegistry.ts changedInstances), not the instance the check chose. */
export interface AppliedUpdate {
  readonly term: Term;
  readonly changed: readonly ChangedInstance[];
  /** Every instance after the step, with the code it then holds. */
  readonly after: readonly InstanceCode[];
}

/** An instance and its lifecycle state, as the registry holds them. */
export interface InstanceState {
  readonly id: string;
  readonly owner: ShoId;
  readonly state: McimEntry['state'];
}

/** An instance and its code, as the registry holds them. */
export interface InstanceCode {
  readonly id: string;
  readonly owner: ShoId;
  readonly registration: number;
  readonly code: string;
}

/** A lifecycle command as applied: the raw term, the ids of the MCIMs active when it arrived, and the instances whose
 *  lifecycle state the step changed (compared before and after, as for updates). */
export interface AppliedCommand {
  readonly term: Term;
  readonly active: readonly string[];
  readonly changed: readonly ChangedInstance[];
}

export const MAX_REGISTRATIONS = 3;

export interface TreInput {
  readonly off: readonly SwitchId[];
  readonly blockFromInstalled: boolean;
  /** Absent: no storage bound (the text's). */
  readonly storage?: StoragePolicy;
  readonly userGate?: boolean;
  readonly dmSession?: boolean;
  readonly failureReport?: boolean;
}

export type TreInbound =
  | 'preprovision' | 'boot' | 'authChallenge' | 'bootstrap' | 'mcimDownload' | 'mcimActivation' | 'dmServerAuth'
  | 'provisionCommit' | 'reprovisionInstruction' | 'treUpdate' | 'lifecycleCommand' | 'userAuth' | 'interfaceRequest'
  | 'mcimUpdate' | 'userLifecycle';

export type TreEvent =
  | Delivery<TreInbound>
  | { readonly type: 'TAMPER_DETECTED' }
  | { readonly type: 'RESET' }
  | { readonly type: 'CORRUPT_MCIM'; readonly mcim: string }
  | { readonly type: 'ERASE_MCIM'; readonly mcim: string }
  | { readonly type: 'SESSION_START'; readonly mcim: string }
  | { readonly type: 'SESSION_END'; readonly mcim: string };
