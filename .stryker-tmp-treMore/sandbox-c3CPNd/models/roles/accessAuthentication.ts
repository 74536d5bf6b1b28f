// The access-network side of the initial attach, shared by the VNO (004 5.1.3.6.2 steps 1-4) and the
// authenticated non-3GPP ICSP (5.1.3.6.3, modelled with the same AKA vectors from the RO's ICF).
import type { Term } from '../../src/attacker/Term.ts';
import { authChallengeTerm, avRequestTerm, ipConnectivityTerm, out, pdpContextTerm, type SendEvent } from '../messages.ts';
import { fieldsOf, same } from '../readTerm.ts';
import { oneDevice, type DeviceAddressing } from '../deviceAddressing.ts';

/** Step 1: an attach message carrying the PCID. */
export function isAttach(msg: Term): boolean {
  return fieldsOf(msg, 'attach', 1) !== undefined;
}

/** The PCID an attach message claims. Only called once `isAttach` held. */
export function attachPcid(msg: Term): Term {
  return fieldsOf(msg, 'attach', 1)![0]!;
}

/** The PCID an AV is for. Only called once `isAv` held. */
export function avPcid(av: Term): Term {
  return fieldsOf(av, 'av', 4)![0]!;
}

/** Step 2 "The VNO contacts an RO (ICF)" for AVs of the claimed PCID (001 step 2). */
export const avRequestToRo = (attach: Term): SendEvent => out('ro', 'avRequest', avRequestTerm(attachPcid(attach)));

/** Step 3: an AV from the ICF, `<av, PCID, RAND, XRES, AUTN>`. */
export function isAv(msg: Term): boolean {
  return fieldsOf(msg, 'av', 4) !== undefined;
}

/** The XRES the access network keeps to check the M2ME's answer. Only called once `isAv` held. */
export function xresOf(av: Term): Term {
  return fieldsOf(av, 'av', 4)![2]!;
}

/** Step 3 (001 step 5): RAND and AUTN go to the M2ME, XRES stays with the access network. */
export function challengeFor(av: Term, addressing: DeviceAddressing = oneDevice): SendEvent {
  const f = fieldsOf(av, 'av', 4)!;
  return out(addressing.of('m2me', f[0]), 'authChallenge', authChallengeTerm(f[1]!, f[3]!));
}

/** Step 4: the M2ME's RES equals the XRES of the AV in use. */
export function responseMatches(msg: Term, xres: Term | null): boolean {
  return same(fieldsOf(msg, 'res', 1)?.[0], xres ?? undefined);
}

/** Step 4 "the VNO provides IP connectivity ... to reach the RO (DRF)": the session notice to the ICF first. */
export const sessionToRo = (pcid: Term): SendEvent => out('ro', 'pdpContext', pdpContextTerm(pcid));
export const connectivityToM2me = (pcid: Term, addressing: DeviceAddressing = oneDevice): SendEvent => out(addressing.of('m2me', pcid), 'ipConnectivity', ipConnectivityTerm(pcid));
