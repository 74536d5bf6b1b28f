// Threat 4, logical or physical attacks on a TRE to obtain MCIMs or keys: calls of the TRE's interfaces from the
// host, and physical tampering that the TRE may detect.
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import { tamperedTreServesNoMcim } from '../claims/TamperedTreServesNoMcim.ts';
import { trePlatformKeySecret } from '../claims/TrePlatformKeySecret.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t04TreAttacks: ThreatCheck = {
  threat: 4,
  scenarios: [{ name: 't4-logical-physical', flow: 'change-via-old-sho', attacker: { capabilities: ['t4.logical', 't4.tamper'], injections: 1 } }],
  properties: [
    { property: trePlatformKeySecret, checks: ['t4.cm2', 't4.cm3', '004 5.1.2.2'] },
    { property: mcimSecretNeverLeaves, checks: ['t4.cm2', 't4.cm3', '004 5.1.2.2'] },
    // 004 5.1.2.2 cites [t4 cm5] for the lockdown too; 003's t4 cm5 is network filtering, so the claim cites t6 cm5.
    { property: tamperedTreServesNoMcim, checks: ['t6.cm5', '004 5.1.2.2'] },
  ],
};
