// Claims of the Needham-Schroeder example: authentication of A to B, and secrecy of B's nonce.
import { holds } from '../../src/attacker/knowledge.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import type { NspkState } from './nspkSystem.ts';
import { nonceB } from './nspkSystem.ts';

/** Safety (injective agreement, weakened to one run): B believes it talks to A only if A started a run with B. */
const responderAgreesWithInitiator: Invariant<NspkState> = {
  kind: 'invariant',
  id: propertyId('ResponderAgreesWithInitiator'),
  description: 'B commits to a session with A only if A started a run with B',
  holds: (s) => !(s.b.phase === 'committed' && s.b.peer === 'A') || s.a.peer === 'B',
  explain: (s) => `expected A to have started a run with B, actual: A started with ${s.a.peer ?? 'nobody'}`,
};

/** Safety (secrecy): while B believes it talks to honest A, the attacker does not know B's nonce Nb. */
export const responderNonceStaysSecret: Invariant<NspkState> = {
  kind: 'invariant',
  id: propertyId('ResponderNonceStaysSecret'),
  description: 'the attacker never learns Nb from a run B believes is with A',
  holds: (s) => s.b.peer !== 'A' || !holds(s.attacker.knowledge, nonceB),
  explain: () => 'expected Nb unknown to the attacker, actual: the attacker knows Nb',
};

export const nspkProperties = [responderAgreesWithInitiator, responderNonceStaysSecret] as const;
