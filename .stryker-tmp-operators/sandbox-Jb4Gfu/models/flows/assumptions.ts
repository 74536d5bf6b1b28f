// The steps and protections the text does not give, each a switchable assumption of a scenario (`assumptions` in
// models/flows/ScenarioConfig.ts; docs/model.md's Assumptions table): its id, default, the clause whose gap it fills,
// and what it means in a config. `assumptionsInForce` names them for a verdict's scope.
import type { ScenarioConfig } from './ScenarioConfig.ts';

type Assumptions = ScenarioConfig['assumptions'];
export type AssumptionId = keyof Assumptions;

export interface AssumptionRecord {
  readonly id: AssumptionId;
  readonly default: string;
  /** The clause whose gap it fills, and what the text says or leaves out there. */
  readonly fills: string;
  /** One line: what the scenario assumes with this value. */
  readonly meaning: (value: Assumptions[AssumptionId]) => string;
}

export const assumptionRecords: readonly AssumptionRecord[] = [
  {
    id: 'portalProtected', default: 'true',
    fills: 'x.2.3 names no channel for the device token; x.1 asks for "an appropriately protected web portal"',
    meaning: (v) => (v ? 'the subscriber\'s portal to the SHO and the RO is closed to the network attacker' : 'the subscriber\'s portal is open to the network attacker'),
  },
  {
    id: 'manufacturingClosed', default: 'true',
    fills: '5.1.2.2 pre-provisions the TRE "in a secure, out-of-band facility" and 5.1.3.5.8 has the PVA obtain the PfC "in a secure manner"; the text names no channel for the CCIF credentials to the RO (5.1.3.4.1) nor for the device and its token reaching the subscriber (5.1.3.3.4, x.2.3)',
    meaning: (v) => (v ? 'manufacturing and supply links (supplier to TRE, RO, PVA, subscriber) are closed' : 'manufacturing and supply links are open to the network attacker'),
  },
  {
    id: 'operatorLinksClosed', default: 'true',
    fills: '5.1.3.6.2 and 5.1.3.7.4 draw the links between operators (RO-VNO, ICSP-RO, PVA-SHO, RO-SHO) but say nothing of their protection',
    meaning: (v) => (v ? 'operator links (RO-VNO, ICSP-RO, PVA-SHO, RO-SHO) are closed' : 'operator links are open to the network attacker'),
  },
  {
    id: 'atDeviceClosed', default: 'true',
    fills: '5.1.3.7.4.2 and 5.1.3.7.4.3 step 2 "the M2ME subscriber contacts the M2ME and instructs it" name no channel; x.1 switching the M2ME on',
    meaning: (v) => (v ? 'the subscriber reaches the M2ME at the device (no attacker on that link)' : 'the subscriber\'s link to the M2ME is open to the network attacker'),
  },
  {
    id: 'blockFromInstalled', default: 'true',
    fills: '5.1.1.1 does not say from which states an MCIM may be blocked',
    meaning: (v) => (v ? 'an Installed MCIM can be Blocked' : 'an Installed MCIM cannot be Blocked'),
  },
  {
    id: 'changeNotice', default: 'unordered',
    fills: '5.1.3.7.4.3 has no step telling the DRF of the new SHO (5.1.3.5.2 "inform the RO" is optional; 5.1.3.7.2 leaves the coordinator FFS)',
    meaning: (v) => `the DRF learns the new SHO in a change of operator: ${String(v)}`,
  },
  {
    id: 'storageFull', default: 'refuse',
    fills: '5.1.2.2 "secure storage ... for multiple MCIMs" and 5.1.3.7.2 "the option to have more than one MCIM stored" name no storage bound, and nothing says what a full TRE does with a new MCIM (scenario field treCapacity)',
    meaning: (v) => (v === 'refuse' ? 'a TRE whose storage is full refuses a new MCIM' : 'a TRE whose storage is full first deletes its Retired MCIMs, then refuses a new MCIM if still full'),
  },
  {
    id: 'retiredDeletedAtCommit', default: 'true',
    fills: '5.1.3.7.4.2 step 8 discards the old SHO\'s credentials (5.1.1.1 Retired: "still instantiated in the M2ME"); no step removes the instance from memory (5.1.1.1 Deleted)',
    meaning: (v) => (v ? 'step 12 deletes the Retired old MCIM from the TRE' : 'a Retired MCIM stays instantiated in the TRE (the text as written)'),
  },
];

export interface AssumptionInForce {
  readonly id: AssumptionId;
  readonly value: Assumptions[AssumptionId];
  /** One line, e.g. "operator links (...) are closed". */
  readonly text: string;
  readonly fills: string;
}

/** Every switchable assumption of `config` with its value, in the order of assumptionRecords. */
export function assumptionsInForce(config: ScenarioConfig): readonly AssumptionInForce[] {
  return assumptionRecords.map((a) => ({ id: a.id, value: config.assumptions[a.id], text: a.meaning(config.assumptions[a.id]), fills: a.fills }));
}
