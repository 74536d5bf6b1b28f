// The counter-measures the model expresses, each a switch (on by default) consulted exactly where the text puts
// the mechanism. A counter-measure the analysis repeats under several threats is one switch known by all its ids.
export const switches = [
  {
    // 003 t2 cm2 ("a secure protocol carries every part of an MCIM") is the protocol as a whole, not this one
    // mechanism: it is accounted for as the sum of switches (properties/catalogue/coverage.ts).
    id: 't5.cm3', aliases: [],
    clause: '004 x.2.3 NOTE 2; 001 step 16',
    mechanism: 'the SHO encrypts the MCIM for the platform key of the TRE named in the validated PfC, and the TRE accepts only an MCIM it opens with its own platform key',
    off: 'the MCIM travels as readable content inside the signed object, and the TRE accepts it so',
  },
  {
    id: 't2.cm4', aliases: ['t3.cm5'],
    clause: '004 5.1.2.4 [t2 cm4]; x.2.2 option 2 (DM server key); 004 steps 11-14',
    mechanism: 'origin authentication in both directions: the TRE accepts an MCIM object only under the expected SHO\'s signature and a commit only under the DM server (DPF) key of its bootstrap; the SHO accepts a provisioning status only under the TRE key of the PfC',
    off: 'signatures are checked for shape only: any signer is accepted',
  },
  {
    id: 't12.cm2', aliases: ['t5.cm4', 't2.cm5'],
    clause: '004 5.1.2.4 [t2 cm5, t5 cm4, t12 cm2] "bound to each other by some access control key/token"; x.2.3 device token',
    mechanism: 'provisioning is bound to the registration: the sealed MCIM carries this device\'s token and the registration\'s nonce, and the TRE accepts it only when both match',
    off: 'the TRE accepts an MCIM object whatever token and nonce its sealed content carries',
  },
  {
    // 003 t2 cm6; its freshness is what 003 t2 cm4 also asks ("freshness ... resists replay"), but 004 cites
    // [t2 cm4] only for security controls provisioned with an MCIM, so the switch answers to t2.cm6 alone.
    id: 't2.cm6', aliases: [],
    clause: '003 t2 cm6; 004 x.2.3 registration nonce; 004 steps 7-13',
    mechanism: 'no MCIM is downloaded unless a registration was completed first: the TRE accepts an MCIM object or activation only for its outstanding registration, carrying that registration\'s nonce (so an old one is not accepted again)',
    off: 'the TRE accepts an MCIM object or activation whatever registration nonce it carries',
  },
  {
    id: 't1.cm4', aliases: ['t5.cm5', 't5.cm6', 't3.cm7'],
    clause: '004 5.1.2.2 [t1 cm4]; 5.1.2.4 [t1 cm4, t5 cm5]; steps 8-11',
    mechanism: 'the SHO authorises provisioning only after a positive PVA validation of the registering TRE (its identity and its platform measurement)',
    off: 'the SHO provisions without the PVA, once it has authenticated the TRE\'s identity itself (5.1.2.2 [t1 cm3, t5 cm2]: the registration signed with the key of a genuine PfC naming the PCID); the platform measurement goes unchecked',
  },
  {
    id: 't5.cm2', aliases: ['t1.cm3'],
    clause: '004 5.1.2.2 [t1 cm3, t5 cm2]; 5.1.3.5.8',
    mechanism: 'the PVA checks that the PfC binds the TRE key to the PCID being registered (the M2ME identity tied to the TRE)',
    off: 'the PVA accepts any genuine PfC, whatever PCID the registration claims',
  },
  {
    id: 't6.cm4', aliases: [],
    clause: '004 5.1.2.2 [t6 cm4]',
    mechanism: 'the TRE accepts a firmware update only under the equipment supplier\'s signature',
    off: 'the TRE installs any update it receives',
  },
  {
    // 004 5.1.2.2 cites "[t4 cm5, t6 cm5]" here, but t4 cm5 of 003 is network-side filtering: a wrong reference of
    // the text (docs/threats.md), so the switch does not answer to t4.cm5.
    id: 't6.cm5', aliases: [],
    clause: '004 5.1.2.2 [t6 cm5]',
    mechanism: 'detected tampering locks the TRE down',
    off: 'the TRE notes the tampering and carries on',
  },
  {
    id: 't8.cm8', aliases: [],
    clause: '004 5.1.2.3 [t6 cm5, t8 cm8]',
    mechanism: 'at boot and reset the TRE checks each MCIM\'s code against its measurement and blocks a modified one',
    off: 'no integrity check at boot or reset',
  },
  {
    id: 't7.cm1', aliases: ['t8.cm6', 't3.cm3', 't7.cm10'],
    clause: '004 5.1.2.3 [t3 cm3, t7 cm1, t8 cm6]; 5.1.2.4 lifecycle instructions "from a valid, authorised source"',
    mechanism: 'the TRE applies a lifecycle instruction only under the signature of the MCIM\'s own SHO',
    off: 'the TRE applies a well-formed lifecycle instruction under any signature',
  },
  {
    id: 't2.cm3', aliases: ['t3.cm4', 't7.cm8', 't1.cm1'],
    clause: '004 5.1.2.2 [t1 cm1, t2 cm3]; 5.1.2.4 [t2 cm3, t3 cm4, t7 cm8]',
    mechanism: 'MCIM credentials are stored and used inside the TRE only',
    // Off removes the confinement and adds no interface: the threats' host capabilities (t1.clone, t3.malware) read
    // what the host then holds (models/attacker/capabilities.ts unconfinedReach).
    off: 'the host shares the TRE\'s provisioning work: the platform key that opens MCIM objects is in host memory, where cloning and malware read it',
  },
  {
    // 004 5.1.2.2's two sentences on the TRE's interfaces cite different counter-measures: one switch each. The TRE
    // "should define logical and physical interfaces": its key-management interface exists with both on.
    id: 't4.cm2', aliases: ['t6.cm1'],
    clause: '004 5.1.2.2 [t4 cm2, t6 cm1] "usable only under control of entities which are authorised to communicate directly with a TRE"',
    mechanism: 'the TRE answers a call of its key-management interface only from an entity authorised to talk to it directly (none on the host)',
    off: 'the TRE answers any caller on the host',
  },
  {
    id: 't4.cm3', aliases: ['t8.cm5', 't6.cm2'],
    clause: '004 5.1.2.2 [t4 cm3, t8 cm5] "should not be able to compromise the confidentiality, integrity or availability of MCIMs or of a TRE"',
    mechanism: 'the TRE\'s interfaces hand out no secret: the key-management interface answers with the public platform key only',
    off: 'the key-management interface answers with the private platform key',
  },
  {
    id: 't8.cm1', aliases: [],
    clause: '004 5.1.2.2 [t8 cm1]',
    mechanism: 'the TRE isolates the MCIMs of different stakeholders',
    // Off removes the isolation and adds no interface: the t8.hostileMcim capability reads the other MCIM.
    off: 'no isolation: a hostile co-resident MCIM (t8.hostileMcim) reads the other stakeholder\'s MCIM data',
  },
  {
    id: 't10.cm6', aliases: [],
    clause: '004 5.1.2.2 [t10 cm 1 - 11]; 003 t10 cm6',
    mechanism: 'the TRE blocks the user credential after n consecutive wrong entries (n = 3)',
    off: 'wrong entries are never counted',
  },
  {
    id: 't10.cm7', aliases: [],
    clause: '004 5.1.2.2 [t10 cm 1 - 11]; 003 t10 cm7',
    mechanism: 'by default the TRE refuses user authentication that arrives from the network',
    off: 'the TRE evaluates user credentials that arrive from the network',
  },
  {
    // 003 t7 cm3's Note: "security controls which the user should not be able to over-ride are those which relate to
    // the lifecycle management and operational use of an SHO's MID". Only the subscriber's own command (scenario
    // `userLifecycle`) asks the TRE to override one.
    id: 't7.cm3', aliases: [],
    clause: '003 t7 cm3 (004 5.1.2.3 "security controls ... specified by a stakeholder")',
    mechanism: 'the TRE refuses the subscriber\'s own lifecycle command for an SHO\'s MCIM: a control the user cannot override',
    off: 'the TRE applies the subscriber\'s token-authenticated lifecycle command to an SHO\'s MCIM',
  },
  {
    // Consulted where the user's entry is made (the keypad of scenario field `userPinEntry`) and opened (the TRE);
    // the tunnel's key is an assumption (docs/model.md): 004 describes no keypad-to-TRE path.
    id: 't10.cm5', aliases: [],
    clause: '003 t10 cm5 (004 5.1.2.2 [t10 cm 1 - 11])',
    mechanism: 'the user credential entered at the device reaches the TRE through a tunnel from the keypad: encrypted under a key the keypad shares with the TRE, numbered, and taken once per number',
    off: 'the entered credential crosses the host interface in clear',
  },
  {
    // Which function is gated is the scenario's (field `userGate`): 004 gates none.
    id: 't10.cm10', aliases: [],
    clause: '003 t10 cm10 (004 5.1.2.2 [t10 cm 1 - 11])',
    mechanism: 'the TRE acts on the subscriber\'s re-provisioning instruction (5.1.3.7.4.2/4.3 step 2) only once the user has authenticated at the device since the last boot',
    off: 'the TRE acts on the instruction without user authentication',
  },
] as const;

export type SwitchId = (typeof switches)[number]['id'];
export type CounterMeasureSwitch = (typeof switches)[number];

export const switchIds: readonly SwitchId[] = switches.map((s) => s.id);

/** The switch a counter-measure id (primary or alias) names, or undefined. */
export function switchOf(id: string): CounterMeasureSwitch | undefined {
  return switches.find((s) => s.id === id || (s.aliases as readonly string[]).includes(id));
}

/** Every id a switch answers to, primary first. */
export function idsOf(s: CounterMeasureSwitch): readonly string[] {
  return [s.id, ...s.aliases];
}

/** True when counter-measure `id` is on, given the switches a scenario turned off (primary ids). */
export function isOn(off: readonly string[], id: SwitchId): boolean {
  return !off.includes(id);
}
