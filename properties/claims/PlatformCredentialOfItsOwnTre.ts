// Safety. 004 5.1.3.5.8: a PfC holds "a device-specific private key stored in the M2ME" and "a certificate issued to
// the corresponding public key (public, device-specific)"; 5.1.2.2 "updated remotely by an authorised entity"
// [t6 cm4] brings new platform credentials with the update (5.1.3.5.8 "after a remote update"). So the PfC a TRE holds
// certifies that TRE's own device and platform key. Judged from the PfC each TRE holds against its device's identity
// as the supplier made it (models/messages.ts deviceNames), not from the TRE's check of the update that brought it.
import { deviceNames } from '../../models/messages.ts';
import { deviceOf } from '../../models/roleIds.ts';
import type { World } from '../../models/world/World.ts';
import { pk, showTerm, termEquals } from '../../src/attacker/Term.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { pfcView } from './observedTerms.ts';
import { tresOf } from './worldReaders.ts';
import { onPart } from '../../models/world/onPart.ts';

function foreignCredentials(world: World): string[] {
  return tresOf(world).flatMap(({ role, tre }) => {
    if (tre.creds === null) return [];
    const own = deviceNames(deviceOf(role));
    const held = pfcView(tre.creds.pfc);
    const certifiesOwn = held.pcid !== undefined && held.key !== undefined && termEquals(held.pcid, own.pcid) && termEquals(held.key, pk(own.platformKey));
    return certifiesOwn ? [] : [`${role} holds ${showTerm(tre.creds.pfc)}`];
  });
}

export const platformCredentialOfItsOwnTre: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('PlatformCredentialOfItsOwnTre'),
  description: 'the platform credential a TRE holds certifies that TRE\'s own device and platform key',
  holds: onPart('roles', (world) => foreignCredentials(world).length === 0),
  explain: (world) => `expected each TRE's PfC to certify its own PCID and key, actual: ${foreignCredentials(world).join(', ')}`,
};
