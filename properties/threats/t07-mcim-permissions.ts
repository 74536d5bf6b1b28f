// Threat 7, attacking the permissions of an installed MCIM: forged and replayed lifecycle commands from the network.
import { activateOnlyWithNoOtherActive } from '../claims/ActivateOnlyWithNoOtherActive.ts';
import { lifecycleChangesOnlyByOwner } from '../claims/LifecycleChangesOnlyByOwner.ts';
import { lifecycleCommandFollows5111 } from '../claims/LifecycleCommandFollows5111.ts';
import { lifecycleCommandAppliedOncePerIssue } from '../claims/LifecycleCommandAppliedOncePerIssue.ts';
import { lifecycleCommandAppliedOnlyByItsDevice } from '../claims/LifecycleCommandAppliedOnlyByItsDevice.ts';
import { atMostOneMcimActive } from '../AtMostOneMcimActive.ts';
import { mcimActivatedOnlyWithShoAuthorisation } from '../claims/McimActivatedOnlyWithShoAuthorisation.ts';
import { mcimUpdateAppliedOncePerIssue } from '../claims/McimUpdateAppliedOncePerIssue.ts';
import { mcimUpdateChangesOnlyTheInstanceItNames } from '../claims/McimUpdateChangesOnlyTheInstanceItNames.ts';
import { mcimUpdatedOnlyByItsSho } from '../claims/McimUpdatedOnlyByItsSho.ts';
import { releaseAgreesWithOldSho } from '../claims/ReleaseAgreesWithOldSho.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t07McimPermissions: ThreatCheck = {
  threat: 7,
  scenarios: [
    { name: 't7-forged-commands', flow: 'change-via-old-sho', bothMcimsPresent: true, attacker: { capabilities: ['network', 't7.commands'], injections: 2 } },
    // The owner blocks and unblocks its MCIM (5.1.2.4 lifecycle management); the network replays what it read.
    { name: 't7-replayed-commands', flow: 'initial-3gpp', shoCommands: ['BLOCK', 'UNBLOCK'], attacker: { capabilities: ['network'], injections: 1 } },
    // The attacker subscribes to the victim's SHO for a device of its own and carries that SHO's genuine commands for
    // its own MCIM to the victim's TRE, where an MCIM of the same SHO is in use (5.1.2.4: the command names a device).
    { name: 't7-own-subscription', flow: 'initial-3gpp', attacker: { capabilities: ['network', 't7.ownSubscription'], injections: 1 } },
    // The new SHO activates its MCIM, present beside the old one (5.1.3.7.4.2 variant), by a lifecycle command.
    { name: 't7-owner-activates', flow: 'change-via-old-sho', bothMcimsPresent: true, shoCommands: ['ACTIVATE'] },
    // The owners block their MCIMs where 5.1.1.1, as this scenario reads it, does not let an Installed MCIM be blocked
    // (assumption blockFromInstalled off): the new SHO's BLOCK of its MCIM waiting Installed is not applied.
    { name: 't7-owner-blocks-no-block-from-installed', flow: 'change-via-old-sho', bothMcimsPresent: true, shoCommands: ['BLOCK'], assumptions: { blockFromInstalled: false } },
    // The new SHO dishonest within its own keys: it may sign any lifecycle command for its own MCIM (5.1.2.4).
    { name: 't7-insider-sho', flow: 'change-via-old-sho', bothMcimsPresent: true, attacker: { capabilities: [], dishonest: 'sho2', injections: 1 } },
    // 003 t7 cm3: the subscriber sends its own DELETE for its SHO's MCIM, a control it must not override.
    { name: 't7-user-deletes', flow: 'initial-3gpp', userLifecycle: true },
    // 004 5.1.2.3 [t7 cm7]: the SHO updates its MCIM twice through the DPF (5.1.3.4.3); the network attacker forges
    // updates of its own and replays what it read.
    { name: 't7-forged-update', flow: 'initial-3gpp', shoUpdates: 2, attacker: { capabilities: ['network'], injections: 1 } },
    // The other SHO, dishonest within its own keys (authenticated in the TRE's PKI, not authorised for this MCIM), signs
    // an update for the victim SHO's MCIM; on the network it learns the registration nonce that names the instance.
    { name: 't7-insider-update', flow: 'initial-3gpp', shoUpdates: 1, attacker: { capabilities: ['network'], dishonest: 'sho2', injections: 1 } },
    // Two SHOs' MCIMs in one TRE (the both-present variant) and an update of the serving SHO's: the update must change
    // its own instance only. That SHO, dishonest within its own keys, signs updates that name the other SHO's MCIM.
    { name: 't7-update-two-instances', flow: 'change-via-old-sho', bothMcimsPresent: true, shoUpdates: 1, attacker: { capabilities: [], dishonest: 'sho1', injections: 1 } },
  ],
  properties: [
    { property: lifecycleChangesOnlyByOwner, checks: ['t7.cm1', 't7.cm10', 't7.cm3', '004 5.1.2.3', '004 5.1.2.4'] },
    { property: mcimActivatedOnlyWithShoAuthorisation, checks: ['t7.cm1', 't8.cm6', '004 5.1.1.1'] },
    { property: lifecycleCommandAppliedOncePerIssue, checks: ['t7.cm1', '004 5.1.2.4'] },
    { property: lifecycleCommandAppliedOnlyByItsDevice, checks: ['t7.cm1', '004 5.1.2.4'] },
    { property: lifecycleCommandFollows5111, checks: ['t7.cm1', '004 5.1.1.1', '004 5.1.2.4'] },
    { property: activateOnlyWithNoOtherActive, checks: ['004 5.1.1.1', '004 5.1.3.7.2'] },
    { property: atMostOneMcimActive, checks: ['004 5.1.3.7.2', '004 5.1.1.1'] },
    { property: mcimUpdatedOnlyByItsSho, checks: ['t7.cm7', '004 5.1.2.3'] },
    { property: mcimUpdateChangesOnlyTheInstanceItNames, checks: ['t7.cm7', '004 5.1.2.3'] },
    { property: mcimUpdateAppliedOncePerIssue, checks: ['t7.cm7', '004 5.1.2.3'] },
    // The DPF's commit of the new MCIM rests on the old SHO's release (5.1.3.7.4.2 steps 10-12): an insider new SHO
    // must not stand in for the old one.
    { property: releaseAgreesWithOldSho, checks: ['004 5.1.3.7.4.2 steps 10-11'] },
  ],
  knownFindings: {
    't7-forged-update/McimUpdateAppliedOncePerIssue':
      '5.1.2.3 asks only that MCIM updates be accepted "from an authorised, authenticated source" [t7 cm7]: nothing makes an ' +
      'update fresh (no nonce, counter or version rule). The SHO\'s update, read on the network, is applied again; replayed ' +
      'after the SHO\'s second update it rolls the MCIM back to the first.',
    't7-insider-update/McimUpdateAppliedOncePerIssue':
      'as t7-forged-update/McimUpdateAppliedOncePerIssue: nothing in 5.1.2.3 makes an MCIM update fresh; a replayed update is applied again.',
    't7-replayed-commands/LifecycleCommandAppliedOncePerIssue':
      '5.1.2.4 asks only that lifecycle instructions "come from a valid, authorised source": nothing in the text makes a ' +
      'command fresh (no nonce, counter or time). The owner\'s BLOCK, read on the network, is applied again after its UNBLOCK.',
    't7-owner-activates/ActivateOnlyWithNoOtherActive':
      '5.1.3.7.2 "at most one MCIM can be active", yet neither 5.1.1.1 nor 5.1.2.4 says the TRE refuses an ACTIVATE while ' +
      'another MCIM is active: in the both-present variant of 5.1.3.7.4.2 the new SHO activates its present MCIM beside the old one.',
    't7-owner-activates/AtMostOneMcimActive':
      'as t7-owner-activates/ActivateOnlyWithNoOtherActive: the owner\'s ACTIVATE leaves two MCIMs active (5.1.3.7.2).',
    't7-update-two-instances/AtMostOneMcimActive':
      'as t8-owner-unblocks-no-block-from-installed/AtMostOneMcimActive: the old SHO, dishonest within its own keys, unblocks its ' +
      'isolated MCIM after the switch (5.1.1.1 "Unblocking ... restored to the Activated state"; 5.1.3.7.4.2 does not say who may ' +
      'unblock it), two MCIMs active.',
    't7-insider-sho/ActivateOnlyWithNoOtherActive':
      'as t7-insider-sho/AtMostOneMcimActive: the TRE applies the insider SHO\'s ACTIVATE while the old MCIM is active (5.1.1.1, 5.1.3.7.2).',
    't7-insider-sho/AtMostOneMcimActive':
      '5.1.3.7.2 "at most one MCIM can be active", yet 5.1.1.1 lets an Installed MCIM be activated and 5.1.2.4 only asks that a ' +
      'lifecycle instruction come "from a valid, authorised source": in the both-present variant the new SHO\'s ACTIVATE for its ' +
      'waiting MCIM, signed with its own key, activates it beside the old SHO\'s MCIM in session (2 steps), every counter-measure on.',
  },
};
