// Threat 11, users lose access or data through a malfunction of an MCIM or a TRE: erasure, corruption and power
// loss at any moment of a change of operator.
import { atMostOneMcimActive } from '../AtMostOneMcimActive.ts';
import { changeOfOperatorKeepsService } from '../claims/ChangeOfOperatorKeepsService.ts';
import { modifiedMcimNeverSelectedAfterBoot } from '../claims/ModifiedMcimNeverSelectedAfterBoot.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t11Malfunction: ThreatCheck = {
  threat: 11,
  scenarios: [{ name: 't11-faults', flow: 'change-via-old-sho', attacker: { capabilities: ['t11.faults'], injections: 0 } }],
  properties: [
    { property: atMostOneMcimActive, checks: ['004 5.1.3.7.2'] },
    { property: modifiedMcimNeverSelectedAfterBoot, checks: ['t8.cm8', '004 5.1.2.3'] },
    { property: changeOfOperatorKeepsService, checks: ['004 5.1.3.7.4.2 steps 7-12'] },
  ],
  knownFindings: {
    't11-faults/ChangeOfOperatorKeepsService':
      '5.1.3.7.4.2 makes step 7 (the download) atomic, but step 8 discards the old MCIM before step 12 provisions the new one: ' +
      'a reset or power loss in between leaves the M2ME with no usable MCIM and no connectivity to recover over (t11 cm1\'s factory reset needs the subscriber at the device).',
  },
};
