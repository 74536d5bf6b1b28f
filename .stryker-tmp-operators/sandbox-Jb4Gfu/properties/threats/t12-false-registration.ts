// Threat 12, false registration to obtain MCIMs: the attacker registers the victim's PCID at an SHO under a
// contract of its own.
import { installedMcimWasIssuedForThisTre } from '../claims/InstalledMcimWasIssuedForThisTre.ts';
import { mcimOnlyForRegisteredSubscriber } from '../claims/McimOnlyForRegisteredSubscriber.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t12FalseRegistration: ThreatCheck = {
  threat: 12,
  scenarios: [{ name: 't12-stolen-identity', flow: 'initial-3gpp', attacker: { capabilities: ['network', 't12.stolenIdentity'], injections: 1 } }],
  properties: [
    { property: mcimOnlyForRegisteredSubscriber, checks: ['t12.cm2', '004 5.1.2.4', '004 x.2.3'] },
    { property: installedMcimWasIssuedForThisTre, checks: ['t12.cm2', '004 5.1.2.4'] },
  ],
};
