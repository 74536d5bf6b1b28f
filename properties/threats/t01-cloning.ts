// Threat 1, emulating a legitimate M2ME to obtain illicit MCIM downloads: a clone of the device's host, and a TRE
// emulation registering under the victim's PCID.
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import { noSecretInClearOnHostInterface } from '../claims/NoSecretInClearOnHostInterface.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t01Cloning: ThreatCheck = {
  threat: 1,
  scenarios: [{ name: 't1-clone', flow: 'initial-3gpp', attacker: { capabilities: ['network', 't1.clone', 't5.emulatedTre'], injections: 1 } }],
  properties: [
    { property: mcimSecretNeverLeaves, checks: ['t1.cm1', 't1.cm3', 't1.cm4', '004 5.1.2.2', '004 5.1.2.4'] },
    { property: noSecretInClearOnHostInterface, checks: ['t1.cm1', '004 5.1.2.4'] },
  ],
};
