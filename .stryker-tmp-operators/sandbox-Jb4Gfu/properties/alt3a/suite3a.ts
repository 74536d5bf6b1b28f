// The threat suite of Alternative 3a (003 7.1.2.3.1.3): each threat's scenarios with the attacker it describes,
// the claims checked on them, and the findings the text leads to (each explained in docs/alternatives.md).
import type { Alt3aInput } from '../../models/alt3a/Alt3aConfig.ts';
import type { Alt3aState } from '../../models/alt3a/alt3aSystem.ts';
import type { Invariant } from '../../src/engine/Property.ts';
import {
  changeNotBlockedByOldOperator, changeOfOperatorKeepsService3a, newOperatorAuthenticatesOnlyTheUsim, oldOperatorCannotDeriveCredentialInUse,
  pastTrafficStaysConfidential, subscriberKeyNeverLeaves, trafficAfterChangeStaysConfidential, transferredUserNotIdentifiable,
} from './claims3a.ts';

export interface Check3a {
  readonly property: Invariant<Alt3aState>;
  /** Clauses and counter-measures it checks. */
  readonly checks: readonly string[];
}

export interface Scenario3a {
  /** 0 for the honest flow, else the threat of 7.1.2.3.1.3 (5: the editor's note on monitoring the operators). */
  readonly threat: number;
  readonly input: Alt3aInput & { readonly name: string };
  readonly properties: readonly Check3a[];
  /** Findings about the text: property id -> why the text leaves the gap. */
  readonly known: Readonly<Record<string, string>>;
}

const oldMnoAttack: NonNullable<Alt3aInput['attacker']> = { insider: 'oldMno', capabilities: ['a3a.eavesdrop', 'a3a.falseBaseStation', 'a3a.masquerade'], injections: 1 };
const t2Properties: readonly Check3a[] = [
  { property: oldOperatorCannotDeriveCredentialInUse, checks: ['003 7.1.2.3.1.3 threat 2', 'a3a.t2.cm1'] },
  { property: trafficAfterChangeStaysConfidential, checks: ['003 7.1.2.3.1.3 threat 2', 'a3a.t2.cm1'] },
  { property: newOperatorAuthenticatesOnlyTheUsim, checks: ['003 7.1.2.3.1.3 threat 2', 'a3a.t2.cm1'] },
  { property: transferredUserNotIdentifiable, checks: ['003 7.1.2.3.1.3 threat 2', 'a3a.t2.cm2'] },
];
const otaReadable =
  '7.1.2.3.1.3 threat 2 cm 8/9 change Ki and IMSI by OTA, but OTA commands are enciphered with the card\'s OTA keys, which its issuer, the old MNO, set (a3a.f6): ' +
  'an old MNO that listens to the radio reads the new Ki and IMSI as they are sent. The text names no OTA keys the old MNO does not hold; ' +
  'with such keys (assumption otaKeys = new-mno, scenario a3a-t2-old-mno-fresh-ota-keys) the change closes the threat';

export const suite3a: readonly Scenario3a[] = [
  {
    threat: 0,
    input: { name: 'a3a-honest' },
    properties: [
      { property: newOperatorAuthenticatesOnlyTheUsim, checks: ['003 7.1.2.3.1'] },
      { property: changeOfOperatorKeepsService3a, checks: ['003 7.1.2.3.1.3 threat 4'] },
    ],
    known: {},
  },
  {
    threat: 1,
    input: { name: 'a3a-t1-refusal', attacker: { insider: 'oldMno', capabilities: ['a3a.refuse'] } },
    properties: [{ property: changeNotBlockedByOldOperator, checks: ['003 7.1.2.3.1.3 threat 1', 'a3a.t1.cm1'] }],
    known: {
      ChangeNotBlockedByOldOperator:
        '7.1.2.3.1.3 threat 1: the Ki is the old MNO\'s to transfer, and no step lets the new MNO serve the USIM without it; the text answers with a contract (cm 6), not a mechanism',
    },
  },
  {
    threat: 2,
    input: { name: 'a3a-t2-old-mno', attacker: oldMnoAttack },
    properties: t2Properties,
    known: {
      OldOperatorCannotDeriveCredentialInUse: otaReadable,
      TrafficAfterChangeStaysConfidentialFromOldOperator: otaReadable,
      NewOperatorAuthenticatesOnlyTheUsim: otaReadable,
      TransferredUserNotIdentifiableByOldOperator: otaReadable,
    },
  },
  {
    threat: 2,
    input: { name: 'a3a-t2-old-mno-fresh-ota-keys', attacker: oldMnoAttack, assumptions: { otaKeys: 'new-mno' } },
    properties: t2Properties,
    known: {
      TransferredUserNotIdentifiableByOldOperator:
        '7.1.2.3.1.3 threat 2 cm 9 makes the user "more difficult" to locate, not impossible: the IMSI goes in clear when the USIM attaches (a3a.f1), so an old MNO listening to the radio learns the new IMSI at the first attach after the change',
    },
  },
  {
    threat: 3,
    input: { name: 'a3a-t3-recorded-traffic', attacker: { insider: 'newMno', capabilities: ['a3a.eavesdrop'] } },
    properties: [{ property: pastTrafficStaysConfidential, checks: ['003 7.1.2.3.1.3 threat 3', 'a3a.t3.cm1'] }],
    known: {
      PastTrafficStaysConfidentialFromNewOperator:
        '7.1.2.3.1.3 threat 3: the transferred Ki is the key of the recorded sessions; an OTA key change after the transfer (cm 8 of threat 2) cannot change the past, and the only counter-measure (cm 8 of threat 3) is a legal prohibition',
    },
  },
  {
    threat: 4,
    input: { name: 'a3a-t4-faults', attacker: { capabilities: ['a3a.faults'] } },
    properties: [{ property: changeOfOperatorKeepsService3a, checks: ['003 7.1.2.3.1.3 threat 4', 'a3a.t4.cm1', 'a3a.t4.cm3'] }],
    known: {
      ChangeOfOperatorKeepsService:
        '7.1.2.3.1.3 threat 4 "if the new MNO decides to change subscriber key and/or IMSI using the OTA procedure ... a similar problem may result": a lost proof of receipt leaves the USIM on the new value and the new MNO on the old one (a3a.f8), and the old MNO has released the subscriber',
    },
  },
  {
    threat: 5,
    input: { name: 'a3a-monitor', attacker: { capabilities: ['a3a.monitor', 'a3a.eavesdrop'] } },
    properties: [{ property: subscriberKeyNeverLeaves, checks: ['003 7.1.2.3.1.2 editor\'s note', 'a3a.t4.cm1'] }],
    known: {},
  },
];
