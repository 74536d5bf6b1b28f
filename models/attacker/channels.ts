// Which channels the attacker reads and writes, per scenario: the network attacker reaches the air interface and
// IP paths; threat capabilities reach the host-TRE interface; the subscriber's portal is protected by assumption;
// an insider reaches every channel of the role it corrupts. Out-of-band and operator-to-operator links stay closed.
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { MessageKind } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';

/** The kind of link a channel is: by its two ends, whichever way the message goes. */
export type ChannelClass = 'closed' | 'network' | 'host' | 'portal';

const closed = new Set([
  // 5.1.2.2 "secure, out-of-band facility"; 5.1.3.4.1 CCIF; 5.1.3.5.8 PfC "in a secure manner".
  'supplier>tre', 'ro>supplier', 'pva>supplier', 'subscriber>supplier',
  // Operator-to-operator links (5.1.3.6.2 dark-green arrows).
  'ro>vno', 'icsp>ro', 'pva>sho1', 'pva>sho2', 'ro>sho1', 'ro>sho2',
  // The subscriber's own equipment: switching on and instructing it happen at the device.
  'm2me>subscriber',
]);
const portal = new Set(['sho1>subscriber', 'sho2>subscriber', 'ro>subscriber']);

export function channelClass(from: RoleId, to: RoleId): ChannelClass {
  const ends = [from, to].sort().join('>');
  if (ends === 'm2me>tre') return 'host';
  if (closed.has(ends)) return 'closed';
  return portal.has(ends) ? 'portal' : 'network';
}

/** What the attacker of `config` can do on a channel. */
export interface Reach {
  reads(kind: MessageKind, from: RoleId, to: RoleId): boolean;
  writes(kind: MessageKind, from: RoleId, to: RoleId): boolean;
}

export function reachOf(config: ScenarioConfig): Reach {
  const caps = new Set(config.attacker.capabilities);
  const insider = config.attacker.dishonest;
  const network = caps.has('network');
  const hostReader = caps.has('t1.clone') || caps.has('t3.malware') || caps.has('t9.busMonitor') || caps.has('t4.logical');
  const portalOpen = network && !config.assumptions.portalProtected;
  const touchesInsider = (from: RoleId, to: RoleId): boolean => insider !== null && (from === insider || to === insider);
  return {
    reads(kind, from, to) {
      if (touchesInsider(from, to)) return true;
      switch (channelClass(from, to)) {
        case 'network':
          return network;
        case 'portal':
          return portalOpen;
        case 'host':
          // A hostile co-resident MCIM passes on what the TRE hands it (t8).
          return hostReader || (caps.has('t8.hostileMcim') && kind === 'mcimData');
        case 'closed':
          return false;
      }
    },
    writes(kind, from, to) {
      if (touchesInsider(from, to)) return true;
      switch (channelClass(from, to)) {
        case 'network':
          return network || (caps.has('t10.remoteGuess') && kind === 'userAuth');
        case 'portal':
          // t12: a contract under the attacker's own account at the SHO's portal.
          return portalOpen || (caps.has('t12.stolenIdentity') && kind === 'contract');
        case 'host':
          return caps.has('t3.malware') || (caps.has('t4.logical') && kind === 'interfaceRequest') || (caps.has('t10.localGuess') && kind === 'userAuth');
        case 'closed':
          return false;
      }
    },
  };
}
