// What `trecheck compare` sets side by side: each claim of both alternatives (or of one, the other "not
// applicable" with the reason), the attacker class it is checked under, and which scenario and property of each
// model states it. Mapped by meaning, not by name; docs/alternatives.md explains each mapping.
import type { Counterpart1a } from './run1aCounterparts.ts';
import { counterparts1a } from './run1aCounterparts.ts';

export type Side = { readonly scenario: string; readonly property: string } | { readonly notApplicable: string };
export type Side1a = { readonly counterpart: Counterpart1a; readonly note?: string } | { readonly notApplicable: string };

export interface RowSpec {
  readonly claim: string;
  readonly attacker: string;
  readonly a1: Side1a;
  readonly a3: Side;
}

const noTraffic = '1a models no user traffic after provisioning';

export const rowSpecs: readonly RowSpec[] = [
  {
    claim: 'after a change of operator the old operator cannot derive the credential in use',
    attacker: 'dishonest old operator (keeps what it knew; eavesdrops, false base station, masquerades)',
    a1: { counterpart: counterparts1a['oldOperator']!, note: 'the old SHO never derives the new SHO\'s Ki (5.1.3.7.3)' },
    a3: { scenario: 'a3a-t2-old-mno', property: 'OldOperatorCannotDeriveCredentialInUse' },
  },
  {
    claim: 'the same, with OTA keys the old operator never held (assumption a3a.f6 = new-mno)',
    attacker: 'dishonest old operator (as above)',
    a1: { counterpart: counterparts1a['oldOperator']! },
    a3: { scenario: 'a3a-t2-old-mno-fresh-ota-keys', property: 'OldOperatorCannotDeriveCredentialInUse' },
  },
  {
    claim: 'traffic recorded before the change stays confidential from the new operator',
    attacker: 'dishonest new operator that recorded the radio traffic',
    a1: { counterpart: counterparts1a['newOperator']!, note: `${noTraffic}: the new SHO never derives the old SHO's Ki, the key of past sessions` },
    a3: { scenario: 'a3a-t3-recorded-traffic', property: 'PastTrafficStaysConfidentialFromNewOperator' },
  },
  {
    claim: 'no third party derives a subscriber credential during the change',
    attacker: 'network attacker / monitor of the operators\' interaction',
    a1: { counterpart: counterparts1a['thirdParty']! },
    a3: { scenario: 'a3a-monitor', property: 'SubscriberKeyNeverLeaves' },
  },
  {
    claim: 'service is kept when a step of the change fails (safety stand-in)',
    attacker: 'faults (a lost or interrupted step)',
    a1: { counterpart: counterparts1a['faults']! },
    a3: { scenario: 'a3a-t4-faults', property: 'ChangeOfOperatorKeepsService' },
  },
  {
    claim: 'the change completes without the old operator\'s help (safety stand-in)',
    attacker: 'dishonest old operator that refuses',
    a1: { notApplicable: 'the 1a model gives the old SHO no refusal step' },
    a3: { scenario: 'a3a-t1-refusal', property: 'ChangeNotBlockedByOldOperator' },
  },
  {
    claim: 'traffic after the change stays confidential from the old operator',
    attacker: 'dishonest old operator (as above)',
    a1: { notApplicable: noTraffic },
    a3: { scenario: 'a3a-t2-old-mno', property: 'TrafficAfterChangeStaysConfidentialFromOldOperator' },
  },
  {
    claim: 'the new operator serves only the genuine USIM',
    attacker: 'dishonest old operator (as above)',
    a1: { notApplicable: '1a\'s network access is authenticated with the MCIM the new SHO issued itself' },
    a3: { scenario: 'a3a-t2-old-mno', property: 'NewOperatorAuthenticatesOnlyTheUsim' },
  },
  {
    claim: 'the transferred user cannot be identified by the old operator',
    attacker: 'dishonest old operator (as above)',
    a1: { notApplicable: 'the 1a model has no subscriber identity the old SHO could track' },
    a3: { scenario: 'a3a-t2-old-mno', property: 'TransferredUserNotIdentifiableByOldOperator' },
  },
];
