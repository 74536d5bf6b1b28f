// Every message of the model as a Dolev-Yao term (src/attacker/Term.ts), with the clause it comes from.
// Roles build what they send here and read what they receive with models/readTerm.ts.
import { aenc, hash, mac, name, pk, senc, sign, tuple, type Term } from '../src/attacker/Term.ts';
import type { DeviceId, RoleId, ShoId } from './roleIds.ts';

/** The kinds of message that travel between roles; a kind is also the XState event type at the receiver. */
export const messageKinds = [
  'preprovision', 'initialCredentials', 'platformReference', 'supply',
  'contract', 'shoSelection', 'selectionAck', 'activationNotice', 'activationAck', 'powerOn',
  'boot', 'ready', 'resetDone',
  'attachRequest', 'avRequest', 'avResponse', 'avReject', 'authChallenge', 'authResponse', 'attachReject',
  'ipConnectivity', 'pdpContext', 'directConnection',
  'discoveryRequest', 'bootstrap', 'registrationRequest', 'registration',
  'validationRequest', 'validationResult', 'provisioningAuthorisation', 'activationAuthorisation',
  'mcimDownload', 'mcimActivation', 'provisioningStatus', 'provisioningReport',
  'reprovisionInstruction', 'discardNotice', 'discardAck', 'discardRelay', 'provisionCommit', 'shoRegistration',
  'treUpdate', 'lifecycleCommand',
  'userAuth', 'interfaceRequest', 'interfaceResponse',
  'dmSessionOpen', 'dmServerAuth',
  'updateAuthorisation', 'mcimUpdate',
  'userLifecycle',
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

// ---- Names: identities, keys and constants ---------------------------------------------------------

/** What the supplier gives one device out of band (5.1.2.2 [t5 cm1, 2]): each device has its own names, so a
 *  scenario can hold the victim's device beside an attacker-owned one (t1, t5, t12). */
export interface DeviceNames {
  /** PCID, the provisional connectivity identity (001 "use M2ME's PCID to denote M2ME identity"). */
  readonly pcid: Term;
  /** TRE platform private key (5.1.1.2 NOTE a "TRE platform key for which the application secrets are sealed"). */
  readonly platformKey: Term;
  /** Initial connectivity credential K shared with the RO's ICF (5.1.3.3.2.1, CCIF 5.1.3.4.1). */
  readonly kInit: Term;
  /** Device PIN authenticating the OMA DM bootstrap (x.2.2 "password method ... device PIN"). */
  readonly kPin: Term;
  /** Device-specific token distributed with the M2ME and given to the SHO by the user (x.2.3). */
  readonly token: Term;
  /** The user's credential for TRE user authentication (5.1.2.2 [t10 cm 1 - 11]). */
  readonly userPin: Term;
}

export function deviceNames(device: DeviceId): DeviceNames {
  return {
    pcid: name(`pcid:${device}`),
    platformKey: name(`sk:tre:${device}`),
    kInit: name(`k:init:${device}`),
    kPin: name(`k:pin:${device}`),
    token: name(`tok:${device}`),
    userPin: name(`pin:user:${device}`),
  };
}

export const skEs = name('sk:es');
export const skPva = name('sk:pva');
export const skRo = name('sk:ro');
export const shoName = (sho: ShoId): Term => name(sho);
export const skSho = (sho: ShoId): Term => name(`sk:${sho}`);
export const imsi = (sho: ShoId): Term => name(`imsi:${sho}`);
export const ki = (sho: ShoId): Term => name(`ki:${sho}`);
/** MCIM executable code (5.1.1.2 "credentials, executables ... and data"). */
export const mcimCode = (sho: ShoId): Term => name(`code:usim:${sho}`);
export const firmwareVersions = ['v1', 'v2', 'modified'] as const;
/** v1 as manufactured, v2 from the supplier's remote update, `modified` by an attacker (t6). */
export type FirmwareVersion = (typeof firmwareVersions)[number];
export const firmware = (version: FirmwareVersion): Term => name(`fw:${version}`);
/** Platform integrity measurement of a firmware version. */
export const platformMeasurement = (version: FirmwareVersion): Term => hash(firmware(version));
/** Registration nonce number k of the TRE of `pcid` (x.2.3 "checking the registration nonce ... protection
 *  against replay"): per TRE, so two devices never share one. */
export const registrationNonce = (pcid: Term, k: number): Term => name(`nreg:${nameOf(pcid)}:${k}`);

/** The subscriber's own lifecycle command for an MCIM in its device (scenario `userLifecycle`), authenticated with
 *  the device token as its instructions are (x.2.3): what 003 t7 cm3 says the user must not be able to impose. */
export const userLifecycleTerm = (pcid: Term, token: Term, mcim: string, event: string): Term => {
  const body = tuple(name('lifecycle'), pcid, name(mcim), name(event));
  return tuple(name('userLifecycle'), body, mac(token, body));
};

/** The key a device's keypad shares with its TRE for 003 t10 cm5's "secure tunnel" (an assumption: 004 has none). */
export const keypadKey = (pcid: Term): Term => name(`k:keypad:${nameOf(pcid)}`);

/** Entry `n` of user credential `pin` at the keypad, through the tunnel to the TRE [t10 cm5]. */
export const keypadEntryTerm = (pcid: Term, pin: Term, n: number): Term => senc(keypadKey(pcid), tuple(name('keypad'), pin, name(`entry:${n}`)));
/** The RAND of the k-th AV the ICF issues (fresh per AV, 001 step 3). */
export const randNonce = (k: number): Term => name(`rand:${k}`);
export const ok = name('ok');
export const fail = name('fail');

function nameOf(t: Term): string {
  return t.kind === 'name' ? t.id : 'term';
}

// ---- Manufacturing and supply (5.1.2.2, 5.1.3.4.1 CCIF, 5.1.3.5.8 PfC, 5.1.3.3.4) ---------------

/** PfC: certificate by the M2MES on the TRE public key asserting the expected system state (5.1.3.5.8 (3)). */
export const platformCredential = (d: DeviceNames, version: FirmwareVersion): Term => sign(skEs, pfcBody(d.pcid, pk(d.platformKey), version));
/** What a PfC certifies: the PCID, the TRE public key and the measurement of a firmware version. */
export const pfcBody = (pcid: Term, treKey: Term, version: FirmwareVersion): Term => tuple(name('PfC'), pcid, treKey, platformMeasurement(version));

/** x.2.2 option 2 / t2 cm4: the TRE holds the RO's (DPF's) key to authenticate the DM server, and the M2MES's. */
export const preprovisionTerm = (d: DeviceNames): Term =>
  tuple(name('preprovision'), d.pcid, d.platformKey, platformCredential(d, 'v1'), d.kInit, d.kPin, d.token, d.userPin, pk(skRo), pk(skEs));
export const initialCredentialsTerm = (d: DeviceNames): Term => tuple(name('initialCredentials'), d.pcid, d.kInit, d.kPin);
export const platformReferenceTerm = (d: DeviceNames, version: FirmwareVersion): Term =>
  tuple(name('platformReference'), platformCredential(d, version));
export const supplyTerm = (d: DeviceNames): Term => tuple(name('supply'), d.pcid, d.token);

// ---- Subscriber (5.1.3.5.2, x.1) ------------------------------------------------------------------

/** The equipment parameters the subscriber hands the SHO (5.1.3.5.2): PCID and the device token (x.2.3). */
export const contractTerm = (pcid: Term, token: Term): Term => tuple(name('contract'), pcid, token);
export const shoSelectionTerm = (pcid: Term, sho: ShoId): Term => tuple(name('shoSelection'), pcid, shoName(sho));
export const selectionAckTerm = (pcid: Term, sho: ShoId): Term => tuple(name('selectionAck'), pcid, shoName(sho));
export const activationNoticeTerm = (pcid: Term): Term => tuple(name('activationNotice'), pcid);
export const activationAckTerm = (pcid: Term): Term => tuple(name('activationAck'), pcid);
export const powerOnTerm = (): Term => tuple(name('powerOn'));
export type ReprovisionMode = 'via-old-sho' | 'pristine';
/** 5.1.3.7.4.2 step 2 / 5.1.3.7.4.3 step 2: the instruction, authenticated with the subscriber's token. */
export const reprovisionBody = (pcid: Term, sho: ShoId, mode: ReprovisionMode): Term =>
  tuple(name('reprovision'), pcid, shoName(sho), name(mode));
export const reprovisionInstructionTerm = (pcid: Term, token: Term, sho: ShoId, mode: ReprovisionMode): Term =>
  tuple(name('reprovisionInstruction'), reprovisionBody(pcid, sho, mode), mac(token, reprovisionBody(pcid, sho, mode)));

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

export const attachRequestTerm = (pcid: Term): Term => tuple(name('attach'), pcid);
export const avRequestTerm = (pcid: Term): Term => tuple(name('avRequest'), pcid);
export const xres = (k: Term, rand: Term): Term => mac(k, rand);
export const autn = (k: Term, rand: Term): Term => mac(k, tuple(name('autn'), rand));
export const avResponseTerm = (pcid: Term, k: Term, rand: Term): Term => tuple(name('av'), pcid, rand, xres(k, rand), autn(k, rand));
export const avRejectTerm = (pcid: Term): Term => tuple(name('avReject'), pcid);
export const authChallengeTerm = (rand: Term, autnValue: Term): Term => tuple(name('challenge'), rand, autnValue);
export const authResponseTerm = (res: Term): Term => tuple(name('res'), res);
export const attachRejectTerm = (pcid: Term): Term => tuple(name('attachReject'), pcid);
export const ipConnectivityTerm = (pcid: Term): Term => tuple(name('ip'), pcid);
export const pdpContextTerm = (pcid: Term): Term => tuple(name('session'), pcid);
export const directConnectionTerm = (pcid: Term): Term => tuple(name('direct'), pcid);

// ---- Discovery and registration (steps 5-7; x.2.2 bootstrap) --------------------------------------

export const discoveryRequestTerm = (pcid: Term): Term => tuple(name('discover'), pcid);

/** x.2.2: the bootstrap names the DM server context (the SHO to register with) and carries the DM server's
 *  public key (option 2: the DPF's), authenticated with the device PIN. */
export const bootstrapBody = (pcid: Term, sho: ShoId, serverKey: Term): Term => tuple(pcid, shoName(sho), serverKey);
export const bootstrapTerm = (pcid: Term, kPin: Term, sho: ShoId, serverKey: Term): Term =>
  tuple(name('bootstrap'), bootstrapBody(pcid, sho, serverKey), mac(kPin, bootstrapBody(pcid, sho, serverKey)));
/** The TRE's signed registration: PCID, registration nonce, SHO, PfC and platform measurement (5.1.2.4
 *  registration bound to provisioning; 001 step 13 "the SHO retrieved the PfC from the M2ME"). */
export const registrationTerm = (me: TreIdentity, nonce: Term, sho: ShoId, version: FirmwareVersion, pfc: Term): Term =>
  sign(me.key, registrationBody(me.device, nonce, sho, version, pfc));
export const registrationBody = (device: Term, nonce: Term, sho: ShoId, version: FirmwareVersion, pfc: Term): Term =>
  tuple(name('register'), device, nonce, shoName(sho), pfc, platformMeasurement(version));

// ---- Validation and provisioning (steps 8-14; x.2.3; 001 steps 13-21) -----------------------------

export const validationRequestTerm = (sho: ShoId, registration: Term): Term =>
  tuple(name('validate'), shoName(sho), registration);
export const validationResultTerm = (pcid: Term, nonce: Term, sho: ShoId, verdict: Term): Term => sign(skPva, validationResultBody(pcid, nonce, sho, verdict));
export const validationResultBody = (pcid: Term, nonce: Term, sho: ShoId, verdict: Term): Term =>
  tuple(name('validation'), pcid, nonce, shoName(sho), verdict);
/** The MCIM's content: credentials, code, the device token and the registration nonce (x.2.3). */
export const mcimContent = (sho: ShoId, nonce: Term, token: Term): Term => mcimContentOf(sho, imsi(sho), ki(sho), mcimCode(sho), token, nonce);
/** An MCIM's content with any credentials and code (what the TRE parses: x.2.3). */
export const mcimContentOf = (sho: ShoId, imsiValue: Term, kiValue: Term, code: Term, token: Term, nonce: Term): Term =>
  tuple(name('mcim'), shoName(sho), imsiValue, kiValue, code, token, nonce);
/** The MCIM blob, opened only with the TRE platform key (x.2.3 NOTE 2; 001 step 16 "encrypt the MCIM by using
 *  the PfC") [t5 cm3]; `treKey` null when that counter-measure is switched off: the content travels in clear. */
export const mcimBlob = (sho: ShoId, nonce: Term, token: Term, treKey: Term | null): Term =>
  treKey === null ? mcimContent(sho, nonce, token) : aenc(treKey, mcimContent(sho, nonce, token));
/** M2MSIMMobj: signed by the SHO so the TRE can check its origin, carrying the registration nonce (x.2.3). */
export const m2mSimMobj = (sho: ShoId, device: Term, nonce: Term, blob: Term): Term => sign(skSho(sho), m2mSimMobjBody(device, nonce, blob));
export const m2mSimMobjBody = (device: Term, nonce: Term, blob: Term): Term => tuple(name('M2MSIMMobj'), device, nonce, blob);
export const provisioningAuthorisationTerm = (sho: ShoId, device: Term, object: Term): Term => sign(skSho(sho), provisioningAuthorisationBody(device, object));
export const provisioningAuthorisationBody = (device: Term, object: Term): Term => tuple(name('authorise'), device, object);
/** Both-MCIMs-present variant (5.1.3.7.4.2 last paragraph): the SHO authorises use of its present MCIM. */
export const mcimActivationObject = (sho: ShoId, device: Term, nonce: Term): Term => sign(skSho(sho), mcimActivationBody(sho, device, nonce));
export const mcimActivationBody = (sho: ShoId, device: Term, nonce: Term): Term => tuple(name('activateMcim'), device, nonce, shoName(sho));
export const provisioningStatusTerm = (me: TreIdentity, nonce: Term, sho: ShoId, verdict: Term): Term =>
  sign(me.key, provisioningStatusBody(me.device, nonce, sho, verdict));
export const provisioningStatusBody = (device: Term, nonce: Term, sho: ShoId, verdict: Term): Term =>
  tuple(name('provisioned'), device, nonce, shoName(sho), verdict);
export const provisioningReportTerm = (pcid: Term, status: Term): Term => tuple(name('report'), pcid, status);

// ---- Change of operator (5.1.3.7.4.2 steps 8-14) ---------------------------------------------------

export const discardNoticeTerm = (me: TreIdentity, oldSho: ShoId, nonce: Term): Term => sign(me.key, discardNoticeBody(me.device, oldSho, nonce));
export const discardNoticeBody = (device: Term, oldSho: ShoId, nonce: Term): Term => tuple(name('discarded'), device, shoName(oldSho), nonce);
export const discardAckTerm = (oldSho: ShoId, pcid: Term, nonce: Term): Term => sign(skSho(oldSho), discardAckBody(pcid, nonce));
export const discardAckBody = (pcid: Term, nonce: Term): Term => tuple(name('discardAck'), pcid, nonce);
/** Step 11 "some privacy filtering": the DPF vouches for the release without passing on the old SHO's message. */
export const discardRelayTerm = (pcid: Term, nonce: Term): Term => sign(skRo, discardRelayBody(pcid, nonce));
export const discardRelayBody = (pcid: Term, nonce: Term): Term => tuple(name('oldReleased'), pcid, nonce);
export const provisionCommitTerm = (pcid: Term, nonce: Term): Term => sign(skRo, provisionCommitBody(pcid, nonce));
export const provisionCommitBody = (pcid: Term, nonce: Term): Term => tuple(name('commit'), pcid, nonce);
export const shoRegistrationTerm = (sho: ShoId, pcid: Term): Term => sign(skSho(sho), shoRegistrationBody(sho, pcid));
export const shoRegistrationBody = (sho: ShoId, pcid: Term): Term => tuple(name('subscribes'), pcid, shoName(sho));

// ---- The OMA DM session of steps 10-14 (004 5.1.3.6.2 NOTE; x.2.2; x.2.3; 003 t2 cm4) -------------
// Assumption `omaDmSession` (models/flows/assumptions.ts): the text gives no message of the session, so these two are
// the model's. Once authorised (step 11) the server authenticates first, for the session of the TRE's outstanding
// registration (its nonce), under the DM server key of the bootstrap (x.2.2 option 2; the server first, as in the TLS
// negotiation x.2.2 names); the client answers authenticated with the device PIN (x.2.2 "The same authentication token
// can be used for transport-neutral security in further OMA DM communication"), and the download follows.

export const dmSessionOpenBody = (pcid: Term, nonce: Term): Term => tuple(name('dmOpen'), pcid, nonce);
export const dmSessionOpenTerm = (pcid: Term, kPin: Term, nonce: Term): Term =>
  tuple(name('dmSessionOpen'), dmSessionOpenBody(pcid, nonce), mac(kPin, dmSessionOpenBody(pcid, nonce)));
export const dmServerAuthBody = (pcid: Term, nonce: Term): Term => tuple(name('dmServer'), pcid, nonce);
export const dmServerAuthTerm = (pcid: Term, nonce: Term): Term => sign(skRo, dmServerAuthBody(pcid, nonce));

// ---- TRE management (5.1.2.2 remote update [t6 cm4]; 5.1.2.3 lifecycle instructions [t7 cm1]) -----

export const treUpdateBody = (d: Pick<DeviceNames, 'pcid'>, version: FirmwareVersion, pfc: Term): Term =>
  tuple(name('update'), d.pcid, firmware(version), pfc);
export const treUpdateTerm = (d: DeviceNames, version: FirmwareVersion): Term =>
  sign(skEs, treUpdateBody(d, version, platformCredential(d, version)));
export const lifecycleBody = (sho: ShoId, pcid: Term, event: string): Term =>
  tuple(name('lifecycle'), pcid, name(`mcim:${sho}`), name(event));
export const lifecycleCommandTerm = (sho: ShoId, pcid: Term, event: string): Term => sign(skSho(sho), lifecycleBody(sho, pcid, event));
/** 5.1.2.3 "a secure update service for MCIMs" [t7 cm7], 5.1.3.4.3 the DPF "Update previously downloaded MCIM
 *  applications": the SHO's update of its MCIM instance, named by issuer and the registration it was issued for
 *  (x.2.3 nonce), carrying the new application code. The shape is the model's (docs/model.md, Assumptions). */
export const mcimUpdateBody = (sho: ShoId, pcid: Term, nonce: Term, code: Term): Term =>
  tuple(name('mcimUpdate'), pcid, name(`mcim:${sho}`), nonce, code);
/** The code of the SHO's n-th update of its MCIM (the installed code is `code:usim:<sho>`). */
export const updatedCode = (sho: ShoId, n: number): Term => name(`code:usim:${sho}:v${n + 1}`);
export const mcimUpdateTerm = (sho: ShoId, pcid: Term, nonce: Term, n: number): Term =>
  sign(skSho(sho), mcimUpdateBody(sho, pcid, nonce, updatedCode(sho, n)));

// ---- TRE interfaces the threats of 003 attack (t4, t10) -------------------

/** A user credential entered at the M2ME (`local`) or sent over the network (`remote`) [t10 cm5-7]. */
export type UserAuthOrigin = 'local' | 'remote';
export const userAuthTerm = (pin: Term, origin: UserAuthOrigin): Term => tuple(name('userAuth'), pin, name(origin));
/** A call of the TRE's key-management interface from the host [t4 cm2, t6 cm1]. */
export const keyExportRequestTerm = (pcid: Term): Term => tuple(name('keyExport'), pcid);
export const keyExportResponseTerm = (pcid: Term, key: Term): Term => tuple(name('keyExported'), pcid, key);
