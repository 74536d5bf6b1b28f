// The canonical name of a message in flight, used as the world's network entry: thread-independent (no
// discovery-order ids), readable back into the message, and sorting messages by protocol order of kind.
import { canonicalJson } from '../../src/engine/canonicalJson.ts';
import type { Term } from '../../src/attacker/Term.ts';
import { messageKinds, type Message } from '../messages.ts';
import { allRoleIds } from '../roleIds.ts';

/** Two digits of the kind's index in `messageKinds`, one base-36 digit each for sender and receiver in `allRoleIds`
 *  (a one-device world's roles are 0-9, the second device's a-c), then the term's canonical JSON: sorting keys orders
 *  messages by kind (as the flows run), then channel. */
export function envelopeKey(m: Message): string {
  const kind = messageKinds.indexOf(m.kind);
  const from = allRoleIds.indexOf(m.from);
  const to = allRoleIds.indexOf(m.to);
  // Kinds and roles come from the fixed vocabularies; thirteen roles fit one base-36 digit each.
  if (kind < 0 || from < 0 || to < 0) throw new Error(`envelopeKey: unknown kind or role in ${m.from}>${m.to} ${m.kind}`);
  return `${String(kind).padStart(2, '0')}${from.toString(36)}${to.toString(36)}${canonicalJson(m.term)}`;
}

/** The message named by `envelopeKey`. */
export function messageOfKey(key: string): Message {
  const kind = messageKinds[Number(key.slice(0, 2))];
  const from = allRoleIds[parseInt(key[2]!, 36)];
  const to = allRoleIds[parseInt(key[3]!, 36)];
  // Keys only come from envelopeKey (possibly via another thread): anything else is a caller bug.
  if (kind === undefined || from === undefined || to === undefined) throw new Error(`messageOfKey: not an envelope key: ${key.slice(0, 40)}`);
  return { kind, from, to, term: JSON.parse(key.slice(4)) as Term };
}
