// Threat 2, attacking the MCIM provisioning process: a Dolev-Yao attacker on every open channel of the flow of
// 004 5.1.3.6.2 (reads, replays, redirects, forges what its knowledge allows).
import { installedMcimWasIssuedForThisTre } from '../claims/InstalledMcimWasIssuedForThisTre.ts';
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import { shoSuccessMeansInstalled } from '../claims/ShoSuccessMeansInstalled.ts';
import { subscriberChoiceHonoured } from '../claims/SubscriberChoiceHonoured.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t02Provisioning: ThreatCheck = {
  threat: 2,
  scenarios: [
    { name: 't2-network', flow: 'initial-3gpp', attacker: { capabilities: ['network'], injections: 2 } },
    // After the SHO deletes its MCIM (5.1.1.1), a replayed bootstrap and MCIM object must not bring it back (x.2.3).
    { name: 't2-replay-after-delete', flow: 'initial-3gpp', shoCommands: ['DELETE'], attacker: { capabilities: ['network'], injections: 2 } },
    // Spoofing an entity of the provisioning (t2): a dishonest RO's DRF sends the M2ME to an SHO of its choosing.
    { name: 't2-dishonest-ro-redirect', flow: 'initial-3gpp', attacker: { dishonest: 'ro', injections: 1 } },
  ],
  properties: [
    { property: mcimSecretNeverLeaves, checks: ['t2.cm2', 't2.cm3', '004 x.2.3 NOTE 2', '001 step 16'] },
    { property: installedMcimWasIssuedForThisTre, checks: ['t2.cm4', 't2.cm5', 't2.cm6', '004 5.1.2.4', '004 x.2.3'] },
    { property: shoSuccessMeansInstalled, checks: ['t2.cm4', '004 5.1.3.6.2 steps 13-14'] },
    { property: subscriberChoiceHonoured, checks: ['t2.cm5', '004 5.1.3.5.2', '004 5.1.3.6.2 step 6', '004 x.3'] },
  ],
  knownFindings: {
    't2-dishonest-ro-redirect/SubscriberChoiceHonoured':
      '004 Annex x.3 trusts the RO\'s DRF to "correctly discover the SHO and route the M2ME to the SHO", and x.2.2 authenticates the bootstrap with the device PIN ' +
      'the DRF itself holds: no step lets the TRE or the subscriber check that the SHO named in the bootstrap is the one selected (5.1.3.5.2), so a dishonest RO ' +
      'sends the M2ME to an SHO of its choosing and the TRE registers there (t2 cm5 "hijacking a provisioning session" does not hold against the RO).',
  },
};
