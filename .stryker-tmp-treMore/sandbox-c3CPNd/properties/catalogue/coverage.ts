// How the model accounts for every counter-measure of Alternative 1 that has no switch of its own: stated as a
// property whose mechanisms are other switches, the sum of other switches, or not modelled, with the reason.
// Counter-measures no protocol model can check (contracts, certification) say why in the catalogue itself.
import { switchOf, type SwitchId } from '../../models/counterMeasures/switches.ts';
import { counterMeasureCatalogue } from './counterMeasureCatalogue.ts';

export type Coverage =
  | { readonly kind: 'switch'; readonly switch: SwitchId }
  | { readonly kind: 'property'; readonly property: string; readonly note: string }
  | { readonly kind: 'umbrella'; readonly switches: readonly SwitchId[]; readonly note: string }
  | { readonly kind: 'not-modelled'; readonly reason: string }
  | { readonly kind: 'not-modelable'; readonly reason: string };

const userControls = 'the TR leaves these control objects (ACLs, user settings) and their semantics unspecified ("may be specified by a stakeholder", 004 5.1.2.3); the model has no controls beyond the owner\'s signature ([t7 cm1])';
const policy = 'every TRE check in the model is this policy; its parts are the TRE\'s switches, and switching all of it off would remove the TRE';

export const unswitched: Readonly<Record<string, Exclude<Coverage, { kind: 'switch' } | { kind: 'not-modelable' }>>> = {
  't2.cm2': { kind: 'umbrella', switches: ['t5.cm3', 't2.cm4'], note: 'the secure protocol carrying the MCIM: its content encrypted for the TRE key ([t5 cm3]) under the SHO\'s signature ([t2 cm4])' },
  't2.cm1': { kind: 'umbrella', switches: ['t5.cm3', 't2.cm4', 't12.cm2', 't2.cm6'], note: 'the secure in-band provisioning protocol as a whole: confidentiality, origin, binding to the registration and its freshness' },
  't3.cm2': { kind: 'umbrella', switches: ['t2.cm4', 't12.cm2', 't2.cm6', 't5.cm3'], note: 'an MCIM locked to its TRE: origin checked, bound to the registration and to the TRE key (InstalledMcimWasIssuedForThisTre)' },
  't4.cm4': { kind: 'umbrella', switches: ['t4.cm2', 't4.cm3', 't6.cm4', 't6.cm5', 't7.cm1', 't8.cm1', 't8.cm8'], note: policy },
  't6.cm3': { kind: 'umbrella', switches: ['t4.cm2', 't4.cm3', 't6.cm4', 't6.cm5', 't7.cm1', 't8.cm1', 't8.cm8'], note: policy },
  't8.cm3': { kind: 'umbrella', switches: ['t7.cm1', 't8.cm1', 't8.cm8'], note: policy },
  't8.cm7': { kind: 'umbrella', switches: ['t7.cm1', 't8.cm8'], note: 'the TRE registry (5.1.2.3) is the state every MCIM property reads; its lifecycle and security status are kept by the switched mechanisms' },
  't9.cm1': { kind: 'property', property: 'NoSecretInClearOnHostInterface', note: 'stated as the claim; what breaks it is the TRE handing out credentials ([t2 cm3], [t4 cm2] with [t4 cm3], [t8 cm1] switched off)' },
  't9.cm5': { kind: 'property', property: 'NoSecretInClearOnHostInterface', note: 'stated as the claim: nothing sensitive crosses to the host, which the t3 and t9 scenarios treat as compromised' },
  't10.cm1': { kind: 'umbrella', switches: ['t10.cm6', 't10.cm7'], note: 'the TRE\'s user authentication exists (004 5.1.2.2); its protections are the switched parts' },
  't10.cm2': { kind: 'umbrella', switches: ['t10.cm6', 't10.cm7'], note: 'as t10 cm1' },
  't10.cm12': { kind: 'umbrella', switches: ['t2.cm3'], note: 'only the TRE handles security, here of user access: the same mechanism as [t2 cm3]' },
  't11.cm1': { kind: 'property', property: 'ServiceRecoverable', note: 'stated as the claim (AG EF service, with ServiceEventually under weak fairness); the factory reset it asks for exists only as 5.1.3.7.4.3 step 3, and the claim fails in t11-faults, a finding' },
  't7.cm2': { kind: 'not-modelled', reason: userControls },
  't7.cm4': { kind: 'not-modelled', reason: userControls },
  't8.cm4': { kind: 'not-modelled', reason: userControls },
  't7.cm5': { kind: 'not-modelled', reason: 'no message in 004 lets an SHO ask the TRE for its MCIM\'s integrity (5.1.2.3 checks at boot and reset only)' },
  't7.cm6': { kind: 'not-modelled', reason: 'the MCIM discovery service of 5.1.2.3 has no message flow in 004; the model\'s DRF discovers the SHO, not the MCIMs' },
  't7.cm7': { kind: 'not-modelled', reason: '004 has no MCIM update flow; lifecycle instructions, the nearest, are [t7 cm1]' },
  't7.cm9': { kind: 'not-modelled', reason: 'a statement of scope (the provisioning function also de-provisions), no security behaviour; deletion by the owner is modelled under [t7 cm1]' },
  't8.cm2': { kind: 'not-modelled', reason: 'MCIMs sharing functions (5.1.2.3) has no interface in the flows; a read across stakeholders is [t8 cm1]' },
  't8.cm9': { kind: 'not-modelled', reason: 'an optional audit record ("may") that nothing in the text consults' },
  't9.cm2': { kind: 'umbrella', switches: ['t10.cm5'], note: 'the model\'s TRE has one other trusted component, the device\'s keypad (scenario field userPinEntry), and their channel is the keypad tunnel of [t10 cm5]' },
  't9.cm3': { kind: 'not-modelled', reason: 'the one secure channel of the model, the keypad tunnel ([t10 cm5]), ends in the keypad and the TRE; the host only relays it, so no operation of it could be placed in untrusted code' },
  't10.cm3': { kind: 'not-modelled', reason: 'MCIM-specific user authentication has no interface in 004' },
  't10.cm4': { kind: 'not-modelled', reason: 'no user interaction data in the flows to monitor' },
  't10.cm9': { kind: 'not-modelled', reason: 'a timer: the engine checks untimed safety properties' },
  't10.cm11': { kind: 'not-modelled', reason: 'user-settable protection levels are not described in 004' },
};

/** How counter-measure `id` (Alternative 1) is accounted for; undefined for an unknown id. */
export function coverageOf(id: string): Coverage | undefined {
  const c = counterMeasureCatalogue.find((x) => x.id === id);
  if (c === undefined) return undefined;
  if (!c.modelable) return { kind: 'not-modelable', reason: c.notModelableBecause ?? '' };
  const sw = switchOf(id);
  if (sw !== undefined) return { kind: 'switch', switch: sw.id };
  return unswitched[id];
}
