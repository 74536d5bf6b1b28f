// Which channels the attacker reads and writes, per scenario: the network attacker reaches the air interface and
// IP paths; threat capabilities reach the host-TRE interface; an insider reaches every channel of the role it
// corrupts. The subscriber's portal, manufacturing and supply links, operator-to-operator links and the subscriber's
// link to its own device are closed by assumptions of the scenario (models/flows/assumptions.ts), not by the text:
// with one switched off the network attacker reads and writes that class.
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { MessageKind } from '../messages.ts';
import { playedRole, type RoleId } from '../roleIds.ts';

/** The kind of link a channel is: by its two ends, whichever way the message goes. */
export type ChannelClass = 'network' | 'host' | 'portal' | 'manufacturing' | 'operator' | 'atDevice';

const classes: Readonly<Record<string, ChannelClass>> = {
  // 5.1.2.2 "secure, out-of-band facility"; 5.1.3.4.1 CCIF; 5.1.3.5.8 PfC "in a secure manner"; the supply.
  'supplier>tre': 'manufacturing', 'ro>supplier': 'manufacturing', 'pva>supplier': 'manufacturing', 'subscriber>supplier': 'manufacturing',
  // Operator-to-operator links (5.1.3.6.2 dark-green arrows).
  'ro>vno': 'operator', 'icsp>ro': 'operator', 'pva>sho1': 'operator', 'pva>sho2': 'operator', 'ro>sho1': 'operator', 'ro>sho2': 'operator',
  'pva>sho3': 'operator', 'ro>sho3': 'operator',
  // The subscriber's own equipment: switching on and instructing it (5.1.3.7.4.2/4.3 step 2).
  'm2me>subscriber': 'atDevice',
  'sho1>subscriber': 'portal', 'sho2>subscriber': 'portal', 'sho3>subscriber': 'portal', 'ro>subscriber': 'portal',
  'm2me>tre': 'host',
};

/** Classes found so far, by `from>to`: the scope of a scenario's verdicts asks some ten thousand times (scenarioScope.ts). */
const classOfPair = new Map<string, ChannelClass>();

/** By the roles the two ends play: a second device's host-TRE interface is a host channel as dev1's is. */
export function channelClass(from: RoleId, to: RoleId): ChannelClass {
  const pair = `${from}>${to}`;
  let found = classOfPair.get(pair);
  if (found === undefined) classOfPair.set(pair, (found = classes[[playedRole(from), playedRole(to)].sort().join('>')] ?? 'network'));
  return found;
}

/** The channel classes an assumption of `config` closes to the network attacker. */
export function closedClasses(config: ScenarioConfig): ReadonlySet<ChannelClass> {
  const a = config.assumptions;
  return new Set<ChannelClass>([
    ...(a.portalProtected ? ['portal' as const] : []),
    ...(a.manufacturingClosed ? ['manufacturing' as const] : []),
    ...(a.operatorLinksClosed ? ['operator' as const] : []),
    ...(a.atDeviceClosed ? ['atDevice' as const] : []),
  ]);
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
  const closed = closedClasses(config);
  const openToNetwork = (c: ChannelClass): boolean => network && !closed.has(c);
  const touchesInsider = (from: RoleId, to: RoleId): boolean => insider !== null && (from === insider || to === insider);
  return {
    reads(kind, from, to) {
      if (touchesInsider(from, to)) return true;
      switch (channelClass(from, to)) {
        case 'network':
          return network;
        case 'portal':
        case 'manufacturing':
        case 'operator':
        case 'atDevice':
          return openToNetwork(channelClass(from, to));
        case 'host':
          return hostReader;
      }
    },
    writes(kind, from, to) {
      // Without the OMA DM session (assumption omaDmSession) no role takes its messages: an injection of one would be
      // refused, so leaving them out loses no attack and keeps those scenarios' state spaces as they were.
      if (!config.assumptions.omaDmSession && (kind === 'dmSessionOpen' || kind === 'dmServerAuth')) return false;
      if (touchesInsider(from, to)) return true;
      switch (channelClass(from, to)) {
        case 'network':
          return network || (caps.has('t10.remoteGuess') && kind === 'userAuth');
        case 'portal':
          // t12: a contract under the attacker's own account at the SHO's portal.
          return openToNetwork('portal') || (caps.has('t12.stolenIdentity') && kind === 'contract');
        case 'manufacturing':
        case 'operator':
        case 'atDevice':
          return openToNetwork(channelClass(from, to));
        case 'host':
          return caps.has('t3.malware') || (caps.has('t4.logical') && kind === 'interfaceRequest') || (caps.has('t10.localGuess') && kind === 'userAuth');
      }
    },
  };
}
