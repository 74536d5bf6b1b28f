// Safety. 003 t9 cm1 "the TRE never reveals its authorisation values to other M2ME functions", t9 cm5, 004 5.1.2.4
// [t2 cm3, t3 cm4, t7 cm8]: no message between the TRE and the host carries a credential in clear (outside an
// encryption, MAC or hash), so bus monitoring and malware on the host learn none.
import type { Message } from '../../models/messages.ts';
import { playedRole } from '../../models/roleIds.ts';
import { deliveredMessage, envelopesOf, worldModelOf, type World } from '../../models/world/World.ts';
import type { WorldModel } from '../../models/world/WorldModel.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { credentialsInClear } from '../../models/world/credentialsInClear.ts';

/** What a message exposes: the credentials in clear it carries, if it crosses a host interface. */
function exposedByMessage(m: Message): readonly string[] {
  // Any device's host-TRE interface (a second device's roles play m2me and tre too).
  const host = [playedRole(m.from), playedRole(m.to)].sort().join('>') === 'm2me>tre';
  return host ? credentialsInClear(m.term).map((n) => `${n} in ${m.from}>${m.to} ${m.kind}`) : [];
}

/** Per model, what each message exposes, by its id there (worked out once per message: the search meets each in many
 *  worlds, a predicate of the network runs in every one). */
const exposedByEnvelope = new WeakMap<WorldModel, (readonly string[])[]>();

function exposed(world: World): string[] {
  const model = worldModelOf(world);
  let table = exposedByEnvelope.get(model);
  if (table === undefined) exposedByEnvelope.set(model, (table = []));
  const out: string[] = [];
  for (const e of envelopesOf(world)) {
    const found = (table[e] ??= exposedByMessage(deliveredMessage(world, e)));
    if (found.length > 0) out.push(...found);
  }
  return out;
}

export const noSecretInClearOnHostInterface: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('NoSecretInClearOnHostInterface'),
  description: 'no credential crosses the interface between the TRE and the host in clear',
  holds: onPart('net', (world) => exposed(world).length === 0),
  explain: (world) => `expected only protected credentials on the host interface, actual: ${exposed(world).join('; ')}`,
};
