// The order of the world's events and the numbers by which a world leaves out steps (eventLeavesOut.ts,
// docs/engine.md "Steps left out"): which event commutes with the one that reached a world, and comes before it.
import { readVarint, varintSize } from '../../src/packing/varint.ts';
import { deliveryOrder, injectionOrder, localOrder } from './orderNumbers.ts';
import type { WorldEvent } from './WorldEvent.ts';
import type { WorldModel } from './WorldModel.ts';

/** `eventLeavesOut` in numbers: `via`'s order, role and, for an injection, claimed sender (else -1); the event's
 *  order, role and, for a delivery, its message's sender (else -1). */
export function leavesOut(viaOrder: number, viaRole: number, viaSender: number, order: number, role: number, sender: number): boolean {
  // Another role than `via`'s: `before` asks another rank, which a role of the same rank as `via`'s is not.
  return before(order, viaOrder) && sender !== viaRole && role !== viaSender;
}

/** Whether the event of order `order` comes before the one of order `viaOrder` in the order steps are left out by: its
 *  role's rank is lower (`WorldModel.orderRanks`). Events of one rank are not ordered: of one role, or, under a
 *  symmetry of the search, of roles it exchanges (an order the symmetry keeps, docs/engine.md "Symmetry"). */
export function before(order: number, viaOrder: number): boolean {
  return order < viaOrder && orderRank(order) !== orderRank(viaOrder);
}

/** The role an injected message claims to be from (a relay at receipt's: the injected message's); -1 for an event
 *  that is no injection. */
export function injectionSender(model: WorldModel, event: WorldEvent): number {
  return event.kind === 'inject' || event.kind === 'relay' ? model.senders[event.envelope]! : -1;
}

/** The role whose local state an event changes (an injection's: its receiver's; a relay at receipt's or a forward's:
 *  the role that takes the relayed message, the relaying role as it is). */
export function eventRole(model: WorldModel, event: WorldEvent): number {
  if (event.kind === 'local') return event.role;
  return model.receivers[event.kind === 'relay' || event.kind === 'forward' ? event.relayed : event.envelope]!;
}

/** A strict total order of a model's events, positive (ids do not change during a search): by the rank of the role
 *  whose local state the event changes (an injection's: its receiver's; `WorldModel.orderRanks`: the role's index but
 *  under a symmetry of the search), then injections (and relays at receipt) by message id, deliveries by message id,
 *  local events by index. Role first, so that a world reached by an event of one role leaves out events of the
 *  roles before it whatever their kind (injections included), and one reached by an injection those of the roles
 *  before its receiver: on t2, t5 and t7 this leaves out more steps than any order by kind first (docs/engine.md). */
export function eventOrder(event: WorldEvent, model: WorldModel): number {
  const ranks = model.orderRanks;
  if (event.kind === 'local') return localOrder(event.index, ranks[event.role]!);
  // A relay at receipt is ordered as an injection to the TRE, by its injected message (addressed to the M2ME, so no
  // injection to the TRE has its id).
  if (event.kind === 'relay') return injectionOrder(event.envelope, ranks[model.receivers[event.relayed]!]!);
  // A forward, as a delivery to that role of the message in flight (addressed to the relaying role: no delivery to it
  // has its id).
  if (event.kind === 'forward') return deliveryOrder(event.envelope, ranks[model.receivers[event.relayed]!]!);
  const rank = ranks[model.receivers[event.envelope]!]!;
  return event.kind === 'deliver' ? deliveryOrder(event.envelope, rank) : injectionOrder(event.envelope, rank);
}

/** The rank of the role of the event of order `order` (orders are below 2^31: 64 ranks of 2^24 places). */
function orderRank(order: number): number {
  return order >>> 24;
}

/** `eventRole` of the event of order `order`, where ranks are the roles' indices (no symmetry: the pipelined search). */
export function orderRole(order: number): number {
  return orderRank(order);
}

/** `injectionSender` of the event of order `order`: an injection's (or a relay at receipt's) message id is its place
 *  among its role's 2^24, less one (`injectionOrder`). */
export function orderSender(model: WorldModel, order: number): number {
  const place = order - orderRole(order) * 2 ** 24;
  return place >= 1 && place <= 2 ** 22 ? model.senders[place - 1]! : -1;
}

/** Whether a world's network (`netStart .. netEnd - 1` of its record's segment `pool`) holds a message from role `role`
 *  that the attacker reads. When it holds none, the event of `role` that reached the world sent nothing the attacker
 *  reads (what an event sends is in flight right after it), so its observations are those of the world before. */
export function readableFrom(model: WorldModel, pool: Uint8Array, netStart: number, netEnd: number, role: number): boolean {
  for (let p = netStart, e = 0; p < netEnd; p += varintSize(e)) {
    e = readVarint(pool, p);
    if (model.senders[e] === role && model.observedTerms[e]! >= 0) return true;
  }
  return false;
}

/** The (next tuple, sends) of the injections taken so far in the worlds being expanded (World.ts eachEnabled), two
 *  words each, as a stack: a call starts at `injectionsTakenTop()` and restores it when done (a visit may expand
 *  another world). */
let takenInjections: Int32Array = new Int32Array(64);
let takenTop = 0;

export function injectionsTakenTop(): number {
  return takenTop;
}

export function restoreInjectionsTaken(top: number): void {
  takenTop = top;
}

/** Records an injection taken with its next tuple and sends. */
export function takeInjection(next: number, sends: number): void {
  if (2 * takenTop + 2 > takenInjections.length) {
    const grown = new Int32Array(takenInjections.length * 2);
    grown.set(takenInjections);
    takenInjections = grown;
  }
  takenInjections[2 * takenTop] = next;
  takenInjections[2 * takenTop + 1] = sends;
  takenTop++;
}

/** Whether an injection taken in the world being expanded (since `base`) leaves the same tuple and sends: then both
 *  reach one world (an injection takes no message), and the first one taken stands for both. The attacker's
 *  candidates that the receiver cannot tell apart are one step. */
export function takenAlike(base: number, next: number, sends: number): boolean {
  for (let j = base; j < takenTop; j++) if (takenInjections[2 * j] === next && takenInjections[2 * j + 1] === sends) return true;
  return false;
}
