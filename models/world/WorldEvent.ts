// The events of the world, as the search steps them.

/** An event of the world:
 *  - deliver: the receiver takes message `envelope` from the network (a message is deliverable exactly when its
 *    receiver has a transition for it; one it cannot take stays in flight, as an unread datagram);
 *  - local: a role's own decision or a lifecycle/fault event (`cast[role].localEvents[index]`);
 *  - inject: the attacker delivers a message it can build, on a channel it writes (models/attacker/channels.ts);
 *    what it reads of every send is part of the world (its observations).
 *  Envelope ids are those of the world's tables (WorldModel): events are read with the world they were enabled in. */
export type WorldEvent =
  | { readonly kind: 'deliver'; readonly envelope: number }
  | { readonly kind: 'local'; readonly role: number; readonly index: number }
  /** The attacker hands message `envelope` (not in flight: a replay, redirection or forgery) to its receiver. */
  | { readonly kind: 'inject'; readonly envelope: number }
  /** relay: an injection the M2ME merely relays, taken as the moment its TRE takes it (relay at receipt,
   *  models/world/relayAtReceipt.ts): the attacker injects `envelope` to the M2ME, the M2ME relays it as `relayed`
   *  to its TRE, and the TRE takes it, in one step. */
  | { readonly kind: 'relay'; readonly envelope: number; readonly relayed: number }
  /** forward: a message in flight that its receiver merely relays, taken as the moment the relayed message's receiver
   *  takes that (relay at receipt of a message sent, not injected): the receiver of `envelope` takes it from the
   *  network and relays it as `relayed`, and that message's receiver takes it, in one step. */
  | { readonly kind: 'forward'; readonly envelope: number; readonly relayed: number };
