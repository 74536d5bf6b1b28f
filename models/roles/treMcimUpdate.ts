// The TRE's MCIM update service (004 5.1.2.3 "a secure update service for MCIMs ... Updates should only be accepted
// from an authorised, authenticated source" [t7 cm7]; 003 t7 cm7 "only after authorization from the SHO"): which
// update the TRE applies, to which MCIM instance, and the registry after it.
import { name, pk, type Term } from '../../src/attacker/Term.ts';
import { contentId } from '../contentId.ts';
import { registrationNonce, skSho } from '../messages.ts';
import { fieldsOf, nameId, same, verifySigned } from '../readTerm.ts';
import { isOn } from '../counterMeasures/switches.ts';
import { sortById, type McimEntry } from './treRegistry.ts';
import type { TreContext } from './treContext.ts';

/** An update as the TRE applies it: the instance it changes and the registry after. */
export interface McimUpdate {
  readonly mcim: string;
  readonly registry: readonly McimEntry[];
}

/** `<mcimUpdate, PCID, mcim:SHO, nonce, code>` for this TRE: the instance of that SHO issued for the registration the
 *  nonce names, unless Retired (5.1.1.1 "credential is permanently deleted"). With [t7 cm7] on, only under the
 *  signature of that instance's own SHO (certified in the TRE's PKI, x.2.3 NOTE 3); off, under any signature. The
 *  new code replaces the instance's, and its measurement, the reference of the integrity check (5.1.2.3), follows it
 *  (an assumption: docs/model.md). */
export function mcimUpdateOf(ctx: TreContext, msg: Term): McimUpdate | undefined {
  const pcid = ctx.creds?.pcid;
  const f = msg.kind === 'sign' ? fieldsOf(msg.body, 'mcimUpdate', 4) : undefined;
  const update = { pcid: f?.[0], mcim: nameId(f?.[1]), nonce: f?.[2], code: nameId(f?.[3]) };
  if (pcid === undefined || f === undefined || !same(update.pcid, pcid) || update.code === undefined) return undefined;
  const entry = ctx.registry.find((e) =>
    update.mcim === `mcim:${e.owner}` && same(update.nonce, registrationNonce(pcid, e.registration)) && e.state !== 'Retired');
  if (entry === undefined) return undefined;
  if (isOn(ctx.off, 't7.cm7') && verifySigned(msg, pk(skSho(entry.owner))) === undefined) return undefined;
  const code = update.code;
  return { mcim: entry.id, registry: sortById(ctx.registry.map((e) => (e.id === entry.id ? { ...e, code, measurement: contentId(name(code)) } : e))) };
}
