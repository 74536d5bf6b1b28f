// The attacker's capabilities, each named after the threat of 003 (7.1.2.1) it serves. A scenario mixes in
// exactly the ones it names; `network` is the Dolev-Yao attacker on every open channel.
export const capabilities = {
  network: 'Dolev-Yao attacker on every open channel: reads every message, replays any it has read and injects any message of a kind some role accepts that it can build from its knowledge (typed Dolev-Yao synthesis)',
  't1.clone': 'copies everything the M2ME host platform holds (a clone of the device outside its TRE)',
  't3.malware': 'malware on the host: reads host memory and the host-TRE interface, and calls the TRE\'s interfaces',
  't4.logical': 'logical attack on the TRE through its interfaces from the host (calls the key-management interface, reads the answers)',
  't4.tamper': 'physical attack on the TRE, which its tamper detection may notice',
  't5.emulatedTre': 'an emulated TRE: a platform key of the attacker\'s own, registering under the victim\'s PCID with a PfC it made',
  't5.otherTre': 'another genuine TRE (dev2) under the attacker\'s control, registering under the victim\'s PCID with its own genuine PfC; it holds the supplier\'s remote update for that device',
  't6.firmware': 'modified TRE firmware pushed to the device as a remote update',
  't7.commands': 'forged lifecycle commands for the victim\'s MCIMs',
  't7.ownSubscription': 'a subscriber of the victim\'s SHO with a device of its own (dev2): holds the lifecycle commands that SHO signs for its MCIM there (blocking, unblocking, deletion, activation, each provoked by how it pays for or ends its contract)',
  't8.hostileMcim': 'a co-resident MCIM of another stakeholder that tries to extract the victim\'s MCIM data inside the TRE, and passes on what it gets',
  't9.busMonitor': 'watches the interface between the TRE and the rest of the M2ME',
  't10.localGuess': 'guesses the user credential at the device',
  't10.remoteGuess': 'sends guesses of the user credential over the network',
  't11.faults': 'erases or corrupts an MCIM and cuts power (a reset) at any moment',
  't12.stolenIdentity': 'registers the victim\'s PCID at an SHO under a contract of its own',
} as const;

export type Capability = keyof typeof capabilities;

/** What a capability reaches where a counter-measure that confines a secret is switched off: "off" removes the
 *  confinement and adds no interface; the threat's own capability then reads what the counter-measure kept from it
 *  (attackerModel.ts gives it those terms). */
export const unconfinedReach = {
  // 003 t2/t3 "obtain MCIMs"; 5.1.2.4 "only a TRE should be responsible for ... the provisioning process and of the
  // subsequent storage and usage": off, the host does part of it, so the key that opens every MCIM sealed for this TRE
  // is in host memory, where cloning and malware read it.
  't2.cm3': { capabilities: ['t1.clone', 't3.malware'], reads: 'the TRE\'s platform key, held in host memory: every MCIM object sealed for the TRE opens with it' },
  // 003 t8 "another MID ... extracts sensitive information from ... a MID"; 5.1.2.2 isolation [t8 cm1], 5.1.3.7.4.2
  // "strictly separated": off, the old SHO's MCIM, running, reads the new SHO's MCIM present beside it.
  't8.cm1': { capabilities: ['t8.hostileMcim'], reads: 'the credentials (IMSI, Ki) of the other stakeholder\'s MCIM present in the TRE (the both-present variant)' },
} as const satisfies Partial<Record<string, { readonly capabilities: readonly Capability[]; readonly reads: string }>>;

/** Capabilities that put messages on some channel; a scenario with none of them (and no insider) injects nothing. */
export const injectingCapabilities: readonly Capability[] = [
  'network', 't3.malware', 't4.logical', 't5.emulatedTre', 't5.otherTre', 't6.firmware', 't7.commands',
  't10.localGuess', 't10.remoteGuess', 't12.stolenIdentity',
];
export const capabilityIds = Object.keys(capabilities) as Capability[];

/** Roles a scenario may make dishonest (004 Annex x.3 trust model): the attacker then holds their keys and
 *  reaches every channel they use. */
export const insiderRoles = ['ro', 'pva', 'supplier', 'sho1', 'sho2', 'subscriber'] as const;
export type InsiderRole = (typeof insiderRoles)[number];
