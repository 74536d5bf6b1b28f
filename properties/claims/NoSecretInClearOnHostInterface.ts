// Safety. 003 t9 cm1 "the TRE never reveals its authorisation values to other M2ME functions", t9 cm5, 004 5.1.2.4
// [t2 cm3, t3 cm4, t7 cm8]: no message between the TRE and the host carries a credential in clear (outside an
// encryption, MAC or hash), so bus monitoring and malware on the host learn none.
import { messageOfKey } from '../../models/world/envelopeKey.ts';
import { playedRole } from '../../models/roleIds.ts';
import { worldNet, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { credentialsInClear } from '../../models/world/credentialsInClear.ts';

/** Per envelope key: what it exposes (parsed once per distinct message: the search meets each many times). */
const exposedBy = new Map<string, readonly string[]>();

function exposedByMessage(key: string): readonly string[] {
  let found = exposedBy.get(key);
  if (found === undefined) {
    const m = messageOfKey(key);
    // Any device's host-TRE interface (a second device's roles play m2me and tre too).
    const host = [playedRole(m.from), playedRole(m.to)].sort().join('>') === 'm2me>tre';
    found = host ? credentialsInClear(m.term).map((n) => `${n} in ${m.from}>${m.to} ${m.kind}`) : [];
    exposedBy.set(key, found);
  }
  return found;
}

const exposed = (world: World): string[] => worldNet(world).flatMap(exposedByMessage);

export const noSecretInClearOnHostInterface: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('NoSecretInClearOnHostInterface'),
  description: 'no credential crosses the interface between the TRE and the host in clear',
  holds: onPart('net', (world) => exposed(world).length === 0),
  explain: (world) => `expected only protected credentials on the host interface, actual: ${exposed(world).join('; ')}`,
};
