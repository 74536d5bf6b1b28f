// The OMA DM session of 004 5.1.3.6.2 steps 10-14 ("may be secured by use of the OMA DM protocol with the RO (DPF)
// acting as the server"; x.2.2, x.2.3), under assumption `omaDmSession`: the checks each end makes of the other.
// 003 t2 cm4 (t3 cm5) asks the provisioning protocol to "allow mutual authentication of M2ME (TRE ...) and DPF":
// switch `t2.cm4.mutual`; off, each end checks the other's message for shape only (any key).
import type { Term } from '../../src/attacker/Term.ts';
import { isOn, type SwitchId } from '../counterMeasures/switches.ts';
import { fieldsOf, macMatches, same, verifySigned } from '../readTerm.ts';

/** The TRE's check (x.2.2 "a requirement for the OMA DM client to authenticate the server"; option 2, the key the
 *  bootstrap carried): the server's answer for the session of registration `nonce`, signed with `serverKey`. */
export function serverAuthenticated(off: readonly SwitchId[], msg: Term, serverKey: Term, pcid: Term, nonce: Term): boolean {
  const body = isOn(off, 't2.cm4.mutual') ? verifySigned(msg, serverKey) : msg.kind === 'sign' ? msg.body : undefined;
  const f = fieldsOf(body, 'dmServer', 2);
  return f !== undefined && same(f[0], pcid) && same(f[1], nonce);
}

/** The DPF's check (x.2.2 client authentication with the device PIN, "the same authentication token ... in further
 *  OMA DM communication"): the client's answer, its PCID and registration nonce under the MAC of that device's PIN.
 *  `pinOf` gives the PIN of a device the RO knows. Returns the PCID and nonce. */
export function clientAuthenticated(
  off: readonly SwitchId[], msg: Term, pinOf: (pcid: Term) => Term | undefined,
): { pcid: Term; nonce: Term } | undefined {
  const f = fieldsOf(msg, 'dmSessionOpen', 2);
  const body = fieldsOf(f?.[0], 'dmOpen', 2);
  const pcid = body?.[0];
  const pin = pcid === undefined ? undefined : pinOf(pcid);
  if (f === undefined || body === undefined || pin === undefined || body[1] === undefined) return undefined;
  if (isOn(off, 't2.cm4.mutual') && !macMatches(f[1], pin, f[0]!)) return undefined;
  return { pcid: pcid!, nonce: body[1] };
}

/** 5.1.3.6.2 step 12 within the session: with omaDmSession, the TRE takes a download (or activation) only once the
 *  DM server authenticated for the outstanding registration. */
export function inDmSession(ctx: { readonly dmSession: boolean; readonly dmServerFor: number; readonly pendingNonce: number }): boolean {
  return !ctx.dmSession || ctx.dmServerFor === ctx.pendingNonce;
}
