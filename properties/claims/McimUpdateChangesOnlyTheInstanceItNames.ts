// Safety. 004 5.1.2.3 "a secure update service for MCIMs" [t7 cm7] and 5.1.2.3 "a registry of the MCIMs that it
// manages": an update names the MCIM instance it is for, by its issuer and the registration nonce it was issued for
// (x.2.3; the model's naming, docs/model.md Assumptions), and the TRE changes the code of that instance and of no other
// MCIM, nor any lifecycle state. Judged from the raw update term and the instances whose code or state the step changed
// (the registries before and after compared, the TRE's log), not from the instance the TRE's check chose.
import { registrationNonce } from '../../models/messages.ts';
import type { World } from '../../models/world/World.ts';
import { onPart } from '../../models/world/onPart.ts';
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { updateView } from './observedTerms.ts';
import { treOf } from './worldReaders.ts';

/** The registration nonce an update names (`<mcimUpdate, PCID, mcim:SHO, nonce, code>`). */
const namedNonce = (t: Term): Term | undefined => {
  const body = t.kind === 'sign' ? t.body : t;
  return body.kind === 'tuple' ? body.items[3] : undefined;
};

const strays = (world: World): string[] => {
  const tre = treOf(world);
  return tre.updates.flatMap((u) => {
    const { mcim } = updateView(u.term);
    const nonce = namedNonce(u.term);
    const named = (owner: string, registration: number): boolean =>
      mcim === `mcim:${owner}` && nonce !== undefined && tre.creds !== null && termEquals(nonce, registrationNonce(tre.creds.pcid, registration));
    return u.changed.filter((c) => c.from !== c.to || !named(c.owner, c.registration))
      .map((c) => `${showTerm(u.term)} changed ${c.id} (${c.from}${c.from === c.to ? '' : ` -> ${c.to}`}, registration ${c.registration})`);
  });
};

export const mcimUpdateChangesOnlyTheInstanceItNames: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimUpdateChangesOnlyTheInstanceItNames'),
  description: 'an MCIM update the TRE applies changes the code of the instance it names (issuer and registration) and nothing else',
  holds: onPart('roles', (world) => strays(world).length === 0),
  explain: (world) => `expected each applied update to change only the instance it names, actual: ${strays(world).join('; ')}`,
};
