// The 12 threats and 74 counter-measures of Alternative 1 in TR 33.812 clause 7.1.2.1 (seed 003), as data.
// Summaries are ours; risk values are those of the detailed analysis. t10 cm8 is void in the TR and has no entry.
import type { RiskCategory } from './CounterMeasureRecord.ts';

interface ThreatData {
  readonly title: string;
  readonly likelihood: readonly number[];
  readonly impact: readonly number[];
  readonly risk: readonly number[];
  readonly category: RiskCategory;
  readonly voidNumbers?: readonly number[];
}

/** A summary, or a summary with the reason the measure cannot be modelled. */
export type CounterMeasureData = string | { readonly summary: string; readonly notModelable: string };

const filtering = 'lowers the attacker\'s incentive and the impact by restricting network services; an economic measure, not protocol behaviour';

export const alternative1Threats: Readonly<Record<number, ThreatData>> = {
  1: { title: 'Emulating a legitimate M2ME to obtain illicit MCIM downloads', likelihood: [3], impact: [3], risk: [9], category: 'critical' },
  2: { title: 'Attacking the MCIM provisioning process to obtain MCIMs', likelihood: [4], impact: [3], risk: [12], category: 'critical' },
  3: { title: 'Malicious software in the M2ME or host terminal obtains MCIMs', likelihood: [3], impact: [3], risk: [9], category: 'critical' },
  // The summary table says "major"; the analysis (likelihood 3 x impact 3 = 9) says critical. The catalogue follows the analysis.
  4: { title: 'Logical or physical attacks on a TRE to obtain MCIMs or keys and clone', likelihood: [3], impact: [3], risk: [9], category: 'critical' },
  5: { title: 'Replacing a TRE in an M2ME by another TRE or an emulation', likelihood: [2], impact: [2, 3], risk: [4, 6], category: 'major' },
  6: { title: 'Modifying the functions of a TRE', likelihood: [2], impact: [2, 3], risk: [4, 6], category: 'major' },
  7: { title: 'Attacking the permissions of an installed MCIM', likelihood: [2], impact: [3], risk: [6], category: 'major' },
  8: { title: 'Another MCIM or malicious software extracts or corrupts MCIM data', likelihood: [3], impact: [3], risk: [9], category: 'critical' },
  9: { title: 'Monitoring interactions between a TRE and the M2ME', likelihood: [2], impact: [2], risk: [4], category: 'major' },
  10: { title: 'Access to TRE or MCIM functions by masquerading as the legitimate user', likelihood: [3], impact: [3], risk: [9], category: 'critical', voidNumbers: [8] },
  11: { title: 'Users lose access or data through malfunction of an MCIM or a TRE', likelihood: [3], impact: [3], risk: [9], category: 'critical' },
  12: { title: 'False registration to obtain MCIMs', likelihood: [3], impact: [3], risk: [9], category: 'critical' },
};

export const alternative1CounterMeasures = {
  't1.cm1': 'The M2ME has a TRE: the root of trust for storing and running MCIMs and for their provisioning and management',
  't1.cm2': { summary: 'The TRE is a logically separate area of the M2ME with hardware-supported separation', notModelable: 'hardware separation is an assumption of the model (nothing outside the TRE reads its state), not a behaviour to check' },
  't1.cm3': 'Each TRE has a unique identity that can be authenticated and revoked (e.g. certificate and private key)',
  't1.cm4': 'The DPF, directly or through the PVA, validates the M2ME and its TRE before provisioning any MCIM',
  't1.cm5': { summary: 'Network-side filtering of the services an MCIM can reach', notModelable: filtering },
  't2.cm1': 'A secure in-band process and protocol lets authorised providers register users and provision MCIMs remotely',
  't2.cm2': 'A secure protocol carries every part of an MCIM, network credentials included, from the DPF to the M2ME',
  't2.cm3': 'Only the TRE handles the security of provisioning, storage and use; nothing leaks from the provisioning channel to other M2ME functions',
  't2.cm4': 'Provisioning authenticates TRE and DPF mutually, protects origin, integrity, confidentiality and freshness, and resists replay, MITM and masquerade',
  't2.cm5': 'Cryptography prevents an attacker from interrupting or hijacking a provisioning session',
  't2.cm6': 'No MCIM is downloaded unless the registration phase was completed first',
  't2.cm7': { summary: 'Network-side filtering of the services an MCIM can reach', notModelable: filtering },
  't3.cm1': { summary: 'The TRE is secure enough to hold and run the AKA functions that UICCs hold today', notModelable: 'an assurance level of an implementation, judged by evaluation, not a protocol behaviour' },
  't3.cm2': 'An MCIM is locked to its M2ME (and TRE) and cannot be replaced by an unauthorised MCIM, like ME personalisation',
  't3.cm3': 'The TRE keeps the lifecycle states of several MCIMs, of one or many stakeholders, secure',
  't3.cm4': 'Only the TRE handles the security of provisioning, storage and use; nothing leaks from the provisioning channel to other M2ME functions',
  't3.cm5': 'Provisioning authenticates TRE and DPF mutually, protects origin, integrity, confidentiality and time-stamps messages, and resists known attacks',
  't3.cm6': { summary: 'Network-side filtering of the services an MCIM can reach', notModelable: filtering },
  't3.cm7': 'The PVA validates the authenticity and integrity of the M2ME and TRE for a SHO or DPF, the TRE vouching for the validation',
  't4.cm1': { summary: 'The TRE gives a proven degree of protection against physical, logical and side-channel attacks', notModelable: 'a "proven degree of protection" is established by certification and evaluation, which a protocol model cannot show' },
  't4.cm2': 'Only an entity authorised to talk to the TRE directly can use its logical interfaces',
  't4.cm3': 'Using the TRE\'s logical interfaces cannot compromise the confidentiality, integrity or availability of MCIMs or the TRE',
  't4.cm4': 'The TRE enforces its own security policy',
  't4.cm5': { summary: 'Network-side filtering of the services an MCIM can reach', notModelable: filtering },
  't5.cm1': { summary: 'Security-critical parts of every TRE are pre-provisioned in a secure facility, out of band', notModelable: 'a manufacturing procedure; the model takes the pre-provisioned keys as its initial state' },
  't5.cm2': 'The TRE has an embedded unique identity, tied to the M2ME platform identity, that it can authenticate to the issuing authorities',
  't5.cm3': 'Provisioned MCIMs and the provisioning messages are bound to the identity of the TRE they were issued for',
  't5.cm4': 'MCIMs reach only the correct, authentic TRE: registration and provisioning are bound together and to that TRE by cryptography',
  't5.cm5': 'The DPF, directly or through the PVA, checks the M2ME state so MCIMs are stored only in a valid M2ME',
  't5.cm6': 'The PVA validates the M2ME and TRE; the TRE vouches for the validation',
  't6.cm1': 'Only an entity authorised to talk to the TRE directly can use its logical interfaces',
  't6.cm2': 'Using the TRE\'s logical interfaces cannot compromise the confidentiality, integrity or availability of MCIMs or the TRE',
  't6.cm3': 'The TRE enforces its own security controls',
  't6.cm4': 'TRE access-control firmware changes only over a secure channel from an authorised remote manager; changing the controlling identities needs their owners\' authorisation',
  't6.cm5': 'The TRE detects tampering with itself or the functions it protects, becomes untrusted and shuts down',
  't7.cm1': 'The TRE moves an MCIM through its lifecycle only on the authorising stakeholder\'s instruction and within the security controls',
  't7.cm2': 'The TRE gives a subscriber access control over the MCIMs of its SHO, under controls set by the equipment supplier',
  't7.cm3': 'The TRE enforces MCIM-specific controls for the SHO; the user overrides only what is allowed, by an authorised command',
  't7.cm4': 'The TRE enforces the MCIM management controls the user has specified',
  't7.cm5': 'The TRE lets the SHO validate the integrity of the MCIMs it owns',
  't7.cm6': 'A secure discovery service shows permitted entities (e.g. the DRF) the identifiers and lifecycle states of loaded MCIMs',
  't7.cm7': 'An SHO\'s MCIM is updated remotely only with the SHO\'s authorisation and where the security controls permit',
  't7.cm8': 'Only the TRE handles the security of provisioning, storage and use of MCIMs',
  't7.cm9': 'The provisioning function also de-provisions and updates MCIMs, covering the whole lifecycle',
  't7.cm10': 'The provisioning protocol lets the M2ME check that management instructions come from a valid source',
  't7.cm11': { summary: 'MCIM updates use standardised trusted protocols such as OMA DM, OTA RFM, OTA RAM', notModelable: 'a choice of standard protocols for interoperability; the properties it brings are those of t7.cm10' },
  't8.cm1': 'The TRE isolates the environments in which different stakeholders\' MCIMs are stored and run',
  't8.cm2': 'MCIMs share functions only if their controls allow, both are activated and of the same stakeholder, with origin-authenticated commands',
  't8.cm3': 'The TRE enforces the security controls of MCIMs',
  't8.cm4': 'The TRE enforces the MCIM management controls the user has specified',
  't8.cm5': 'Interfaces to the TRE cannot compromise the confidentiality, integrity or availability of MCIMs or the TRE',
  't8.cm6': 'The TRE keeps every lifecycle transition of an MCIM secure',
  't8.cm7': 'The TRE keeps a registry of its MCIMs with their lifecycle and security status',
  't8.cm8': 'The TRE checks MCIM code integrity at boot and reset (optionally per session); an anomaly blocks the MCIM for good',
  't8.cm9': 'The TRE may keep a secure audit record of its transactions, protected from unauthorised access',
  't9.cm1': 'The TRE never reveals its authorisation values to other M2ME functions',
  't9.cm2': 'The TRE talks to other trusted M2ME components only over secure channels',
  't9.cm3': 'Secure communication with the TRE never runs in untrusted M2ME or host components',
  't9.cm4': { summary: 'Network-side filtering of the services an MCIM can reach', notModelable: filtering },
  't9.cm5': 'Exchanges with untrusted components carry no sensitive data and assume the component is compromised',
  't10.cm1': 'The TRE authenticates users and controls their access where the use case needs it, or needs no user authorisation at all',
  't10.cm2': 'The TRE offers user authentication where MCIMs require it',
  't10.cm3': 'An MCIM can run its own user authentication with credentials its security controls name',
  't10.cm4': 'Nobody monitors TRE-user interactions unless the authenticated user permits it',
  't10.cm5': 'Credentials entered on devices or card readers reach the TRE confidentially and without replay',
  't10.cm6': 'The TRE blocks itself or an MCIM after n consecutive wrong credential entries',
  't10.cm7': 'By default the TRE refuses remote user authentication unless its controls allow it over a secure standard protocol from a security server',
  't10.cm9': 'A tamper-proof monotonic timer resets the user authentication status after a period of inactivity',
  't10.cm10': 'The TRE forces user authentication at boot or at first use of a TRE function; the status lasts for the session',
  't10.cm11': 'The user cannot lower user-authentication protection below the TRE\'s global minimum',
  't10.cm12': 'Only the TRE handles the security of user access to MCIM usage and management functions',
  't11.cm1': 'An authorised entity can reset the TRE\'s MCIM management to factory settings and users can regain access',
  't12.cm1': { summary: 'The registration procedure is trustworthy', notModelable: 'the TR leaves how registration is made trustworthy out of scope' },
  't12.cm2': 'Provisioning is securely bound to the registration',
} as const satisfies Record<string, CounterMeasureData>;
