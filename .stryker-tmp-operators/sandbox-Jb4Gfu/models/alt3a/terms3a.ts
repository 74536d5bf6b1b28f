// Names and messages of Alternative 3a (Ki transfer between operators, 003 7.1.2.3.1). No seed describes the
// message flow of Alternative 3: every message here fills an assumption listed in docs/alternatives.md (a3a.f*).
// Names are typed by their prefix ("ki:old" is of type ki), which the attacker's typed schemas read.
import { autn, xres } from '../messages.ts';
import { hash, mac, name, senc, tuple, type Term } from '../../src/attacker/Term.ts';
import { fieldsOf, macMatches, same } from '../readTerm.ts';

export const kiOld = name('ki:old');
export const kiNew = name('ki:new');
export const imsiOld = name('imsi:old');
export const imsiNew = name('imsi:new');
/** OTA keys of the UICC (KIc/KID in one name) set by the card's issuer, the old MNO (a3a.f6). */
export const otaIssuer = name('ota:issuer');
/** OTA keys only the new MNO holds (assumption otaKeys = 'new-mno', a3a.f6). */
export const otaNew = name('ota:new');
/** Key the two operators share for the transfer when it is protected (a3a.t4.cm1). */
export const operatorsKey = name('k:operators');
/** RAND of the old MNO's session before the change, of the new MNO's after it, and the attacker's own. */
export const randOld = name('rand:old');
export const randNew = name('rand:new');
export const randAttacker = name('rand:attacker');
/** A key the attacker makes up (a false base station or a forged OTA command may carry it). */
export const kiAttacker = name('ki:attacker');

/** The type of a name: its prefix ("ki", "imsi", "ota", "rand", "k", "traffic"). */
export const nameType = (id: string): string => id.slice(0, Math.max(0, id.indexOf(':')));

/** AKA as the 1a model abstracts it (models/messages.ts xres, autn), with CK = f3(Ki, RAND) as a hash. */
export const challengeTerm = (k: Term, rand: Term): Term => tuple(name('challenge'), rand, autn(k, rand));
export const responseTerm = (imsi: Term, k: Term, rand: Term): Term => tuple(name('res'), imsi, xres(k, rand));
export const cipherKey = (k: Term, rand: Term): Term => hash(tuple(k, rand));
/** The user's traffic of the session opened by `rand`, under that session's CK (a3a.f3). */
export const trafficName = (rand: Term): Term => name(`traffic:${rand.kind === 'name' ? rand.id.slice(5) : 'x'}`);
export const trafficTerm = (k: Term, rand: Term): Term => senc(cipherKey(k, rand), trafficName(rand));
export const pastTraffic = trafficName(randOld);
export const trafficAfterChange = trafficName(randNew);

/** The challenge's RAND when `t` is a challenge whose AUTN is right for `k` (the USIM authenticates the network). */
export function challengeRand(t: Term, k: Term): Term | undefined {
  const f = fieldsOf(t, 'challenge', 2);
  if (f === undefined) return undefined;
  return macMatches(f[1], k, tuple(name('autn'), f[0]!)) ? f[0] : undefined;
}

/** True when `t` is the response of the USIM `imsi` with key `k` to `rand`. */
export const responseMatches = (t: Term, imsi: Term, k: Term, rand: Term): boolean => same(t, responseTerm(imsi, k, rand));

// Operator to operator (a3a.f2, a3a.f4, a3a.f5).
export const changeRequestTerm = (imsi: Term): Term => tuple(name('changeRequest'), imsi);
export const transferRequestTerm = (imsi: Term): Term => tuple(name('transferRequest'), imsi);
export const transferBody = (imsi: Term, k: Term, ota: Term): Term => tuple(name('transfer'), imsi, k, ota);
export const transferTerm = (imsi: Term, k: Term, ota: Term, protectedChannel: boolean): Term =>
  protectedChannel ? senc(operatorsKey, transferBody(imsi, k, ota)) : transferBody(imsi, k, ota);
export const transferConfirmTerm = (imsi: Term): Term => tuple(name('transferConfirm'), imsi);

/** The transferred (IMSI, Ki, OTA keys), reading the protected form with the operators' key. */
export function transferFields(t: Term, protectedChannel: boolean): readonly [Term, Term, Term] | undefined {
  const body = protectedChannel ? (t.kind === 'senc' && same(t.key, operatorsKey) ? t.body : undefined) : t;
  const f = fieldsOf(body, 'transfer', 3);
  return f === undefined ? undefined : [f[0]!, f[1]!, f[2]!];
}

// OTA (a3a.t2.cm1, a3a.t2.cm2; a3a.f7): a command enciphered with the card's OTA keys, a proof of receipt MACed with them.
/** `otaKeys`: new OTA keys for the card (a3a.t4.cm3, a3a.f9). */
export type OtaCommand = 'otaKey' | 'otaImsi' | 'otaKeys';
export const otaCommandTerm = (ota: Term, what: OtaCommand, value: Term): Term => senc(ota, tuple(name(what), value));
export const otaReceiptTerm = (ota: Term, what: OtaCommand, value: Term): Term => mac(ota, tuple(name(`${what}Done`), value));

/** The new value when `t` is an OTA command of kind `what` under `ota`. */
export function otaCommandValue(t: Term, ota: Term, what: OtaCommand): Term | undefined {
  if (t.kind !== 'senc' || !same(t.key, ota)) return undefined;
  return fieldsOf(t.body, what, 1)?.[0];
}
