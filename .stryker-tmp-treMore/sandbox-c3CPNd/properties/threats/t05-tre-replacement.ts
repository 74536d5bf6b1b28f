// Threat 5, replacing a TRE by another TRE or an emulation: an emulated TRE with a key and PfC of the attacker's
// making, and another genuine TRE under its control, each registering under the victim's PCID.
import { installedMcimWasIssuedForThisTre } from '../claims/InstalledMcimWasIssuedForThisTre.ts';
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t05TreReplacement: ThreatCheck = {
  threat: 5,
  scenarios: [{ name: 't5-replaced-tre', flow: 'initial-3gpp', attacker: { capabilities: ['network', 't5.emulatedTre', 't5.otherTre'], injections: 1 } }],
  properties: [
    { property: mcimSecretNeverLeaves, checks: ['t5.cm2', 't5.cm3', 't5.cm5', 't5.cm6', '004 5.1.2.2', '004 5.1.2.4', '004 5.1.3.5.8'] },
    { property: installedMcimWasIssuedForThisTre, checks: ['t5.cm4', '004 5.1.2.4'] },
  ],
};
