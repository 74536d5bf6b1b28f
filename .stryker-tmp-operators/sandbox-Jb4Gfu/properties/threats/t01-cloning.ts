// Threat 1, emulating a legitimate M2ME to obtain illicit MCIM downloads: a clone of the device's host, and a TRE
// emulation registering under the victim's PCID; and the victim's MCIM cloned into a second device's TRE.
import { mcimInstalledOnlyInItsTre } from '../claims/McimInstalledOnlyInItsTre.ts';
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import { noMcimCredentialInTwoTres } from '../claims/NoMcimCredentialInTwoTres.ts';
import { noSecretInClearOnHostInterface } from '../claims/NoSecretInClearOnHostInterface.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t01Cloning: ThreatCheck = {
  threat: 1,
  scenarios: [
    { name: 't1-clone', flow: 'initial-3gpp', attacker: { capabilities: ['network', 't1.clone', 't5.emulatedTre'], injections: 1 } },
    // Cloning into a second, honest TRE: the victim's device (dev1) in service, a second device (dev2) provisioned in
    // the run, and an attacker that copies dev1's host and writes the network.
    { name: 't1-clone-second-tre', flow: 'initial-3gpp', devices: 2, dev1InService: true, attacker: { capabilities: ['network', 't1.clone'], injections: 1 } },
  ],
  properties: [
    { property: mcimSecretNeverLeaves, checks: ['t1.cm1', 't1.cm3', 't1.cm4', '004 5.1.2.2', '004 5.1.2.4'] },
    { property: noSecretInClearOnHostInterface, checks: ['t1.cm1', '004 5.1.2.4'] },
    // Several devices: the victim's MCIM cloned into a second, honest TRE (judged where a scenario has two devices).
    { property: noMcimCredentialInTwoTres, checks: ['t1.cm1', 't1.cm3', 't5.cm3', 't2.cm4', 't12.cm2', '004 5.1.2.2', '004 5.1.2.4'] },
    { property: mcimInstalledOnlyInItsTre, checks: ['t5.cm3', 't5.cm4', 't12.cm2', 't2.cm5', '004 5.1.2.4', '004 x.2.3'] },
  ],
};
