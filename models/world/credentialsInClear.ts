// Which honest roles' credentials a message term carries in clear (outside an encryption, MAC or hash): what a
// monitor of the host-TRE interface would read. NoSecretInClearOnHostInterface judges the network by it, and the
// relay-at-receipt reduction keeps an injection whose relay would show one as a world of its own (relayAtReceipt.ts).
import type { Term } from '../../src/attacker/Term.ts';

/** Names of honest roles' credentials; the attacker's own (`...:attacker`) are not secrets of anyone it attacks. */
const secret = /^(?!.*:attacker$)(sk:|ki:|k:init|k:pin|tok:|pin:user)/;

/** Names readable in `t` without any key. */
function clearNames(t: Term): string[] {
  switch (t.kind) {
    case 'name':
      return [t.id];
    case 'tuple':
      return t.items.flatMap(clearNames);
    case 'sign':
      return clearNames(t.body);
    case 'pk':
    case 'aenc':
    case 'senc':
    case 'mac':
    case 'hash':
      return [];
  }
}

/** The credential names `t` carries in clear. */
export function credentialsInClear(t: Term): string[] {
  return clearNames(t).filter((n) => secret.test(n));
}
