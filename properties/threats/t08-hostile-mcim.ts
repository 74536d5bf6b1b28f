// Threat 8, another MCIM or malicious software extracts or corrupts MCIM data: a co-resident MCIM of the other
// stakeholder reaches for the victim's, and MCIM code is corrupted.
import { mcimActivatedOnlyWithShoAuthorisation } from '../claims/McimActivatedOnlyWithShoAuthorisation.ts';
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import { modifiedMcimNeverSelectedAfterBoot } from '../claims/ModifiedMcimNeverSelectedAfterBoot.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t08HostileMcim: ThreatCheck = {
  threat: 8,
  scenarios: [
    {
      name: 't8-hostile-mcim', flow: 'change-via-old-sho', bothMcimsPresent: true, lifecycleActions: true,
      faults: { corruptMcim: true }, attacker: { capabilities: ['t8.hostileMcim'], injections: 0 },
    },
  ],
  properties: [
    { property: mcimSecretNeverLeaves, checks: ['t8.cm1', 't8.cm5', '004 5.1.2.2'] },
    { property: modifiedMcimNeverSelectedAfterBoot, checks: ['t8.cm8', '004 5.1.2.3'] },
    { property: mcimActivatedOnlyWithShoAuthorisation, checks: ['t8.cm6', '004 5.1.1.1'] },
  ],
};
