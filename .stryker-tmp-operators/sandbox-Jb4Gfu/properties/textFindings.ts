// The known findings about the text, stated over scenario options rather than scenario names, so that a user's own
// scenario can tell a violation that is one of them from a false alarm. Each rule names the baselined built-in
// scenario/property it generalises (reports/baseline.json accepts exactly those) and the clauses that leave the gap.
import type { ScenarioConfig } from '../models/flows/ScenarioConfig.ts';

export interface TextFindingRule {
  /** The property whose violation the rule accounts for. */
  readonly property: string;
  /** The built-in scenario whose baselined finding it is (`scenario/property` in reports/baseline.json). */
  readonly baselined: string;
  readonly clauses: string;
  readonly applies: (config: ScenarioConfig) => boolean;
}

const unblocks = (c: ScenarioConfig): boolean => c.shoCommands.includes('UNBLOCK');

export const textFindingRules: readonly TextFindingRule[] = [
  {
    property: 'HonestRunEndsAtGoal', baselined: 'change-via-pristine/HonestRunEndsAtGoal',
    clauses: '5.1.3.7.4.3 has no step telling the DRF of the new SHO; the notice (an assumption) races the new discovery',
    applies: (c) => c.flow === 'change-via-pristine' && c.assumptions.changeNotice === 'unordered',
  },
  {
    property: 'HonestRunEndsAtGoal', baselined: 'change-via-pristine-no-notice/HonestRunEndsAtGoal',
    clauses: '5.1.3.7.4.3 as written: the DRF is never told of the new SHO',
    applies: (c) => c.flow === 'change-via-pristine' && c.assumptions.changeNotice === 'none',
  },
  {
    property: 'AtMostOneMcimActive', baselined: 't8-owner-unblocks/AtMostOneMcimActive',
    clauses: '5.1.1.1 lets an owner unblock its MCIM to Activated; 5.1.3.7.2 "at most one MCIM can be active"; 5.1.3.7.4.2 does not say who may unblock the isolated one',
    applies: (c) => c.bothMcimsPresent && unblocks(c),
  },
  {
    property: 'McimActivatedOnlyWithShoAuthorisation', baselined: 't8-owner-unblocks/McimActivatedOnlyWithShoAuthorisation',
    clauses: '5.1.1.1 does not say from which states an MCIM may be blocked; unblocking an Installed-then-Blocked MCIM activates it unauthorised',
    applies: (c) => c.bothMcimsPresent && unblocks(c) && c.assumptions.blockFromInstalled,
  },
  {
    property: 'AtMostOneMcimActive', baselined: 't7-owner-activates/ActivateOnlyWithNoOtherActive',
    clauses: '5.1.3.7.2 "at most one MCIM can be active", yet the TRE is not told to refuse an owner\'s ACTIVATE beside an active MCIM',
    applies: (c) => c.bothMcimsPresent && c.shoCommands.includes('ACTIVATE'),
  },
  {
    property: 'ActivateOnlyWithNoOtherActive', baselined: 't7-owner-activates/ActivateOnlyWithNoOtherActive',
    clauses: '5.1.1.1 and 5.1.2.4 do not say the TRE refuses an ACTIVATE while another MCIM is active',
    applies: (c) => c.bothMcimsPresent && c.shoCommands.includes('ACTIVATE'),
  },
  {
    property: 'ChangeOfOperatorKeepsService', baselined: 't11-faults/ChangeOfOperatorKeepsService',
    clauses: '5.1.3.7.4.2 step 8 discards the old MCIM before step 12 provisions the new one: a reset in between leaves no usable MCIM',
    applies: (c) => c.flow === 'change-via-old-sho' && (c.lifecycleActions || c.attacker.capabilities.includes('t11.faults')),
  },
  // No step of 004 restores service after a fault or a local lifecycle action (t11 cm1's reset exists only as the
  // first step of 5.1.3.7.4.3).
  ...(['ServiceRecoverable', 'ServiceEventually'] as const).map((property) => ({
    property, baselined: `t11-faults/${property}`,
    clauses: '004 has no step that restores service after a fault (t11 cm1); 5.1.3.7.4.3 step 3 is the start of a change of operator',
    applies: (c: ScenarioConfig) => c.lifecycleActions || c.attacker.capabilities.includes('t11.faults') || c.faults.eraseMcim,
  })),
  // The same race seen by the properties of service and of the subscriber's choice: the M2ME rediscovers before the
  // DRF learns the new SHO, registers at the old one, and the new SHO's MCIM never comes.
  ...(['SubscriberChoiceHonoured', 'ServiceRecoverable', 'ServiceEventually'] as const).flatMap((property) => [
    {
      property, baselined: 'change-via-pristine/HonestRunEndsAtGoal',
      clauses: '5.1.3.7.4.3 has no step telling the DRF of the new SHO; the notice (an assumption) races the new discovery',
      applies: (c: ScenarioConfig) => c.flow === 'change-via-pristine' && c.assumptions.changeNotice === 'unordered',
    },
    {
      property, baselined: 'change-via-pristine-no-notice/HonestRunEndsAtGoal',
      clauses: '5.1.3.7.4.3 as written: the DRF is never told of the new SHO',
      applies: (c: ScenarioConfig) => c.flow === 'change-via-pristine' && c.assumptions.changeNotice === 'none',
    },
  ]),
];

/** The rules that account for a violation of `property` in `config` (empty: a violation there is not a known finding). */
export function textFindingsFor(config: ScenarioConfig, property: string): readonly TextFindingRule[] {
  return textFindingRules.filter((r) => r.property === property && r.applies(config));
}
