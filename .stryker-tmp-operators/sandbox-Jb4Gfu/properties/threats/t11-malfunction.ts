// Threat 11, users lose access or data through a malfunction of an MCIM or a TRE: erasure, corruption and power
// loss at any moment of a change of operator.
import { atMostOneMcimActive } from '../AtMostOneMcimActive.ts';
import { changeOfOperatorKeepsService } from '../claims/ChangeOfOperatorKeepsService.ts';
import { modifiedMcimNeverSelectedAfterBoot } from '../claims/ModifiedMcimNeverSelectedAfterBoot.ts';
import { serviceEventually } from '../claims/ServiceEventually.ts';
import { serviceRecoverable } from '../claims/ServiceRecoverable.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t11Malfunction: ThreatCheck = {
  threat: 11,
  scenarios: [
    { name: 't11-faults', flow: 'change-via-old-sho', attacker: { capabilities: ['t11.faults'], injections: 0 } },
    // The old SHO's acknowledgement (5.1.3.7.4.2 step 10) never comes: its system fails, or it will not answer.
    { name: 't11-old-sho-silent', flow: 'change-via-old-sho', stalling: ['sho1'] },
    // "Erasure of a MID" (t11): an installed MCIM is lost at any moment after initial provisioning.
    { name: 't11-erasure', flow: 'initial-3gpp', faults: { eraseMcim: true } },
  ],
  properties: [
    { property: atMostOneMcimActive, checks: ['004 5.1.3.7.2'] },
    { property: modifiedMcimNeverSelectedAfterBoot, checks: ['t8.cm8', '004 5.1.2.3'] },
    { property: changeOfOperatorKeepsService, checks: ['004 5.1.3.7.4.2 steps 7-12'] },
    { property: serviceRecoverable, checks: ['t11.cm1', '004 5.1.3.7.4.3 step 3'] },
    { property: serviceEventually, checks: ['004 5.1.3.6.2 steps 12-13', '004 5.1.3.7.4.2 steps 7-12'] },
  ],
  knownFindings: {
    't11-faults/ChangeOfOperatorKeepsService':
      '5.1.3.7.4.2 makes step 7 (the download) atomic, but step 8 discards the old MCIM before step 12 provisions the new one: ' +
      'a reset or power loss in between leaves the M2ME with no usable MCIM and no connectivity to recover over (t11 cm1\'s factory reset needs the subscriber at the device).',
    't11-faults/ServiceRecoverable':
      '003 t11 cm1 asks that users can re-establish access after a malfunction or erasure, but 004 references no t11 counter-measure and has no recovery step: ' +
      'the only reset to factory settings is the first step of a change of operator (5.1.3.7.4.3 step 3). Once the integrity check of 5.1.2.3 blocks a corrupted ' +
      'MCIM, or a power loss strikes between 5.1.3.7.4.2 steps 8 and 12, no honest step brings service back (the model\'s subscriber gives one re-provisioning ' +
      'instruction, of the flow\'s kind: docs/model.md).',
    't11-faults/ServiceEventually':
      'the same gap seen by a fair run: after the corruption is detected at the next reset (5.1.2.3), every honest role has stopped with no active MCIM, and nothing in 004 moves on.',
    't11-erasure/ServiceRecoverable':
      'an MCIM erased after provisioning (003 t11 "erasure of a MID") is gone for good: 004 has no step that provisions a device again once it is served ' +
      '(t11 cm1\'s factory reset exists only as 5.1.3.7.4.3 step 3, the start of a change of operator).',
    't11-erasure/ServiceEventually':
      'the same gap seen by a fair run: after the erasure every honest role has stopped, with no MCIM in the TRE, and no step of 5.1.3.6.2 starts again.',
    't11-old-sho-silent/ServiceEventually':
      '5.1.3.7.4.2 steps 9-12 make the new MCIM wait for the old SHO\'s acknowledgement (step 10) after step 8 has discarded the old credentials, with no timeout and no ' +
      'fallback: an old SHO whose system fails, or that will not answer a customer it is losing, leaves the M2ME with no active MCIM for good.',
  },
};
