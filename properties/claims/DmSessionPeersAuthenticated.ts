// Safety, agreement (Lowe, non-injective), both ways. 003 t2 cm4 (t3 cm5) "allow mutual authentication of M2ME (TRE
// ...) and DPF", "resistant to ... masquerading (as a TRE or as a DPF)"; 004 x.2.2, 5.1.3.6.2 NOTE (steps 10-14 over
// OMA DM): every DM server authentication a TRE accepted in its session is one the RO's DPF sent, and every client
// answer the DPF accepted for an honest device's PCID is one that device's TRE sent. Judged from the raw terms in the
// ends' ghost logs (what each sent, what each accepted), never from the checks that accepted them.
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import type { RoContext } from '../../models/roles/registrationOperator.ts';
import { roleSnapshot, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { fieldsOf } from '../../models/readTerm.ts';
import { tresOf } from './worldReaders.ts';

/** The PCID a client answer names. */
const openedFor = (open: Term): Term | undefined => fieldsOf(fieldsOf(open, 'dmSessionOpen', 2)?.[0], 'dmOpen', 2)?.[0];

function masquerades(world: World): string[] {
  const ro = roleSnapshot(world, 'ro').context as RoContext;
  const tres = tresOf(world);
  const fakeServers = tres.flatMap(({ role, tre }) => tre.dmServers
    .filter((answer) => !ro.dmAnswers.some((a) => termEquals(a, answer)))
    .map((answer) => `${role} took ${showTerm(answer)} as the DPF's`));
  const fakeClients = ro.dmClients.flatMap((open) => {
    const pcid = openedFor(open);
    const owner = tres.find(({ tre }) => pcid !== undefined && tre.creds !== null && termEquals(tre.creds.pcid, pcid));
    return owner === undefined || owner.tre.dmOpens.some((o) => termEquals(o, open)) ? [] : [`the DPF took ${showTerm(open)} as ${owner.role}'s`];
  });
  return [...fakeServers, ...fakeClients];
}

export const dmSessionPeersAuthenticated: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('DmSessionPeersAuthenticated'),
  description: 'in the OMA DM session each TRE accepts only server authentications the DPF sent, and the DPF accepts only client answers the named TRE sent',
  holds: onPart('roles', (world) => masquerades(world).length === 0),
  explain: (world) => `expected the TRE and the DPF to accept only each other's session messages, actual: ${masquerades(world).join('; ')}`,
};
