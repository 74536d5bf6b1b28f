// Threat 2, attacking the MCIM provisioning process: a Dolev-Yao attacker on every open channel of the flow of
// 004 5.1.3.6.2 (reads, replays, redirects, forges what its knowledge allows).
import { dmSessionPeersAuthenticated } from '../claims/DmSessionPeersAuthenticated.ts';
import { installedMcimWasIssuedForThisTre } from '../claims/InstalledMcimWasIssuedForThisTre.ts';
import { releaseAgreesWithOldSho } from '../claims/ReleaseAgreesWithOldSho.ts';
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
    // Steps 12-13 in the OMA DM session (5.1.3.6.2 NOTE, x.2.2): the network attacker masquerades as the DM server to
    // the TRE, or as the TRE to the DPF (003 t2 cm4 "masquerading (as a TRE or as a DPF)").
    { name: 't2-dm-session', flow: 'initial-3gpp', assumptions: { omaDmSession: true }, attacker: { capabilities: ['network'], injections: 1 } },
    // Change of operator via the old SHO (5.1.3.7.4.2): the network attacker forges or replays the old SHO's
    // acknowledgment of the discard (step 10) to the DPF, which relays the release to the new SHO (step 11).
    // 004 step 13 "the success/failure status of the provisioning" (assumption failureReport): an object the attacker
    // builds for the TRE's registration is refused and reported as a failure, which the SHO must not take for success.
    { name: 't2-failure-report', flow: 'initial-3gpp', assumptions: { failureReport: true }, attacker: { capabilities: ['network'], injections: 1 } },
    { name: 't2-forged-release', flow: 'change-via-old-sho', attacker: { capabilities: ['network'], injections: 1 } },
    // The subscriber changes back to the old SHO (5.1.3.7.4.2 twice: sho1 -> sho2 -> sho1), so sho1 provisions dev1 a
    // second time; the success status the TRE signed for registration 1, read by the network attacker back then
    // (models/world/earlierTraffic.ts), must not pass for this registration's (step 14, the registration nonce).
    { name: 't2-report-replay', flow: 'change-via-old-sho', changeRequests: 2, attacker: { capabilities: ['network'], injections: 1 } },
  ],
  properties: [
    { property: mcimSecretNeverLeaves, checks: ['t2.cm2', 't2.cm3', '004 x.2.3 NOTE 2', '001 step 16'] },
    { property: installedMcimWasIssuedForThisTre, checks: ['t2.cm4', 't2.cm5', 't2.cm6', '004 5.1.2.4', '004 x.2.3'] },
    { property: shoSuccessMeansInstalled, checks: ['t2.cm4', '004 5.1.3.6.2 steps 13-14'] },
    { property: dmSessionPeersAuthenticated, checks: ['t2.cm4', 't3.cm5', '004 x.2.2', '004 5.1.3.6.2 steps 10-14'] },
    { property: releaseAgreesWithOldSho, checks: ['t2.cm4', '004 5.1.3.7.4.2 steps 10-11'] },
    { property: subscriberChoiceHonoured, checks: ['t2.cm5', '004 5.1.3.5.2', '004 5.1.3.6.2 step 6', '004 x.3'] },
  ],
  knownFindings: {
    't2-dishonest-ro-redirect/SubscriberChoiceHonoured':
      '004 Annex x.3 trusts the RO\'s DRF to "correctly discover the SHO and route the M2ME to the SHO", and x.2.2 authenticates the bootstrap with the device PIN ' +
      'the DRF itself holds: no step lets the TRE or the subscriber check that the SHO named in the bootstrap is the one selected (5.1.3.5.2), so a dishonest RO ' +
      'sends the M2ME to an SHO of its choosing and the TRE registers there (t2 cm5 "hijacking a provisioning session" does not hold against the RO).',
  },
};
