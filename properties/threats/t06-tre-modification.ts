// Threat 6, modifying the functions of a TRE: modified firmware pushed as a remote update, calls of its logical
// interfaces from the host (t6 cm1, cm2 are 004 5.1.2.2's "[t4 cm2, t6 cm1]"), and tampering.
import { mcimIssuedOnlyForValidPlatform } from '../claims/McimIssuedOnlyForValidPlatform.ts';
import { platformCredentialOfItsOwnTre } from '../claims/PlatformCredentialOfItsOwnTre.ts';
import { tamperedTreServesNoMcim } from '../claims/TamperedTreServesNoMcim.ts';
import { treFirmwareOnlyFromSupplier } from '../claims/TreFirmwareOnlyFromSupplier.ts';
import { trePlatformKeySecret } from '../claims/TrePlatformKeySecret.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t06TreModification: ThreatCheck = {
  threat: 6,
  scenarios: [
    { name: 't6-firmware', flow: 'change-via-old-sho', attacker: { capabilities: ['network', 't6.firmware', 't4.logical', 't4.tamper'], injections: 1 } },
    // 5.1.2.2 "updated remotely by an authorised entity" [t6 cm4]: the supplier's own update is in the run, and the
    // goal has it installed, so a TRE that refuses it is seen. No attacker: with the network's injection, the sessions
    // and resets that come with `lifecycleActions` make 423,859 states (its attacks are t6-firmware's).
    { name: 't6-supplier-update', flow: 'initial-3gpp', lifecycleActions: true },
    // The attacker's own genuine device (dev2, `t5.otherTre`) gets the supplier's update too; carried to the victim's
    // TRE, that update is signed by the authorised entity but names another device and brings that device's PfC.
    { name: 't6-update-for-other-device', flow: 'initial-3gpp', attacker: { capabilities: ['network', 't5.otherTre'], injections: 1 } },
  ],
  properties: [
    { property: treFirmwareOnlyFromSupplier, checks: ['t6.cm4', '004 5.1.2.2'] },
    { property: tamperedTreServesNoMcim, checks: ['t6.cm5', '004 5.1.2.2'] },
    { property: trePlatformKeySecret, checks: ['t6.cm1', 't6.cm2', '004 5.1.2.2'] },
    { property: mcimIssuedOnlyForValidPlatform, checks: ['t1.cm4', 't5.cm5', '004 5.1.2.4'] },
    { property: platformCredentialOfItsOwnTre, checks: ['t6.cm4', '004 5.1.2.2'] },
  ],
};
