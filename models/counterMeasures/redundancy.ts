// Switches the ablation finds redundant in the model, each with why (another mechanism stops the same attack).
// A switch here is necessary only together with another; `trecheck ablate` exits 1 for a redundant switch with no reason here.
import type { SwitchId } from './switches.ts';

export const redundancyReasons: Partial<Record<SwitchId, string>> = {
  't1.cm4':
    'with it off the SHO still authenticates the TRE\'s identity (5.1.2.2 [t1 cm3, t5 cm2]); the PVA\'s validation adds the ' +
    'platform integrity check, which only a modified platform defeats: necessary together with t6.cm4 (its witness)',
  't4.cm2':
    'an unauthorised caller of the key-management interface gets only the public platform key while t4.cm3 holds ' +
    '(004 5.1.2.2\'s second sentence): necessary together with t4.cm3',
  't4.cm3':
    'the key-management interface answers no caller on the host while t4.cm2 holds (004 5.1.2.2\'s first sentence): ' +
    'necessary together with t4.cm2',
};

/** Properties that judge a check no switch turns off (a step of the text the model reads, not a counter-measure of 003
 *  with a switch), so that no ablation cell breaks them: each is shown able to fail by a mutant of that check, pinned in
 *  the test named, and is not suspect of holding vacuously. */
export const mutationOnlyProperties: Readonly<Record<string, string>> = {
  UserCommandOnlyFromSubscriber: 'the device token\'s MAC on the subscriber\'s own command (x.2.3 device token; 003 t7 cm3 (3) "an authorized command"): test/models/guardMutations.test.ts',
  ReleaseAgreesWithOldSho: 'the DPF\'s check of the old SHO\'s signed acknowledgment before it relays it (004 5.1.3.7.4.2 steps 10-11): test/properties/claims/ReleaseAgreesWithOldSho.test.ts',
  McimUpdateChangesOnlyTheInstanceItNames: 'the TRE\'s match of the instance an MCIM update names (004 5.1.3.4.3): test/properties/mutatedInstanceChecks.test.ts',
  LifecycleCommandAppliedOnlyByItsDevice: 'the TRE\'s test that a lifecycle command names its own device (004 5.1.2.4 [t7 cm1]), which no switch removes: test/properties/mutatedDeviceChecks.test.ts',
  ActivationOnlyOfInstalledMcim: 'the TRE\'s test that an activation object names an MCIM waiting Installed (004 5.1.1.1, 5.1.3.7.4.2): test/properties/mutatedInstanceChecks.test.ts',
};

/** Properties that no single switch breaks, only the switches given together (defence in depth), each pinned by its
 *  witness in test/properties/switches.test.ts (pairs) or test/properties/severalDevices.test.ts (the clone). */
export const combinationOnlyProperties: Readonly<Record<string, readonly SwitchId[]>> = {
  McimIssuedOnlyForValidPlatform: ['t1.cm4', 't6.cm4'],
  TrePlatformKeySecret: ['t4.cm2', 't4.cm3'],
  // Cloning into an honest second TRE needs the Ki out of the victim's TRE, the origin check and the binding gone.
  NoMcimCredentialInTwoTres: ['t2.cm3', 't2.cm4', 't12.cm2'],
};
