// Safety. 004 5.1.2.3 "a secure update service for MCIMs" [t7 cm7] and 5.1.2.3 "a registry of the MCIMs that it
// manages": an update names the MCIM instance it is for, by its issuer and the registration nonce it was issued for
// (x.2.3; the model's naming, docs/model.md Assumptions). An update the TRE applies leaves that instance holding the
// update's code, and changes no other MCIM's code nor any lifecycle state. Judged from the raw update term and the
// registries before and after the step (the TRE's log), not from the instance the TRE's check chose.
import { registrationNonce } from '../../models/messages.ts';
import type { AppliedUpdate, TreCredentials } from '../../models/roles/treContext.ts';
import type { World } from '../../models/world/World.ts';
import { onPart } from '../../models/world/onPart.ts';
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { updateView } from './observedTerms.ts';
import { treOf } from './worldReaders.ts';

/** The items of `<mcimUpdate, PCID, mcim:SHO, nonce, code>`, signed or not. */
const itemsOf = (t: Term): readonly Term[] => {
  const body = t.kind === 'sign' ? t.body : t;
  return body.kind === 'tuple' ? body.items : [];
};

function strays(u: AppliedUpdate, creds: TreCredentials | null): string[] {
  const { mcim } = updateView(u.term);
  const [, , , nonce, code] = itemsOf(u.term);
  const named = (c: { readonly owner: string; readonly registration: number }): boolean =>
    mcim === `mcim:${c.owner}` && nonce !== undefined && creds !== null && termEquals(nonce, registrationNonce(creds.pcid, c.registration));
  const others = u.changed.filter((c) => c.from !== c.to || !named(c))
    .map((c) => `changed ${c.id} (${c.from}${c.from === c.to ? '' : ` -> ${c.to}`}, registration ${c.registration})`);
  const target = u.after.find(named);
  const missed = target === undefined ? ['no instance it names'] :
    code?.kind === 'name' && target.code === code.id ? [] : [`left ${target.id} with ${target.code}`];
  return [...others, ...missed].map((s) => `${showTerm(u.term)} ${s}`);
}

const allStrays = (world: World): string[] => {
  const tre = treOf(world);
  return tre.updates.flatMap((u) => strays(u, tre.creds));
};

export const mcimUpdateChangesOnlyTheInstanceItNames: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimUpdateChangesOnlyTheInstanceItNames'),
  description: 'an MCIM update the TRE applies gives the instance it names (issuer and registration) its code, and changes nothing else',
  holds: onPart('roles', (world) => allStrays(world).length === 0),
  explain: (world) => `expected each applied update to change only the instance it names, to its code, actual: ${allStrays(world).join('; ')}`,
};
