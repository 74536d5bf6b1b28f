// Which steps the TR world leaves out by the event that first reached a world (System.leavesOut), and why each
// leaves every state explored; the search's fast path in enabledSteps.ts asks the same numbers (eventOrder.ts).
import { before, eventOrder, eventRole, injectionSender, leavesOut, readableFrom } from './eventOrder.ts';
import type { World, WorldEvent } from './World.ts';

/** Whether `world`, first reached by `via`, may leave out its enabled event `event` by the two (System.leavesOut;
 *  the search's fast path asks `leavesOut` and `readableFrom` with the same numbers). It may when, from the world q
 *  before `via`, both orders of the two reach the same world, and `event` comes first in the order of `eventOrder`.
 *  `event` is a delivery or a local event, of another role than `via`'s, when:
 *  - Each changes only its own role's local state, takes at most a message to its own role from the network (a
 *    multiset) and adds its sends, and adds what the attacker reads of those to its observations (a set).
 *  - `via` sent no message of `event` (a delivery's message has its sender's role): so `event` was enabled in q
 *    too (a role's local events depend on its own state alone, a delivery also on its message being in flight).
 *  - When `via` is an injection: `event` sends no message of it (by the role it claims to be from), so `via` is
 *    still enabled after `event` (an injection is enabled while its message is not in flight, within the budget,
 *    which `event` leaves as it is, and from the attacker's observations, which only grow).
 *  `event` is an injection, to another role than `via`'s, when:
 *  - `via` is a delivery or a local event, and `world`'s network holds no message from `via`'s role that the
 *    attacker reads. What `via` sent is in flight in `world`, so `via` let the attacker read nothing: its
 *    observations, and so the messages it can build, are those of q. The injection's message is not in flight in q
 *    (`via` took at most a message to its own role), the budget is q's (`via` injected nothing), and the receiver's
 *    local state is q's: so the injection was enabled in q.
 *  - The injection takes no message and changes only its receiver's local state, so `via` is still enabled after
 *    it, and both orders reach the same world (a multiset, a set, and the injection count).
 *  A relay at receipt (relayAtReceipt.ts) counts as an injection to the role that takes the relayed message, which
 *  it changes alone, with the injected message's claimed sender; it is not left out after an event of the role that
 *  relays it (that event may have taken a copy of the injected message, so the injection was not enabled before it),
 *  and a delivery or local event of that role may be left out after it (its relay is made alike in every later state).
 *  A forward (relayAtReceipt.ts) counts as a delivery to the role that takes the relayed message, with the forwarded
 *  message's sender; it is not left out after an event of the relaying role, whose state it reads, and a delivery or
 *  local event of that role may be left out after it, as after a relay at receipt.
 *  Receipt at send (receiptAtSend.ts): the supplier's step that sends the PVA its platform reference changes the PVA
 *  too, and an SHO's step takes its validation request at send only once the PVA has its reference: no step of the PVA
 *  is left out after a step of the supplier, nor a step of the supplier and one of an SHO after each other.
 *  The fast path also leaves out an injection whose next tuple and sends equal those of an injection it took before
 *  in the same world (`takenAlike`): both reach one world. */
export function eventLeavesOut(world: World, via: WorldEvent, event: WorldEvent): boolean {
  const model = world.model;
  // Receipt at send (receiptAtSend.ts): a step of the supplier changes the PVA too, and whether an SHO's request is taken
  // at send depends on whether the supplier's step came first.
  if (model.receipts.ordered(eventRole(model, via), eventRole(model, event))) return false;
  if (event.kind === 'inject' || event.kind === 'relay') {
    const role = eventRole(model, via);
    // A relay at receipt also needs its injected message out of flight before `via`: `via` is no step of the relaying role.
    const relaying = event.kind === 'relay' && model.receivers[event.envelope] === role;
    return via.kind !== 'inject' && via.kind !== 'relay' && !relaying && eventRole(model, event) !== role && before(eventOrder(event, model), eventOrder(via, model)) &&
      !readableFrom(model, world.net, world.netStart, world.netEnd, role);
  }
  const sender = event.kind === 'deliver' || event.kind === 'forward' ? model.senders[event.envelope]! : -1;
  // A forward reads the relaying role's state as well: not left out after an event of that role.
  if (event.kind === 'forward' && eventRole(model, via) === model.receivers[event.envelope]) return false;
  return leavesOut(eventOrder(via, model), eventRole(model, via), injectionSender(model, via), eventOrder(event, model), eventRole(model, event), sender);
}
