// The roles of Alternative 3a, its channels, and the events by which role machines receive and send messages.
import type { Term } from '../../src/attacker/Term.ts';

export const roles3a = ['usim', 'oldMno', 'newMno', 'subscriber'] as const;
export type Role3a = (typeof roles3a)[number];

/** `radio`: the air interface and the OTA bearer over it (a3a.f1, a3a.f7); `operators`: the interaction between
 *  the old and the new MNO (a3a.f4, the editor's note on monitoring it); `contract`: subscriber to new MNO (a3a.f2). */
export type Channel3a = 'radio' | 'operators' | 'contract';

/** Who a message comes from or goes to: a role, or the attacker (a false base station, a forger). */
export type Party3a = Role3a | 'attacker';

/** A role receives a message (delivered or injected); `from` is where the radio link leads back to. */
export interface Receive3a {
  readonly type: 'receive';
  readonly channel: Channel3a;
  readonly from: Party3a;
  readonly msg: Term;
}

/** A role sends: to a party, or to nobody (`null`: user traffic that only eavesdroppers read). */
export interface Send3a {
  readonly type: 'send';
  readonly channel: Channel3a;
  readonly to: Party3a | null;
  readonly msg: Term;
}

export const send3a = (channel: Channel3a, to: Party3a | null, msg: Term): Send3a => ({ type: 'send', channel, to, msg });
