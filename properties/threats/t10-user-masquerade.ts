// Threat 10, access to TRE or MCIM functions by masquerading as the user: guesses of the user credential at the
// device and over the network.
import { remoteGuessesCannotLockPlatform } from '../claims/RemoteGuessesCannotLockPlatform.ts';
import { userCommandOnlyFromSubscriber } from '../claims/UserCommandOnlyFromSubscriber.ts';
import { userCredentialBlockedAfterNWrongTries } from '../claims/UserCredentialBlockedAfterNWrongTries.ts';
import { noSecretInClearOnHostInterface } from '../claims/NoSecretInClearOnHostInterface.ts';
import { instructionOnlyForAuthenticatedUser } from '../claims/InstructionOnlyForAuthenticatedUser.ts';
import { keypadEntryTakenOnce } from '../claims/KeypadEntryTakenOnce.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t10UserMasquerade: ThreatCheck = {
  threat: 10,
  scenarios: [
    { name: 't10-pin-guessing', flow: 'change-via-old-sho', attacker: { capabilities: ['t10.localGuess', 't10.remoteGuess'], injections: 4 } },
    // t10 cm5: the user enters its PIN at the device while a monitor of the host interface (t9's) watches for it.
    { name: 't10-pin-entry-bus-monitor', flow: 'change-via-old-sho', userPinEntry: true, attacker: { capabilities: ['t9.busMonitor'], injections: 0 } },
    // t10 cm10: the subscriber's instruction gated by the user's authentication at the device (the user enters its PIN).
    { name: 't10-gated-instruction', flow: 'change-via-old-sho', userPinEntry: true, userGate: true },
    // The same gate against a guesser at the keypad: a wrong PIN taken as right would open it (the mutant of the PIN
    // comparison in userAuthenticated that no other scenario tells apart).
    { name: 't10-gated-guessing', flow: 'change-via-old-sho', userPinEntry: true, userGate: true, attacker: { capabilities: ['t10.localGuess'], injections: 1 } },
    // t10 cm5's tunnel against replay: a monitor of the host interface (t9) that also enters credentials there (t10)
    // records the user's keypad entry and delivers it to the TRE again.
    { name: 't10-keypad-replay', flow: 'change-via-old-sho', userPinEntry: true, attacker: { capabilities: ['t9.busMonitor', 't10.localGuess'], injections: 1 } },
    // 003 t7 cm3 (3): a control the user may override, by "an authorized command" (the model's one user command is its
    // lifecycle command, so [t7 cm3], which keeps the user from overriding that one, is off here). Malware on the host
    // (t3) reads the subscriber's command and forges its own: only the subscriber's, authenticated with the device token,
    // may be applied.
    { name: 't10-user-command', flow: 'initial-3gpp', userLifecycle: true, off: ['t7.cm3'], attacker: { capabilities: ['t3.malware'], injections: 1 } },
  ],
  properties: [
    { property: userCredentialBlockedAfterNWrongTries, checks: ['t10.cm6', '004 5.1.2.2'] },
    { property: remoteGuessesCannotLockPlatform, checks: ['t10.cm7', '004 5.1.2.2'] },
    { property: noSecretInClearOnHostInterface, checks: ['t10.cm5', '004 5.1.2.2'] },
    { property: instructionOnlyForAuthenticatedUser, checks: ['t10.cm10', '004 5.1.2.2', '004 5.1.3.7.4.2 step 2'] },
    { property: keypadEntryTakenOnce, checks: ['t10.cm5', '004 5.1.2.2'] },
    { property: userCommandOnlyFromSubscriber, checks: ['t7.cm3', '004 5.1.2.3'] },
  ],
};
