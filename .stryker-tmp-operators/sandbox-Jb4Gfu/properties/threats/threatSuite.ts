// The threat suite: every threat of Alternative 1 (003 7.1.2.1) with its scenarios and properties, in order.
import { t01Cloning } from './t01-cloning.ts';
import { t02Provisioning } from './t02-provisioning.ts';
import { t03Malware } from './t03-malware.ts';
import { t04TreAttacks } from './t04-tre-attacks.ts';
import { t05TreReplacement } from './t05-tre-replacement.ts';
import { t06TreModification } from './t06-tre-modification.ts';
import { t07McimPermissions } from './t07-mcim-permissions.ts';
import { t08HostileMcim } from './t08-hostile-mcim.ts';
import { t09BusMonitoring } from './t09-bus-monitoring.ts';
import { t10UserMasquerade } from './t10-user-masquerade.ts';
import { t11Malfunction } from './t11-malfunction.ts';
import { t12FalseRegistration } from './t12-false-registration.ts';
import type { ThreatCheck } from './ThreatCheck.ts';
import { resolveScenario, type ScenarioConfig } from '../../models/flows/ScenarioConfig.ts';

export const threatSuite: readonly ThreatCheck[] = [
  t01Cloning, t02Provisioning, t03Malware, t04TreAttacks, t05TreReplacement, t06TreModification,
  t07McimPermissions, t08HostileMcim, t09BusMonitoring, t10UserMasquerade, t11Malfunction, t12FalseRegistration,
];

/** The scenarios of threat `t`, resolved. */
export function threatScenarioConfigs(t: ThreatCheck): ScenarioConfig[] {
  return t.scenarios.map((input) => {
    const r = resolveScenario(input);
    // Threat scenarios are constants checked by the test suite; a failure here is a programming error.
    if (!r.ok) throw new Error(`threat ${t.threat} scenario ${input.name}: ${r.error.message}`);
    return r.config;
  });
}

/** Every threat scenario of the suite, resolved, in order. */
export function allThreatScenarioConfigs(): ScenarioConfig[] {
  return threatSuite.flatMap(threatScenarioConfigs);
}
