// Threat 7, attacking the permissions of an installed MCIM: forged and replayed lifecycle commands from the network.
import { activateOnlyWithNoOtherActive } from '../claims/ActivateOnlyWithNoOtherActive.ts';
import { lifecycleChangesOnlyByOwner } from '../claims/LifecycleChangesOnlyByOwner.ts';
import { lifecycleCommandAppliedOncePerIssue } from '../claims/LifecycleCommandAppliedOncePerIssue.ts';
import { mcimActivatedOnlyWithShoAuthorisation } from '../claims/McimActivatedOnlyWithShoAuthorisation.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t07McimPermissions: ThreatCheck = {
  threat: 7,
  scenarios: [
    { name: 't7-forged-commands', flow: 'change-via-old-sho', bothMcimsPresent: true, attacker: { capabilities: ['network', 't7.commands'], injections: 2 } },
    // The owner blocks and unblocks its MCIM (5.1.2.4 lifecycle management); the network replays what it read.
    { name: 't7-replayed-commands', flow: 'initial-3gpp', shoCommands: ['BLOCK', 'UNBLOCK'], attacker: { capabilities: ['network'], injections: 1 } },
    // The new SHO activates its MCIM, present beside the old one (5.1.3.7.4.2 variant), by a lifecycle command.
    { name: 't7-owner-activates', flow: 'change-via-old-sho', bothMcimsPresent: true, shoCommands: ['ACTIVATE'] },
  ],
  properties: [
    { property: lifecycleChangesOnlyByOwner, checks: ['t7.cm1', 't7.cm10', '004 5.1.2.3', '004 5.1.2.4'] },
    { property: mcimActivatedOnlyWithShoAuthorisation, checks: ['t7.cm1', 't8.cm6', '004 5.1.1.1'] },
    { property: lifecycleCommandAppliedOncePerIssue, checks: ['t7.cm1', '004 5.1.2.4'] },
    { property: activateOnlyWithNoOtherActive, checks: ['004 5.1.1.1', '004 5.1.3.7.2'] },
  ],
  knownFindings: {
    't7-replayed-commands/LifecycleCommandAppliedOncePerIssue':
      '5.1.2.4 asks only that lifecycle instructions "come from a valid, authorised source": nothing in the text makes a ' +
      'command fresh (no nonce, counter or time). The owner\'s BLOCK, read on the network, is applied again after its UNBLOCK.',
    't7-owner-activates/ActivateOnlyWithNoOtherActive':
      '5.1.3.7.2 "at most one MCIM can be active", yet neither 5.1.1.1 nor 5.1.2.4 says the TRE refuses an ACTIVATE while ' +
      'another MCIM is active: in the both-present variant of 5.1.3.7.4.2 the new SHO activates its present MCIM beside the old one.',
  },
};
