// Safety, agreement. 003 t5 cm3 "Provisioned MIDs and the messages used to provision the MIDs should be securely
// bound and mapped to the identity of the TRE for which they have been issued"; 004 5.1.2.4 [t2 cm5, t5 cm4, t12 cm2];
// x.2.3: every MCIM object (or activation) a TRE of the world applied was issued by an SHO for a registration that
// TRE signed. Judged per TRE from the raw objects in its install log and the SHOs' issue logs (each issue with the
// TRE-signed registration it answered): who signed the registration, by the key it is built with, never by what the
// TRE's or the SHO's checks concluded.
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import { shoIds } from '../../models/roleIds.ts';
import type { World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { shoOf, tresOf } from './worldReaders.ts';

/** Each applied object with the TRE role that applied it and was issued for no registration that TRE signed. */
function misplaced(world: World): { role: string; object: Term }[] {
  const issued = shoIds.flatMap((s) => shoOf(world, s).issued);
  return tresOf(world).flatMap(({ role, tre }) => {
    const key = tre.creds?.platformKey;
    const applied = [...tre.installs, ...tre.activations];
    return applied
      .filter((object) => !issued.some((i) =>
        termEquals(i.object, object) && i.registration?.kind === 'sign' && key !== undefined && termEquals(i.registration.key, key)))
      .map((object) => ({ role, object }));
  });
}

export const mcimInstalledOnlyInItsTre: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('McimInstalledOnlyInItsTre'),
  description: 'every MCIM object a TRE installs (or activation it applies) was issued for a registration signed by that TRE',
  holds: onPart('roles', (world) => misplaced(world).length === 0),
  explain: (world) =>
    `expected each TRE to install only objects issued for its own registrations, actual: ${misplaced(world).map((m) => `${m.role} applied ${showTerm(m.object)}`).join('; ')}`,
};
