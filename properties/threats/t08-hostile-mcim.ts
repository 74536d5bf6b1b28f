// Threat 8, another MCIM or malicious software extracts or corrupts MCIM data: a co-resident MCIM of the other
// stakeholder reaches for the victim's, and MCIM code is corrupted.
import { atMostOneMcimActive } from '../AtMostOneMcimActive.ts';
import { activationOnlyOfInstalledMcim } from '../claims/ActivationOnlyOfInstalledMcim.ts';
import { mcimActivatedOnlyWithShoAuthorisation } from '../claims/McimActivatedOnlyWithShoAuthorisation.ts';
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import { modifiedMcimNeverSelectedAfterBoot } from '../claims/ModifiedMcimNeverSelectedAfterBoot.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

const bothPresent = { flow: 'change-via-old-sho', bothMcimsPresent: true } as const;

export const t08HostileMcim: ThreatCheck = {
  threat: 8,
  scenarios: [
    { name: 't8-hostile-mcim', ...bothPresent, attacker: { capabilities: ['t8.hostileMcim'] } },
    { name: 't8-corrupted-mcim', ...bothPresent, attacker: { capabilities: ['t11.faults'] } },
    // The MCIMs' owners may block, unblock and delete them (5.1.1.1, 5.1.2.4).
    { name: 't8-owner-unblocks', ...bothPresent, shoCommands: ['UNBLOCK'], attacker: { capabilities: ['t11.faults'] } },
    { name: 't8-owner-unblocks-no-block-from-installed', ...bothPresent, shoCommands: ['UNBLOCK'], assumptions: { blockFromInstalled: false }, attacker: { capabilities: ['t11.faults'] } },
  ],
  properties: [
    { property: mcimSecretNeverLeaves, checks: ['t8.cm1', 't8.cm5', '004 5.1.2.2'] },
    { property: modifiedMcimNeverSelectedAfterBoot, checks: ['t8.cm8', '004 5.1.2.3'] },
    { property: mcimActivatedOnlyWithShoAuthorisation, checks: ['t8.cm6', '004 5.1.1.1'] },
    { property: atMostOneMcimActive, checks: ['004 5.1.3.7.2', '004 5.1.1.1'] },
    { property: activationOnlyOfInstalledMcim, checks: ['t8.cm8', '004 5.1.1.1', '004 5.1.3.7.4.2'] },
  ],
  knownFindings: {
    't8-owner-unblocks/ModifiedMcimNeverSelectedAfterBoot':
      '003 t8 cm8 says an MCIM found modified is blocked "permanently"; 004 5.1.2.3 only places it in Blocked, and 5.1.1.1 lets ' +
      'unblocking restore it to Activated: the owner\'s UNBLOCK makes the modified code usable again. The model follows 004.',
    't8-owner-unblocks-no-block-from-installed/ModifiedMcimNeverSelectedAfterBoot':
      'as in t8-owner-unblocks: 004 lets the owner unblock a modified MCIM (5.1.1.1), where 003 t8 cm8 says "permanently".',
    't8-owner-unblocks/AtMostOneMcimActive':
      '5.1.3.7.2 "at most one MCIM can be active", yet 5.1.1.1 lets an owner unblock its MCIM: the new SHO\'s MCIM, waiting Installed ' +
      'in the both-present variant, is blocked by the integrity check at a reset (blocking from Installed, an assumption) and its ' +
      'owner\'s UNBLOCK activates it beside the old one; without that assumption the old SHO\'s UNBLOCK of its isolated MCIM after ' +
      'the switch does the same (5.1.3.7.4.2 does not say who may unblock it).',
    't8-owner-unblocks-no-block-from-installed/AtMostOneMcimActive':
      'as in t8-owner-unblocks: the old SHO may unblock its isolated MCIM after the switch (5.1.1.1, 5.1.3.7.4.2), two MCIMs active.',
    't8-owner-unblocks/McimActivatedOnlyWithShoAuthorisation':
      '5.1.1.1 does not say from which states an MCIM may be blocked; if an Installed MCIM can be Blocked (the integrity check ' +
      'of 5.1.2.3 at a reset), "Unblocking ... restored to the Activated state" activates an MCIM its SHO never activated ' +
      '(in the both-present variant the new SHO\'s MCIM waits Installed). Without that assumption the claim holds ' +
      '(t8-owner-unblocks-no-block-from-installed).',
  },
};
