// Every message of the model as a Dolev-Yao term (src/attacker/Term.ts), with the clause it comes from.
// Roles build what they send here and read what they receive with models/readTerm.ts.
import { aenc, hash, mac, name, pk, sign, tuple, type Term } from '../src/attacker/Term.ts';
import type { RoleId, ShoId } from './roleIds.ts';

/** The kinds of message that travel between roles; a kind is also the XState event type at the receiver. */
export const messageKinds = [
  'preprovision', 'initialCredentials', 'platformReference', 'supply',
  'contract', 'shoSelection', 'activationNotice', 'activationAck', 'powerOn',
  'boot', 'ready', 'resetDone',
  'attachRequest', 'avRequest', 'avResponse', 'avReject', 'authChallenge', 'authResponse', 'attachReject',
  'ipConnectivity', 'pdpContext', 'directConnection',
  'discoveryRequest', 'bootstrap', 'registrationRequest', 'registration',
  'validationRequest', 'validationResult', 'provisioningAuthorisation', 'activationAuthorisation',
  'mcimDownload', 'mcimActivation', 'provisioningStatus', 'provisioningReport',
  'reprovisionInstruction', 'discardNotice', 'discardAck', 'discardRelay', 'provisionCommit', 'shoRegistration',
  'treUpdate', 'lifecycleCommand',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/** A message in flight: the world keeps these per channel (from, to). */
export interface Message {
  readonly kind: MessageKind;
  readonly from: RoleId;
  readonly to: RoleId;
  readonly term: Term;
}

/** What a role machine emits to send a message; the world adds `from`. */
export interface SendEvent {
  readonly type: 'send';
  readonly to: RoleId;
  readonly kind: MessageKind;
  readonly term: Term;
}

/** The XState event a role receives for a delivered message (distributes over a union of kinds). */
export type Delivery<K extends MessageKind = MessageKind> = K extends MessageKind
  ? { readonly type: K; readonly msg: Term; readonly from: RoleId }
  : never;

/** Builds the emitted event by which a role sends `term` as a `kind` message to `to`. */
export function out(to: RoleId, kind: MessageKind, term: Term): SendEvent {
  return { type: 'send', to, kind, term };
}

/** Channels outside the attacker's reach: out-of-band manufacturing (5.1.2.2 "secure, out-of-band facility"),
 *  operator-to-operator links (5.1.3.6.2 dark-green arrows) and the M2ME-internal TRE interface.
 *  Everything else crosses the air interface or the IP network (blue arrows) and is open. */
export function channelIsOpen(from: RoleId, to: RoleId): boolean {
  const ends = [from, to].sort().join('>');
  const closed = new Set([
    'supplier>tre', 'ro>supplier', 'pva>supplier', 'subscriber>supplier',
    'ro>vno', 'icsp>ro', 'pva>sho1', 'pva>sho2', 'ro>sho1', 'ro>sho2',
    'm2me>tre', 'm2me>subscriber',
  ]);
  return !closed.has(ends);
}

// ---- Names: identities, keys and constants of the built-in world --------------------------------

/** PCID, the M2ME's provisional connectivity identity (001 "use M2ME's PCID to denote M2ME identity"). */
export const pcid = name('pcid:m2me');
/** TRE platform private key (5.1.1.2 NOTE a "TRE platform key for which the application secrets are sealed"). */
export const skTre = name('sk:tre');
/** Initial connectivity credential K shared with the RO's ICF (5.1.3.3.2.1, CCIF 5.1.3.4.1). */
export const kInit = name('k:init');
/** Device PIN authenticating the OMA DM bootstrap (x.2.2 "password method ... device PIN"). */
export const kPin = name('k:pin');
/** Device-specific token distributed with the M2ME and given to the SHO by the user (x.2.3). */
export const tokDev = name('tok:dev');
export const skEs = name('sk:es');
export const skPva = name('sk:pva');
export const skRo = name('sk:ro');
const shoName = (sho: ShoId): Term => name(sho);
export const skSho = (sho: ShoId): Term => name(`sk:${sho}`);
export const imsi = (sho: ShoId): Term => name(`imsi:${sho}`);
export const ki = (sho: ShoId): Term => name(`ki:${sho}`);
/** MCIM executable code (5.1.1.2 "credentials, executables ... and data"). */
const mcimCode = (sho: ShoId): Term => name(`code:usim:${sho}`);
export const firmware = (version: FirmwareVersion): Term => name(`fw:${version}`);
export type FirmwareVersion = 'v1' | 'v2';
/** Platform integrity measurement of a firmware version. */
const platformMeasurement = (version: FirmwareVersion): Term => hash(firmware(version));
/** Registration nonce number k (x.2.3 "checking the registration nonce ... protection against replay"). */
export const registrationNonce = (k: number): Term => name(`nreg:${k}`);
/** The RAND of the k-th AV the ICF issues (fresh per AV, 001 step 3). */
export const randNonce = (k: number): Term => name(`rand:${k}`);
export const ok = name('ok');
export const fail = name('fail');

// ---- Manufacturing and supply (5.1.2.2, 5.1.3.4.1 CCIF, 5.1.3.5.8 PfC, 5.1.3.3.4) ---------------

/** PfC: certificate by the M2MES on the TRE public key asserting the expected system state (5.1.3.5.8 (3)). */
export const platformCredential = (version: FirmwareVersion): Term =>
  sign(skEs, tuple(name('PfC'), pcid, pk(skTre), platformMeasurement(version)));

export const preprovisionTerm = (): Term =>
  tuple(name('preprovision'), pcid, skTre, platformCredential('v1'), kInit, kPin, tokDev, pk(skRo), pk(skEs));
export const initialCredentialsTerm = (): Term => tuple(name('initialCredentials'), pcid, kInit, kPin);
export const platformReferenceTerm = (version: FirmwareVersion): Term =>
  tuple(name('platformReference'), platformCredential(version));
export const supplyTerm = (): Term => tuple(name('supply'), pcid, tokDev);

// ---- Subscriber (5.1.3.5.2, x.1) ------------------------------------------------------------------

export const contractTerm = (): Term => tuple(name('contract'), pcid, tokDev);
export const shoSelectionTerm = (sho: ShoId): Term => tuple(name('shoSelection'), pcid, shoName(sho));
export const activationNoticeTerm = (): Term => tuple(name('activationNotice'), pcid);
export const activationAckTerm = (): Term => tuple(name('activationAck'), pcid);
export const powerOnTerm = (): Term => tuple(name('powerOn'));
export type ReprovisionMode = 'via-old-sho' | 'pristine';
/** 5.1.3.7.4.2 step 2 / 5.1.3.7.4.3 step 2: the instruction, authenticated with the subscriber's token. */
export const reprovisionBody = (sho: ShoId, mode: ReprovisionMode): Term =>
  tuple(name('reprovision'), pcid, shoName(sho), pk(skSho(sho)), name(mode));
export const reprovisionInstructionTerm = (sho: ShoId, mode: ReprovisionMode): Term =>
  tuple(name('reprovisionInstruction'), reprovisionBody(sho, mode), mac(tokDev, reprovisionBody(sho, mode)));

// ---- M2ME host <-> TRE ----------------------------------------------------------------------------

export const bootTerm = (): Term => tuple(name('boot'));
/** A TRE as the signer of its messages: its PCID and platform private key, from its own pre-provisioning. */
export interface TreIdentity {
  readonly device: Term;
  readonly key: Term;
}

export const readyTerm = (me: TreIdentity): Term => tuple(name('ready'), me.device);
export const resetDoneTerm = (me: TreIdentity): Term => tuple(name('resetDone'), me.device);

// ---- Initial attach (004 5.1.3.6.2 steps 1-4; 001 steps 1-6) ---------------------------------------

export const attachRequestTerm = (): Term => tuple(name('attach'), pcid);
export const avRequestTerm = (): Term => tuple(name('avRequest'), pcid);
export const xres = (rand: Term): Term => mac(kInit, rand);
export const autn = (rand: Term): Term => mac(kInit, tuple(name('autn'), rand));
export const avResponseTerm = (rand: Term): Term => tuple(name('av'), pcid, rand, xres(rand), autn(rand));
export const avRejectTerm = (): Term => tuple(name('avReject'), pcid);
export const authChallengeTerm = (rand: Term, autnValue: Term): Term => tuple(name('challenge'), rand, autnValue);
export const authResponseTerm = (res: Term): Term => tuple(name('res'), res);
export const attachRejectTerm = (): Term => tuple(name('attachReject'), pcid);
export const ipConnectivityTerm = (): Term => tuple(name('ip'), pcid);
export const pdpContextTerm = (): Term => tuple(name('session'), pcid);
export const directConnectionTerm = (): Term => tuple(name('direct'), pcid);

// ---- Discovery and registration (steps 5-7; x.2.2 bootstrap) --------------------------------------

export const discoveryRequestTerm = (): Term => tuple(name('discover'), pcid);

export const bootstrapBody = (sho: ShoId): Term => tuple(pcid, shoName(sho), pk(skSho(sho)));
/** x.2.2: the bootstrap names the DM server context and carries the SHO's public key (option 2),
 *  authenticated with the device PIN. */
export const bootstrapTerm = (sho: ShoId): Term =>
  tuple(name('bootstrap'), bootstrapBody(sho), mac(kPin, bootstrapBody(sho)));
/** The TRE's signed registration: PCID, registration nonce, SHO, PfC and platform measurement (5.1.2.4
 *  registration bound to provisioning; 001 step 13 "the SHO retrieved the PfC from the M2ME"). */
export const registrationTerm = (me: TreIdentity, nonce: Term, sho: ShoId, version: FirmwareVersion, pfc: Term): Term =>
  sign(me.key, tuple(name('register'), me.device, nonce, shoName(sho), pfc, platformMeasurement(version)));

// ---- Validation and provisioning (steps 8-14; x.2.3; 001 steps 13-21) -----------------------------

export const validationRequestTerm = (sho: ShoId, registration: Term): Term =>
  tuple(name('validate'), shoName(sho), registration);
export const validationResultTerm = (nonce: Term, sho: ShoId, verdict: Term): Term =>
  sign(skPva, tuple(name('validation'), pcid, nonce, shoName(sho), verdict));
/** The MCIM blob, opened only with the TRE platform key (x.2.3 NOTE 2; 001 step 16 "encrypt the MCIM by using the PfC"). */
export const mcimBlob = (sho: ShoId, nonce: Term, token: Term, treKey: Term): Term =>
  aenc(treKey, tuple(name('mcim'), shoName(sho), imsi(sho), ki(sho), mcimCode(sho), token, nonce));
/** M2MSIMMobj: signed by the SHO so the TRE can check its origin, carrying the registration nonce (x.2.3). */
export const m2mSimMobj = (sho: ShoId, device: Term, nonce: Term, token: Term, treKey: Term): Term =>
  sign(skSho(sho), tuple(name('M2MSIMMobj'), device, nonce, mcimBlob(sho, nonce, token, treKey)));
export const provisioningAuthorisationTerm = (sho: ShoId, device: Term, object: Term): Term =>
  sign(skSho(sho), tuple(name('authorise'), device, object));
/** Both-MCIMs-present variant (5.1.3.7.4.2 last paragraph): the SHO authorises use of its present MCIM. */
export const mcimActivationObject = (sho: ShoId, device: Term, nonce: Term): Term =>
  sign(skSho(sho), tuple(name('activateMcim'), device, nonce, shoName(sho)));
export const provisioningStatusTerm = (me: TreIdentity, nonce: Term, sho: ShoId, verdict: Term): Term =>
  sign(me.key, tuple(name('provisioned'), me.device, nonce, shoName(sho), verdict));
export const provisioningReportTerm = (status: Term): Term => tuple(name('report'), pcid, status);

// ---- Change of operator (5.1.3.7.4.2 steps 8-14) ---------------------------------------------------

export const discardNoticeTerm = (me: TreIdentity, oldSho: ShoId, nonce: Term): Term =>
  sign(me.key, tuple(name('discarded'), me.device, shoName(oldSho), nonce));
export const discardAckTerm = (oldSho: ShoId, nonce: Term): Term =>
  sign(skSho(oldSho), tuple(name('discardAck'), pcid, nonce));
/** Step 11 "some privacy filtering": the DPF vouches for the release without passing on the old SHO's message. */
export const discardRelayTerm = (nonce: Term): Term => sign(skRo, tuple(name('oldReleased'), pcid, nonce));
export const provisionCommitTerm = (nonce: Term): Term => sign(skRo, tuple(name('commit'), pcid, nonce));
export const shoRegistrationTerm = (sho: ShoId): Term => sign(skSho(sho), tuple(name('subscribes'), pcid, shoName(sho)));

// ---- TRE management (5.1.2.2 remote update [t6 cm4]; 5.1.2.3 lifecycle instructions [t7 cm1]) -----

export const treUpdateTerm = (version: FirmwareVersion): Term =>
  sign(skEs, tuple(name('update'), pcid, firmware(version), platformCredential(version)));
export const lifecycleCommandTerm = (sho: ShoId, event: string): Term =>
  sign(skSho(sho), tuple(name('lifecycle'), pcid, name(`mcim:${sho}`), name(event)));
