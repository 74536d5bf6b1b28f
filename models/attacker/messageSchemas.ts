// The typed schema of every message kind a role accepts, as the receiving role parses it (models/roles/*): a
// template made with the builders of models/messages.ts applied to typed slots (slotTypes.ts), so a schema cannot
// drift from what the roles send. Keys are slots too: the attacker builds a signature or MAC under any key of the
// slot's type it derives, or uses a held one (src/attacker/synthesis.ts). A slot marked `!` is one no receiver
// inspects (it is ignored, or stored and never compared): it takes one representative value (docs/engine.md).
import { aenc, mac, name, pk, sign, tuple, type Term } from '../../src/attacker/Term.ts';
import {
  activationAckTerm, activationNoticeTerm, attachRejectTerm, attachRequestTerm, authChallengeTerm, authResponseTerm, autn,
  bootstrapTerm, bootTerm, contractTerm, discardAckBody, discardNoticeBody, discardRelayBody, discoveryRequestTerm,
  dmServerAuthBody, dmSessionOpenBody,
  ipConnectivityTerm, keyExportRequestTerm, lifecycleBody, m2mSimMobjBody, mcimActivationBody, mcimContentOf, mcimUpdateBody, pfcBody,
  provisionCommitBody, provisioningAuthorisationBody, provisioningReportTerm, provisioningStatusBody, readyTerm,
  registrationBody, reprovisionInstructionTerm, resetDoneTerm, selectionAckTerm, shoRegistrationBody, shoSelectionTerm,
  treUpdateBody, userAuthTerm, userLifecycleTerm, validationRequestTerm, validationResultBody, xres, type FirmwareVersion, type MessageKind,
  type ReprovisionMode, type UserAuthOrigin,
} from '../messages.ts';
import type { ShoId } from '../roleIds.ts';

/** A slot (a name with '?': `?type`, `?type#n` for another variable of the type, `?type!` when not inspected). */
const slot = (id: string): Term => name(id);
/** A slot where a builder takes an identifier (an SHO, a firmware version, an event): the builder writes it into
 *  a name, so the slot stays a slot (`mcim:?sho` names `mcim:sho1`). */
const id = <T extends string>(s: string): T => s as T;

const pcid = slot('?pcid');
const nonce = slot('?nonce');

/** `body` signed under a key of the role type `keyType` (`shoKey`, `shoKey#authorise`) the attacker holds, or under
 *  a key of its own (type `key`, the same variable suffix). */
const signed = (keyType: string, body: Term): Term[] => [sign(slot(`?${keyType}`), body), sign(slot(`?${keyType.replace(/^[A-Za-z]+/, 'key')}`), body)];

/** The public key of a role's key of type `keyType`, or of a key of the attacker's own (same variable suffix). */
const publicKeys = (keyType: string): Term[] => [pk(slot(`?${keyType}`)), pk(slot(`?${keyType.replace(/^[A-Za-z]+/, 'key')}`))];

/** A PfC (5.1.3.5.8 (3)) with variables of its own, suffixed `tag`, certifying a TRE's key or one of the attacker's.
 *  The PVA reads its fields only under the M2MES's signature; the SHO reads the TRE key from any PfC. So in one
 *  the attacker signs with a key of its own, the PCID and the measurement are read by no one. */
const pfcs = (tag: string): Term[] =>
  publicKeys(`treKey#${tag}`).flatMap((treKey) => [
    sign(slot(`?esKey#${tag}`), pfcBody(slot(`?pcid#${tag}`), treKey, id<FirmwareVersion>(`?version#${tag}`))),
    sign(slot(`?key#${tag}signer`), pfcBody(slot(`?pcid#${tag}!`), treKey, id<FirmwareVersion>(`?version#${tag}!`))),
  ]);

/** The TRE's signed registration (x.2.3): the RO reads the PCID and SHO, the SHO the PCID, SHO, nonce and the PfC's
 *  key, the PVA every field. */
const registrations = pfcs('pfc').flatMap((pfc) => signed('treKey', registrationBody(pcid, nonce, id<ShoId>('?sho'), id<FirmwareVersion>('?version'), pfc)));

/** The M2MSIMMobj (x.2.3) as the TRE parses it: under an SHO's signature, PCID, nonce, the blob encrypted for a TRE
 *  key or (read only with [t5 cm3] off) in clear. The TRE stores the credentials and code without comparing them;
 *  it compares the content's nonce with the object's, so a nonce other than the object's stands for all others. */
const mcimObjectsWith = (ki: Term): readonly Term[] => [nonce, slot('?nonce!')].flatMap((contentNonce) => {
  const content = mcimContentOf(id<ShoId>('?sho'), slot('?imsi!'), ki, slot('?code!'), slot('?token'), contentNonce);
  const blobs: Term[] = [...publicKeys('treKey#blob').map((key) => aenc(key, content)), content];
  return blobs.flatMap((blob) => signed('shoKey', m2mSimMobjBody(pcid, nonce, blob)));
});
const mcimObjects = mcimObjectsWith(slot('?ki!'));
const activationObjects = signed('shoKey', mcimActivationBody(id<ShoId>('?sho'), pcid, nonce));
/** An MCIM update (5.1.2.3 [t7 cm7]): the TRE compares the PCID, the SHO and the nonce that name the instance, and
 *  stores the code without comparing it. */
const mcimUpdates = signed('shoKey', mcimUpdateBody(id<ShoId>('?sho'), pcid, nonce, slot('?code!')));
const provisioningStatuses = signed('treKey', provisioningStatusBody(pcid, nonce, id<ShoId>('?sho'), slot('?verdict')));

/** Per kind, the templates of what its receivers accept. Kinds no route lets the attacker reach have none. */
export const messageSchemas: Partial<Record<MessageKind, readonly Term[]>> = {
  contract: [contractTerm(pcid, slot('?token'))],
  shoSelection: [shoSelectionTerm(pcid, id<ShoId>('?sho'))],
  // The subscriber takes any confirmation (subscriber.ts): nothing in it is read.
  selectionAck: [selectionAckTerm(slot('?pcid!'), id<ShoId>('?sho!'))],
  activationNotice: [activationNoticeTerm(pcid)],
  activationAck: [activationAckTerm(slot('?pcid!'))],
  boot: [bootTerm()],
  ready: [readyTerm({ device: pcid, key: slot('?treKey') })],
  // The M2ME only checks that it comes from the TRE.
  resetDone: [resetDoneTerm({ device: slot('?pcid!'), key: slot('?treKey') })],
  attachRequest: [attachRequestTerm(pcid)],
  authChallenge: [authChallengeTerm(slot('?rand'), autn(slot('?initKey'), slot('?rand')))],
  authResponse: [authResponseTerm(xres(slot('?initKey'), slot('?rand')))],
  // The M2ME gives up the attach on any reject, and moves on with any connectivity notice (m2me.ts).
  attachReject: [attachRejectTerm(slot('?pcid!'))],
  ipConnectivity: [ipConnectivityTerm(slot('?pcid!'))],
  discoveryRequest: [discoveryRequestTerm(pcid)],
  bootstrap: publicKeys('roKey').map((serverKey) => bootstrapTerm(pcid, slot('?pinKey'), id<ShoId>('?sho'), serverKey)),
  registrationRequest: registrations,
  registration: registrations,
  validationRequest: registrations.map((r) => validationRequestTerm(id<ShoId>('?sho#request'), r)),
  validationResult: signed('pvaKey', validationResultBody(pcid, nonce, id<ShoId>('?sho'), slot('?verdict'))),
  provisioningAuthorisation: mcimObjects.flatMap((object) => signed('shoKey#authorise', provisioningAuthorisationBody(pcid, object))),
  activationAuthorisation: activationObjects.flatMap((object) => signed('shoKey#authorise', provisioningAuthorisationBody(pcid, object))),
  mcimDownload: mcimObjects,
  mcimActivation: activationObjects,
  provisioningStatus: provisioningStatuses,
  provisioningReport: provisioningStatuses.map((status) => provisioningReportTerm(pcid, status)),
  reprovisionInstruction: [reprovisionInstructionTerm(pcid, slot('?token'), id<ShoId>('?sho'), id<ReprovisionMode>('?mode'))],
  discardNotice: signed('treKey', discardNoticeBody(pcid, id<ShoId>('?sho'), nonce)),
  discardAck: signed('shoKey', discardAckBody(pcid, nonce)),
  discardRelay: signed('roKey', discardRelayBody(pcid, nonce)),
  provisionCommit: signed('roKey', provisionCommitBody(pcid, nonce)),
  shoRegistration: signed('shoKey', shoRegistrationBody(id<ShoId>('?sho'), pcid)),
  treUpdate: pfcs('update').flatMap((pfc) => signed('esKey', treUpdateBody({ pcid }, id<FirmwareVersion>('?version'), pfc))),
  lifecycleCommand: signed('shoKey', lifecycleBody(id<ShoId>('?sho'), pcid, id('?event'))),
  // The subscriber's own command (003 t7 cm3), under the MAC of a device token it holds or one of its own.
  userLifecycle: [userLifecycleTerm(pcid, slot('?token'), 'mcim:?sho', '?event')],
  mcimUpdate: mcimUpdates,
  updateAuthorisation: mcimUpdates.flatMap((update) => signed('shoKey#authorise', provisioningAuthorisationBody(pcid, update))),
  userAuth: [userAuthTerm(slot('?pin'), id<UserAuthOrigin>('?origin'))],
  interfaceRequest: [keyExportRequestTerm(pcid)],
  // The OMA DM session (omaDmSession): the opening under a device PIN it holds or a key of its own, the server's
  // answer under the RO's key or its own.
  dmSessionOpen: [slot('?pinKey'), slot('?key')].map((k) => tuple(name('dmSessionOpen'), dmSessionOpenBody(pcid, nonce), mac(k, dmSessionOpenBody(pcid, nonce)))),
  dmServerAuth: signed('roKey', dmServerAuthBody(pcid, nonce)),
};

/** With several devices a claim compares the Ki that TREs hold (properties/claims/NoMcimCredentialInTwoTres.ts), so
 *  the MCIM object's Ki is no longer a slot no one inspects: each Ki the attacker holds is tried. */
const severalDeviceSchemas: Partial<Record<MessageKind, readonly Term[]>> = (() => {
  const objects = mcimObjectsWith(slot('?ki'));
  return {
    ...messageSchemas,
    provisioningAuthorisation: objects.flatMap((object) => signed('shoKey#authorise', provisioningAuthorisationBody(pcid, object))),
    mcimDownload: objects,
  };
})();

/** The schemas of a world of `devices` honest devices. */
export function schemasFor(devices: number): Partial<Record<MessageKind, readonly Term[]>> {
  return devices > 1 ? severalDeviceSchemas : messageSchemas;
}
