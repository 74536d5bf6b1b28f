// Safety, agreement (Lowe, non-injective). 004 5.1.3.7.4.2 steps 10-11: "The old SHO sends an acknowledgment to the
// M2ME", which "sends the acknowledgment message to the RO (DPF), which relays it to the new SHO": every release the
// DPF relayed to a new SHO for a device and registration nonce is one an SHO other than that new SHO acknowledged, for
// that device and nonce. Judged from the raw terms in the DPF's log of relays and the SHOs' logs of what they signed
// and sent, never from the DPF's check. A dishonest SHO (the scenario's insider) signs what it likes without logging
// it: a release it could have acknowledged agrees with it, unless it is the new SHO itself.
import { showTerm, termEquals, type Term } from '../../src/attacker/Term.ts';
import type { RoContext } from '../../models/roles/registrationOperator.ts';
import { discardAckBody } from '../../models/messages.ts';
import { fieldsOf } from '../../models/readTerm.ts';
import { roleSnapshot, worldConfig, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { onPart } from '../../models/world/onPart.ts';
import { shoOf, shosOf } from './worldReaders.ts';

/** The body an acknowledgment signed by its SHO carries (the log holds signatures). */
const ackBody = (ack: Term): Term | undefined => (ack.kind === 'sign' ? ack.body : undefined);

function unacknowledged(world: World): string[] {
  const ro = roleSnapshot(world, 'ro').context as RoContext;
  const insider = worldConfig(world).attacker.dishonest;
  return ro.releases.flatMap(({ to, relay }) => {
    const f = fieldsOf(relay.kind === 'sign' ? relay.body : undefined, 'oldReleased', 2);
    if (f === undefined) return [`the DPF relayed ${showTerm(relay)}, which names no device and nonce`];
    const body = discardAckBody(f[0]!, f[1]!);
    const acked = shosOf(world).some((s) => s !== to &&
      (s === insider || shoOf(world, s).acksSent.some((a) => { const b = ackBody(a); return b !== undefined && termEquals(b, body); })));
    return acked ? [] : [`the DPF told ${to} the old SHO released (${showTerm(relay)}) with no other SHO's acknowledgment of it`];
  });
}

export const releaseAgreesWithOldSho: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ReleaseAgreesWithOldSho'),
  description: 'the DPF relays a release to the new SHO only when another SHO acknowledged the discard for that device and nonce',
  holds: onPart('roles', (world) => unacknowledged(world).length === 0),
  explain: (world) => `expected every relayed release acknowledged by the old SHO, actual: ${unacknowledged(world).join('; ')}`,
};
