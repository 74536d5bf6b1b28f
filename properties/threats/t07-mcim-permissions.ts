// Threat 7, attacking the permissions of an installed MCIM: forged and replayed lifecycle commands from the network.
import { lifecycleChangesOnlyByOwner } from '../claims/LifecycleChangesOnlyByOwner.ts';
import { mcimActivatedOnlyWithShoAuthorisation } from '../claims/McimActivatedOnlyWithShoAuthorisation.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t07McimPermissions: ThreatCheck = {
  threat: 7,
  scenarios: [
    { name: 't7-forged-commands', flow: 'change-via-old-sho', bothMcimsPresent: true, attacker: { capabilities: ['network', 't7.commands'], injections: 2 } },
  ],
  properties: [
    { property: lifecycleChangesOnlyByOwner, checks: ['t7.cm1', 't7.cm10', '004 5.1.2.3', '004 5.1.2.4'] },
    { property: mcimActivatedOnlyWithShoAuthorisation, checks: ['t7.cm1', 't8.cm6', '004 5.1.1.1'] },
  ],
};
