// The 4 threats and 9 counter-measures of Alternative 3a (Ki transfer between operators) in TR 33.812 7.1.2.3.1.
// The TR numbers the lists oddly (6; 8-11; 8; 7-9): ids number them 1..n in order, `textNumber` keeps the TR's number.
import type { CounterMeasureData } from './alternative1.ts';
import type { ThreatData } from './CounterMeasureRecord.ts';

export const alternative3aThreats: Readonly<Record<number, ThreatData>> = {
  1: { title: 'Original MNO refuses to help transfer the subscription', likelihood: [1], impact: [2], risk: [2], category: 'minor' },
  2: { title: 'Original MNO attacks subscribers after their transfer', likelihood: [1], impact: [3], risk: [3], category: 'minor' },
  3: { title: 'New MNO decrypts traffic it recorded before the transfer', likelihood: [1], impact: [1], risk: [1], category: 'minor' },
  4: { title: 'Users lose service through a failed transfer', likelihood: [1], impact: [2], risk: [2], category: 'minor' },
};

/** Values: [number printed in the TR, summary or summary with the reason it cannot be modelled]. */
export const alternative3aCounterMeasures = {
  'a3a.t1.cm1': [6, { summary: 'A contract obliges the old MNO to cooperate when the subscriber changes operator', notModelable: 'a contract, enforced by law, not by protocol' }],
  'a3a.t2.cm1': [8, 'The new MNO changes the subscriber key over the air after the transfer'],
  'a3a.t2.cm2': [9, 'The new MNO changes the IMSI over the air; transfer IMSIs are temporary'],
  'a3a.t2.cm3': [10, { summary: 'The new MNO watches transferred users\' traffic with fraud detection', notModelable: 'statistical monitoring of operations, not a protocol step' }],
  'a3a.t2.cm4': [11, { summary: 'Contracts forbid the old MNO to keep old credentials, backed by liability and inspections', notModelable: 'a contract, enforced by law and audit' }],
  'a3a.t3.cm1': [8, { summary: 'Law and contracts forbid recording competitors\' traffic', notModelable: 'a legal prohibition, not protocol behaviour' }],
  // Modelled by its "secure" part: the keys go over a protected operator-to-operator channel (switch a3a.t4.cm1).
  'a3a.t4.cm1': [7, 'Administrative procedures for transferring keys between operators are well defined and secure'],
  'a3a.t4.cm2': [8, { summary: 'A common M2M Milenage profile is specified for all M2M USIMs', notModelable: 'a standardisation choice of algorithm parameters, no behaviour to check' }],
  // Modelled by the parameter that matters for threat 2: the card's OTA keys, replaced by the new MNO (switch a3a.t4.cm3).
  'a3a.t4.cm3': [9, 'The USIM parameters each MNO must delete, change or insert at transfer are specified, with access conditions'],
} as const satisfies Record<string, readonly [number, CounterMeasureData]>;
