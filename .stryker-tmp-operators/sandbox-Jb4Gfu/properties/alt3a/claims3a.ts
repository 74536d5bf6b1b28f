// The claims checked on Alternative 3a, each citing 003 7.1.2.3.1.3. Safety invariants; the two that stand in for
// a liveness claim say so in their name's description.
import { roleView, type Alt3aState } from '../../models/alt3a/alt3aSystem.ts';
import { pastTraffic, trafficAfterChange, kiOld, kiNew, imsiOld } from '../../models/alt3a/terms3a.ts';
import { same } from '../../models/readTerm.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { attackerDerives, changeComplete, changeStepInFlight, show, stateOf, termIn } from './readers3a.ts';

/** Threat 2: "As the old MNO knows credentials like the subscriber key ... he is able to eavesdrop". */
export const oldOperatorCannotDeriveCredentialInUse: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('OldOperatorCannotDeriveCredentialInUse'),
  description: 'once the new MNO serves the subscriber, the attacker (the old MNO, in its scenario) cannot derive the Ki in use on the USIM',
  holds: (s) => !(changeComplete(s) && attackerDerives(s, termIn(s, 'usim', 'ki'))),
  explain: (s) => `expected the Ki in use unknown to the attacker after the change, actual: it derives ${show(termIn(s, 'usim', 'ki'))}`,
};

/** Threat 3: the new MNO "may use the now divulged subscriber keys to decrypt and read the previously recorded traffic". */
export const pastTrafficStaysConfidential: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('PastTrafficStaysConfidentialFromNewOperator'),
  description: 'the traffic of the session before the change is never read by the attacker (the new MNO, in its scenario)',
  holds: (s) => !attackerDerives(s, pastTraffic),
  explain: () => `expected the traffic recorded before the change unreadable, actual: the attacker derives ${pastTraffic.kind === 'name' ? pastTraffic.id : ''}`,
};

/** Threat 2: eavesdropping "on the traffic for this user in the future", or through a false base station. */
export const trafficAfterChangeStaysConfidential: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('TrafficAfterChangeStaysConfidentialFromOldOperator'),
  description: 'the traffic of the new MNO\'s session is never read by the attacker (the old MNO, in its scenario)',
  holds: (s) => !attackerDerives(s, trafficAfterChange),
  explain: () => 'expected the traffic after the change unreadable, actual: the attacker derives it',
};

/** Threat 2: "the old MNO may masquerade as the user towards the new MNO". */
export const newOperatorAuthenticatesOnlyTheUsim: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('NewOperatorAuthenticatesOnlyTheUsim'),
  description: 'the new MNO serves the subscriber only after the USIM itself answered its challenge',
  holds: (s) => !changeComplete(s) || (roleView(s, 'usim').context['answered'] as readonly string[]).includes('rand:new'),
  explain: () => 'expected the USIM to have answered the new MNO\'s challenge, actual: the new MNO accepted a response the USIM never gave',
};

/** Threat 2 cm 9: the IMSI change makes it "more difficult for old MNO to locate and identify the transferred users". */
export const transferredUserNotIdentifiable: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('TransferredUserNotIdentifiableByOldOperator'),
  description: 'once the new MNO serves the subscriber, the attacker does not know the IMSI in use',
  holds: (s) => !(changeComplete(s) && attackerDerives(s, termIn(s, 'usim', 'imsi'))),
  explain: (s) => `expected the IMSI in use unknown to the attacker, actual: it knows ${show(termIn(s, 'usim', 'imsi'))}`,
};

/** The editor's note: "obtaining sensitive information by monitoring interactions between the old NO and the new NO"
 *  ("concerns of NOs about exposing Ki to a third party"). 1a's McimSecretNeverLeaves with a third-party attacker. */
export const subscriberKeyNeverLeaves: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('SubscriberKeyNeverLeaves'),
  description: 'a third party (no operator) never derives the old or the new Ki',
  holds: (s) => !attackerDerives(s, kiOld) && !attackerDerives(s, kiNew),
  explain: () => 'expected no subscriber key in the third party\'s knowledge, actual: it derives one',
};

const oldMnoHolds = new Set(['Serving', 'Asked', 'AwaitingConfirmation', 'Refused']);
const newMnoHolds = new Set(['Transferred', 'ChangingOtaKeys', 'Rekeyed', 'ChangingKey', 'ChangingImsi', 'Authenticating', 'Serving']);

/** Threat 1 (safety stand-in for "the change completes without the old operator's help"): the old MNO's refusal
 *  never leaves a requested change stuck, the new MNO without the subscriber and nothing of the change in flight. */
export const changeNotBlockedByOldOperator: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('ChangeNotBlockedByOldOperator'),
  description: 'safety stand-in for a liveness claim: no state where the old MNO refused, the new MNO holds no subscriber and nothing of the change is in flight',
  holds: (s) => !(stateOf(s, 'oldMno') === 'Refused' && !newMnoHolds.has(stateOf(s, 'newMno')) && !changeStepInFlight(s)),
  explain: (s) => `expected the change to go on without the old MNO, actual: the old MNO refused and the new MNO is ${stateOf(s, 'newMno')} with nothing in flight`,
};

/** Threat 4 (safety stand-in for "service kept or regained"): when no message of the transfer or of an OTA change
 *  is in flight, an operator that holds the subscriber has the USIM's IMSI and Ki ("the modified USIM is not known
 *  or 'reachable' for either old or new MNO"). Named after 1a's claim of the same meaning. */
export const changeOfOperatorKeepsService3a: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('ChangeOfOperatorKeepsService'),
  description: 'safety stand-in for a liveness claim: with nothing of the change in flight, some operator holding the subscriber has the USIM\'s IMSI and Ki',
  holds: (s) => {
    if (changeStepInFlight(s)) return true;
    const imsi = termIn(s, 'usim', 'imsi');
    const ki = termIn(s, 'usim', 'ki');
    const oldKnows = oldMnoHolds.has(stateOf(s, 'oldMno')) && same(imsi ?? undefined, imsiOld) && same(ki ?? undefined, kiOld);
    const newKnows = newMnoHolds.has(stateOf(s, 'newMno')) && same(imsi ?? undefined, termIn(s, 'newMno', 'imsi') ?? undefined) && same(ki ?? undefined, termIn(s, 'newMno', 'ki') ?? undefined);
    return oldKnows || newKnows;
  },
  explain: (s) =>
    `expected an operator to know the USIM (${show(termIn(s, 'usim', 'imsi'))}, ${show(termIn(s, 'usim', 'ki'))}), actual: old MNO ${stateOf(s, 'oldMno')}, new MNO ${stateOf(s, 'newMno')} with (${show(termIn(s, 'newMno', 'imsi'))}, ${show(termIn(s, 'newMno', 'ki'))})`,
};

/** Sanity goal: a state where the new MNO serves the subscriber (the honest flow's goal). */
export const goalNeverReached3a: Invariant<Alt3aState> = {
  kind: 'invariant',
  id: propertyId('GoalNeverReached'),
  description: 'sanity: the new MNO never serves the subscriber (a violation is a run reaching the goal)',
  holds: (s) => !changeComplete(s),
};
