// Threat 10, access to TRE or MCIM functions by masquerading as the user: guesses of the user credential at the
// device and over the network.
import { remoteGuessesCannotLockPlatform } from '../claims/RemoteGuessesCannotLockPlatform.ts';
import { userCredentialBlockedAfterNWrongTries } from '../claims/UserCredentialBlockedAfterNWrongTries.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t10UserMasquerade: ThreatCheck = {
  threat: 10,
  scenarios: [{ name: 't10-pin-guessing', flow: 'change-via-old-sho', attacker: { capabilities: ['t10.localGuess', 't10.remoteGuess'], injections: 4 } }],
  properties: [
    { property: userCredentialBlockedAfterNWrongTries, checks: ['t10.cm6', '004 5.1.2.2'] },
    { property: remoteGuessesCannotLockPlatform, checks: ['t10.cm7', '004 5.1.2.2'] },
  ],
};
