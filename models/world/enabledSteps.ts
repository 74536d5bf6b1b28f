// The steps enabled in a world, in the order a search takes them, with what each leaves: the tuple after it, the
// message it takes and what it sends; and which of them the search in progress may leave out by the step that first
// reached the world (`via`, eventLeavesOut.ts). World.ts builds the successors' records from them.
import { readVarint, varintSize } from '../../src/packing/varint.ts';
import { before, injectionsTakenTop, leavesOut, readableFrom, restoreInjectionsTaken, takeInjection, takenAlike } from './eventOrder.ts';
import { alikeBefore, relayedOf } from './InjectionMoves.ts';
import { deliveryOrder, injectionOrder, localOrder } from './orderNumbers.ts';
import type { WorldEvent } from './WorldEvent.ts';
import type { WorldModel } from './WorldModel.ts';
import type { World } from './WorldState.ts';

/** Of the event that first reached the world being expanded, when the search leaves out steps by it
 *  (`eventLeavesOut`): its role, its order (`eventOrder`), and for an injection the role its message claims to be
 *  from; -1, 0 and -1 otherwise, which leave out none. The expanding call sets and restores them (World.ts). */
export const reachedBy = { role: -1, order: 0, sender: -1 };

/** What one enabled event does: the tuple of local states after it, the pool offset in the network of the message
 *  it takes (-1: none), and the id of the list of envelopes it sends (WorldModel.sendList); and whether the
 *  search in progress may leave it out (`eventLeavesOut` of the event that reached the world). */
export type Visit = (event: WorldEvent, rolesId: number, taken: number, sends: number, leftOut: boolean) => void;

/** Calls `visit` for each event enabled in `world`, in a fixed order that depends on the world's content only:
 *  deliveries in network order (message kind as the flows run, then channel, then term), then local events by role
 *  and index, then the attacker's injections in key order. `leaving`: `visit` reads no more than the event of a step
 *  it is told to leave out (`forEachSuccessorKey`), so a delivery left out is not stepped (tuple -1, sends 0). */
export function eachEnabled(world: World, visit: Visit, leaving = false): void {
  const model = world.model;
  const rolesId = world.rolesId;
  const { net: pool, netStart, netEnd } = world;
  let last = -1;
  for (let p = netStart, e = 0; p < netEnd; p += varintSize(e)) {
    e = readVarint(pool, p);
    if (e === last) continue;
    last = e;
    const receiver = model.receivers[e]!;
    const delivery = model.deliveries[e]!;
    if (model.relays.relayable(e)) {
      forwardOrDeliver(model, rolesId, e, p, visit);
      continue;
    }
    const leftOut = leftOutAfterVia(model, model.deliveryOrders[e]!, receiver, model.senders[e]!);
    if (leftOut && leaving) {
      // Its successor is not asked for: whether it is enabled is enough. (The tables then meet tuples and messages in
      // another order, which changes their ids, not the content of a world nor the role order leaving out compares.)
      if (model.enabledStep(rolesId, receiver, delivery)) visit(model.deliverEvent(e), -1, p, 0, true);
      continue;
    }
    const next = model.roleStep(rolesId, receiver, delivery);
    if (next >= 0) visit(model.deliverEvent(e), next, p, model.stepSends, leftOut);
  }
  const moves = model.moves.start(rolesId);
  const movePool = model.moves.pool;
  for (let m = moves + 1, end = m + 4 * movePool[moves]!; m < end; m += 4) {
    const role = movePool[m]!;
    const index = movePool[m + 1]!;
    visit(model.localEvent(role, index), movePool[m + 2]!, -1, movePool[m + 3]!, leftOutAfterVia(model, localOrder(index, model.orderRanks[role]!), role, -1));
  }
  if (!model.attacker.active || world.injections >= model.attacker.budget) return;
  // Injections may be left out only when the search leaves out steps (it gave `via`): after `via` when it let the
  // attacker read nothing (`eventLeavesOut`), or when one taken before reaches the same world.
  const quiet = reachedBy.role >= 0 && reachedBy.sender < 0 && !readableFrom(model, pool, netStart, netEnd, reachedBy.role);
  // This call's (next tuple, sends) of injections taken start at `base` (a visit may expand another world).
  const base = injectionsTakenTop();
  try {
    // The pair's moves (InjectionMoves.ts), read from the pool as it is once they are in it: a visit that expands
    // another world may replace the pool, not change this pair's words in it.
    const start = model.injections.start(rolesId, world.observedId);
    const moves = model.injections.pool;
    for (let m = start + 1, end = m + 4 * moves[start]!; m < end; m += 4) {
      const e = moves[m]!;
      // A message already in flight on that channel is delivered as it is, not injected again.
      if (inFlight(pool, netStart, netEnd, e)) continue;
      // Relay at receipt (relayAtReceipt.ts): an injection its receiver merely relays is one step with the receipt of
      // what it relays, taken only when that is taken now; the relayed message is never in flight.
      const relayedWord = moves[m + 1]!;
      const relayed = relayedOf(relayedWord);
      const next = moves[m + 2]!;
      const sends = moves[m + 3]!;
      const receiver = model.receivers[e]!;
      const taker = relayed >= 0 ? model.receivers[relayed]! : receiver;
      // Left out as an injection to the role that takes it is, and a relay not after an event of the relaying role
      // (which may have taken a copy of the injected message from the network: it may not have been enabled before).
      const leftOut = reachedBy.role >= 0 && ((quiet && receiver !== reachedBy.role && before(injectionOrder(e, model.orderRanks[taker]!), reachedBy.order) && !model.receipts.ordered(reachedBy.role, taker)) || (alikeBefore(relayedWord) && takenAlike(base, next, sends)));
      if (!leftOut) takeInjection(next, sends);
      visit(relayed >= 0 ? model.relays.event(e, relayed) : model.injectEvent(e), next, -1, sends, leftOut);
    }
  } finally {
    restoreInjectionsTaken(base);
  }
}

/** A message in flight at pool offset `p` that its receiver may merely relay (relay at receipt, relayAtReceipt.ts):
 *  when the receiver merely relays it, one step with the receipt of what it relays, taken only when that is taken now
 *  (else none: the message waits in flight); otherwise its delivery. A forward is ordered as a delivery to the role
 *  that takes the relayed message, and is not left out after an event of the relaying role, which it reads. */
function forwardOrDeliver(model: WorldModel, rolesId: number, e: number, p: number, visit: Visit): void {
  const receiver = model.receivers[e]!;
  const sender = model.senders[e]!;
  let next = model.roleStep(rolesId, receiver, model.deliveries[e]!);
  if (next < 0) return;
  let sends = model.stepSends;
  const relayed = model.relays.relayedBy(e, rolesId, next, model.sendList(sends));
  if (relayed < 0) return visit(model.deliverEvent(e), next, p, sends, leftOutAfterVia(model, model.deliveryOrders[e]!, receiver, sender));
  const taker = model.receivers[relayed]!;
  next = model.roleStep(rolesId, taker, model.deliveries[relayed]!);
  if (next < 0) return;
  sends = model.stepSends;
  visit(model.relays.event(e, relayed, true), next, p, sends, reachedBy.role !== receiver && leftOutAfterVia(model, deliveryOrder(e, model.orderRanks[taker]!), taker, sender));
}

/** Whether the search in progress may leave out an event of role `role` (its `eventOrder` and, for a delivery, its
 *  message's sender) by the event that reached the world (`eventLeavesOut`), unless receipt at send orders the two
 *  (receiptAtSend.ts `ordered`). */
function leftOutAfterVia(model: WorldModel, order: number, role: number, sender: number): boolean {
  return leavesOut(reachedBy.order, reachedBy.role, reachedBy.sender, order, role, sender) && !model.receipts.ordered(reachedBy.role, role);
}

/** Whether envelope `e` is among the varints of `pool[from .. to - 1]`. */
function inFlight(pool: Uint8Array, from: number, to: number, e: number): boolean {
  for (let p = from, v = 0; p < to; p += varintSize(v)) {
    v = readVarint(pool, p);
    if (v === e) return true;
  }
  return false;
}
