// The built-in scenarios: the five flows of 004 (5.1.3.6.2, 5.1.3.6.3, 5.1.3.7.4.2, 5.1.3.7.4.3, Annex x.1)
// with their variants, as `trecheck check` runs them.
import { resolveScenario, type ScenarioConfig, type ScenarioInput } from './ScenarioConfig.ts';

const inputs: readonly ScenarioInput[] = [
  { flow: 'initial-3gpp' },
  { flow: 'initial-non3gpp', access: 'non3gpp-authenticated' },
  { flow: 'initial-non3gpp', access: 'non3gpp-unauthenticated' },
  { flow: 'change-via-old-sho' },
  { flow: 'change-via-old-sho', bothMcimsPresent: true },
  { flow: 'change-via-pristine' },
  // 5.1.3.7.4.3 has no step that tells the DRF of the new SHO: the variants a reviewer asks about (docs/model.md).
  { flow: 'change-via-pristine', name: 'change-via-pristine-notice-acknowledged', assumptions: { changeNotice: 'acknowledged' } },
  { flow: 'change-via-pristine', name: 'change-via-pristine-no-notice', assumptions: { changeNotice: 'none' } },
  // 5.1.3.7.4.2 step 14 alone tells the DRF of the new SHO ("for future discovery queries"); the subscriber's notice
  // of 5.1.3.5.2 is optional ("may inform the RO").
  { flow: 'change-via-old-sho', name: 'change-via-old-sho-no-notice', assumptions: { changeNotice: 'none' } },
  { flow: 'delayed-activation' },
  // Two change-of-operator requests for one device, the second back to the old SHO, in flight together: the text has no
  // rule for a change requested while another is in progress (docs/threats.md).
  { flow: 'change-via-old-sho', name: 'change-via-old-sho-twice', changeRequests: 2 },
  // The same repeated provisioning into a TRE that stores 2 MCIMs, the Retired one kept "still instantiated" (5.1.1.1) as no
  // step deletes it: the third instance does not fit (docs/threats.md).
  {
    flow: 'change-via-old-sho', name: 'change-via-old-sho-twice-capacity-2', changeRequests: 2, treCapacity: 2,
    assumptions: { retiredDeletedAtCommit: false },
  },
  // The same with no storage bound: the old SHO's Retired instance stays, and its MCIM provisioned again is a new instance
  // beside it (5.1.1.1 Retired "still instantiated"), which the TRE takes.
  {
    flow: 'change-via-old-sho', name: 'change-via-old-sho-twice-retired-kept', changeRequests: 2,
    assumptions: { retiredDeletedAtCommit: false },
  },
];

/** Resolved presets, in a fixed order. */
export const presets: readonly ScenarioConfig[] = inputs.map((input) => {
  const r = resolveScenario(input);
  // The inputs above are constants checked by the test suite; a failure here is a programming error.
  if (!r.ok) throw new Error(`preset ${JSON.stringify(input)} is invalid: ${r.error.message}`);
  return r.config;
});

/** Presets whose name or flow id is `nameOrFlow`. */
export function presetsNamed(nameOrFlow: string): readonly ScenarioConfig[] {
  return presets.filter((p) => p.name === nameOrFlow || p.flow === nameOrFlow);
}
