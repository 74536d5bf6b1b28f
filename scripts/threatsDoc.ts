// `npm run threats-doc`: rewrites the generated blocks of docs/threats.md from the data (threat catalogue, threat
// suite, switches, coverage, capabilities); the hand-written text between the blocks is kept. A test fails when a
// block is stale. `npm run threats-doc -- --measure` re-runs each switch's witness attack and compares its length.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { capabilities, insiderRoles, type Capability } from '../models/attacker/capabilities.ts';
import { coverageOf, type Coverage } from '../properties/catalogue/coverage.ts';
import { idsOf, switches, type CounterMeasureSwitch, type SwitchId } from '../models/counterMeasures/switches.ts';
import { MAX_INJECTIONS, type ScenarioConfig } from '../models/flows/ScenarioConfig.ts';
import { counterMeasureCatalogue, threatRecords } from '../properties/catalogue/counterMeasureCatalogue.ts';
import { threatScenarioConfigs, threatSuite } from '../properties/threats/threatSuite.ts';
import type { ThreatCheck } from '../properties/threats/ThreatCheck.ts';

export const THREATS_DOC_PATH = fileURLToPath(new URL('../docs/threats.md', import.meta.url));

/** Per switch, the attack that shows it is not vacuous (as test/properties/switches.test.ts pins it): the threat
 *  scenario and the property its attack breaks, the shortest attack's length as measured by
 *  `trecheck check --threat tN --off ID --no-baseline` (breadth-first, the scenario's own injection budget), and
 *  what the attack does. `--measure` re-runs them. */
export const witnessAttacks: Readonly<Record<SwitchId, { scenario: string; property: string; steps: number; attack: string; alsoOff?: readonly SwitchId[] }>> = {
  't7.cm3': { scenario: 't7-user-deletes', property: 'LifecycleChangesOnlyByOwner', steps: 35, attack: 'after the initial provisioning the subscriber sends its own DELETE for its SHO\'s MCIM, authenticated with the device token, and the TRE deletes the MCIM' },
  't7.cm7': { scenario: 't7-forged-update', property: 'McimUpdatedOnlyByItsSho', steps: 29, attack: 'as the MCIM is downloaded, the attacker injects an update of its own for that MCIM instance (naming the registration nonce it read on the network), signed with its own key; the host relays it and the TRE, once it installed the MCIM, replaces its code' },
  't10.cm5': { scenario: 't10-pin-entry-bus-monitor', property: 'NoSecretInClearOnHostInterface', steps: 2, attack: 'the user enters its PIN at the device; the host passes it to the TRE in clear and the bus monitor reads it' },
  't10.cm10': { scenario: 't10-gated-instruction', property: 'InstructionOnlyForAuthenticatedUser', steps: 4, attack: 'the subscriber\'s re-provisioning instruction reaches the TRE before the user has entered its PIN, and the TRE acts on it' },
  't5.cm3': { scenario: 't3-malware', property: 'McimSecretNeverLeaves', steps: 30, attack: 'an honest provisioning; malware on the host reads the MCIM object on its way to the TRE, now in clear inside the SHO\'s signature' },
  't2.cm4': { scenario: 't2-network', property: 'ShoSuccessMeansInstalled', steps: 29, attack: 'the attacker sends the DPF a success status signed with its own key; the SHO takes the report as the TRE\'s before anything was installed' },
  't12.cm2': { scenario: 't12-stolen-identity', property: 'McimOnlyForRegisteredSubscriber', steps: 28, attack: 'the attacker contracts the victim\'s PCID at the SHO with its own token; the TRE installs the MCIM object although the token inside is not its own' },
  't2.cm6': { scenario: 't2-replay-after-delete', property: 'InstalledMcimWasIssuedForThisTre', steps: 33, attack: 'after the SHO deletes its MCIM, a replayed bootstrap starts a new registration and the MCIM object of the first one, replayed, is installed again: one issue, two installs' },
  't1.cm4': { scenario: 't6-firmware', alsoOff: ['t6.cm4'], property: 'McimIssuedOnlyForValidPlatform', steps: 9, attack: 'with the firmware update check also off, modified firmware (keeping the genuine PfC) is installed; the TRE registers for the new SHO reporting the modified platform, and without the PVA\'s validation the SHO issues its MCIM for it (its identity check passes: the PfC and the TRE key are genuine)' },
  't5.cm2': { scenario: 't5-replaced-tre', property: 'McimSecretNeverLeaves', steps: 8, attack: 'another genuine TRE registers under the victim\'s PCID with its own genuine PfC; the PVA accepts the PfC for the wrong PCID and the MCIM is encrypted for the attacker\'s TRE' },
  't6.cm4': { scenario: 't6-firmware', property: 'TreFirmwareOnlyFromSupplier', steps: 2, attack: 'a firmware update signed with the attacker\'s key, relayed by the host, is installed' },
  't6.cm5': { scenario: 't4-logical-physical', property: 'TamperedTreServesNoMcim', steps: 1, attack: 'tampering is detected and the TRE carries on serving its active MCIM' },
  't8.cm8': { scenario: 't8-corrupted-mcim', property: 'ModifiedMcimNeverSelectedAfterBoot', steps: 2, attack: 'an MCIM\'s code is corrupted, the TRE resets, and without the integrity check the modified MCIM stays active' },
  't7.cm1': { scenario: 't7-forged-commands', property: 'LifecycleChangesOnlyByOwner', steps: 1, attack: 'a lifecycle command for the victim\'s MCIM signed with the attacker\'s key, relayed by the host, is applied' },
  't2.cm3': { scenario: 't3-malware', property: 'McimSecretNeverLeaves', steps: 30, attack: 'the platform key is in host memory; malware reads the MCIM object on its way to the TRE and opens it with that key' },
  't4.cm2': { scenario: 't4-logical-physical', alsoOff: ['t4.cm3'], property: 'TrePlatformKeySecret', steps: 1, attack: 'with the interface\'s filter also off, a call of the key-management interface from the host is answered with the platform key' },
  't4.cm3': { scenario: 't4-logical-physical', alsoOff: ['t4.cm2'], property: 'TrePlatformKeySecret', steps: 1, attack: 'with the caller check also off, a call of the key-management interface from the host is answered with the private platform key' },
  't8.cm1': { scenario: 't8-hostile-mcim', property: 'McimSecretNeverLeaves', steps: 0, attack: 'no isolation: the old SHO\'s MCIM, running, reads the new SHO\'s MCIM present beside it (the capability t8.hostileMcim; the TRE sends nothing)' },
  't10.cm6': { scenario: 't10-pin-guessing', property: 'UserCredentialBlockedAfterNWrongTries', steps: 4, attack: 'four wrong entries at the device are all evaluated' },
  't10.cm7': { scenario: 't10-pin-guessing', property: 'RemoteGuessesCannotLockPlatform', steps: 3, attack: 'wrong entries, the last one from the network, block the user credential' },
  't2.cm4.mutual': { scenario: 't2-dm-session', property: 'DmSessionPeersAuthenticated', steps: 24, attack: 'after the bootstrap the attacker authenticates to the TRE as the DM server under its own key, and the TRE takes it as the DPF\'s (the MCIM properties still hold: the object carries its own protection)' },
};

const threatOf = (scenario: string): ThreatCheck | undefined => threatSuite.find((t) => t.scenarios.some((s) => s.name === scenario));

const code = (s: string): string => `\`${s}\``;
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string[] =>
  [row(head), `|${head.map(() => '---').join('|')}|`, ...rows.map(row)];

function riskOf(threat: number): string {
  const t = threatRecords.find((r) => r.alternative === '1' && r.threat === threat);
  if (t === undefined) return '';
  return `risk **${t.category}** (likelihood ${t.likelihood.join(' or ')} x impact ${t.impact.join(' or ')} = ${t.risk.join(' or ')})`;
}

function titleOf(threat: number): string {
  return threatRecords.find((r) => r.alternative === '1' && r.threat === threat)?.title ?? `threat ${threat}`;
}

/** What a scenario sets beyond its flow and attacker, in words. */
function scenarioExtras(c: ScenarioConfig): string {
  const out: string[] = [];
  if (c.devices > 1) out.push(`${c.devices} devices${c.dev1InService ? ' (dev1 in service)' : ''}`);
  if (c.bothMcimsPresent) out.push('both MCIMs present');
  const faults = [c.faults.tamper ? 'tamper' : '', c.faults.corruptMcim ? 'MCIM corruption' : '', c.faults.eraseMcim ? 'MCIM erasure' : ''].filter((f) => f !== '');
  if (faults.length > 0) out.push(`faults: ${faults.join(', ')}`);
  if (c.shoCommands.length > 0) out.push(`SHO commands ${c.shoCommands.join(', ')} (each SHO once, for its own MCIM)`);
  if (!c.assumptions.portalProtected) out.push('portal not protected');
  if (!c.assumptions.manufacturingClosed) out.push('manufacturing links open');
  if (!c.assumptions.operatorLinksClosed) out.push('operator links open');
  if (!c.assumptions.atDeviceClosed) out.push('subscriber-M2ME link open');
  if (!c.assumptions.blockFromInstalled) out.push('no blocking from Installed');
  if (c.assumptions.changeNotice !== 'unordered') out.push(`change notice ${c.assumptions.changeNotice}`);
  if (c.assumptions.omaDmSession) out.push('steps 12-13 in an OMA DM session (omaDmSession)');
  if (c.dpfGeneratesCredentials) out.push('DPF generates credentials');
  if (c.attacker.dishonest !== null) out.push(`dishonest ${c.attacker.dishonest}`);
  if (c.stalling.length > 0) out.push(`may stall (no fairness): ${c.stalling.join(', ')}`);
  return out.join('; ') || '-';
}

function coverageText(c: Coverage | undefined): string {
  if (c === undefined) return 'MISSING';
  switch (c.kind) {
    case 'switch':
      return `switch ${code(c.switch)}`;
    case 'property':
      return `stated as property ${code(c.property)}: ${c.note}`;
    case 'umbrella':
      return `sum of switches ${c.switches.map(code).join(', ')}: ${c.note}`;
    case 'not-modelled':
      return `not modelled: ${c.reason}`;
    case 'not-modelable':
      return `cannot be modelled: ${c.reason}`;
  }
}

const switchesOfThreat = (threat: number): CounterMeasureSwitch[] =>
  switches.filter((s) => idsOf(s).some((id) => id.startsWith(`t${threat}.`)));

function threatSection(t: ThreatCheck): string[] {
  const configs = threatScenarioConfigs(t);
  const caps = [...new Set(configs.flatMap((c) => c.attacker.capabilities))] as Capability[];
  const lines = [`### t${t.threat} ${titleOf(t.threat)}`, '', `003 7.1.2.1, ${riskOf(t.threat)}.`, ''];
  lines.push('Capabilities the attacker gets:', '');
  for (const c of caps) lines.push(`- ${code(c)}: ${capabilities[c]}`);
  lines.push('', 'Scenarios:', '');
  lines.push(...table(['scenario', 'flow', 'capabilities', 'injections', 'also'], configs.map((c) => [
    code(c.name), c.flow, c.attacker.capabilities.map(code).join(', ') || '-', String(c.attacker.injections), scenarioExtras(c),
  ])));
  lines.push('', 'Properties (each checked in every scenario above, with every counter-measure on):', '');
  lines.push(...table(['property', 'claim', 'counter-measures', 'clauses'], t.properties.map((p) => [
    code(p.property.id), p.property.description,
    p.checks.filter((x) => /^t\d+\.cm\d+$/.test(x)).join(', ') || '-',
    p.checks.filter((x) => !/^t\d+\.cm\d+$/.test(x)).join(', ') || '-',
  ])));
  const sws = switchesOfThreat(t.threat);
  lines.push('', 'Switches answering to a counter-measure of this threat:', '');
  lines.push(...table(['switch', 'ids', 'clause', 'mechanism (on)', 'off'], sws.map((s) => [
    code(s.id), idsOf(s).filter((id) => id.startsWith(`t${t.threat}.`)).join(', '), s.clause, s.mechanism, s.off,
  ])));
  const others = counterMeasureCatalogue.filter((c) => c.alternative === '1' && c.threat === t.threat);
  lines.push('', 'Every counter-measure of the threat in 003, and how the model accounts for it:', '');
  lines.push(...table(['id', 'requires', 'in the model'], others.map((c) => [c.id, c.summary, coverageText(coverageOf(c.id))])));
  const findings = Object.entries(t.knownFindings ?? {});
  lines.push('');
  if (findings.length === 0) lines.push('Known findings: none; every property holds in every scenario of the threat.');
  else {
    lines.push('Known findings about the text (violated with every counter-measure on; accepted in `reports/baseline.json`):', '');
    for (const [key, reason] of findings) lines.push(`- ${code(key)}: ${reason}`);
  }
  lines.push('');
  return lines;
}

function threatsBlock(): string[] {
  return threatSuite.flatMap(threatSection);
}

function overviewBlock(): string[] {
  return table(['threat', 'risk', 'scenarios', 'properties', 'switches', 'known findings'], threatSuite.map((t) => [
    `[t${t.threat}](#t${t.threat}-${titleOf(t.threat).toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-')}) ${titleOf(t.threat)}`,
    threatRecords.find((r) => r.alternative === '1' && r.threat === t.threat)?.category ?? '',
    String(t.scenarios.length), String(t.properties.length), String(switchesOfThreat(t.threat).length),
    String(Object.keys(t.knownFindings ?? {}).length),
  ]));
}

function capabilitiesBlock(): string[] {
  return [
    ...table(['capability', 'what the attacker can do', 'used by'], (Object.keys(capabilities) as Capability[]).map((c) => [
      code(c), capabilities[c],
      threatSuite.filter((t) => t.scenarios.some((s) => s.attacker?.capabilities?.includes(c) === true)).map((t) => `t${t.threat}`).join(', ') || '-',
    ])),
    '',
    `Insiders (\`attacker.dishonest\`, for scenario files): ${insiderRoles.map(code).join(', ')}. At most ${MAX_INJECTIONS} injections a scenario.`,
  ];
}

function witnessBlock(): string[] {
  return table(['switch', 'scenario (threat)', 'property broken', 'shortest attack', 'the attack'], switches.map((s) => {
    const w = witnessAttacks[s.id];
    const t = threatOf(w.scenario);
    const also = w.alsoOff === undefined ? '' : `, with ${w.alsoOff.map(code).join(', ')} also off`;
    return [code(s.id), `${code(w.scenario)} (t${t?.threat ?? '?'})${also}`, code(w.property), `${w.steps} step${w.steps === 1 ? '' : 's'}`, w.attack];
  }));
}

const blocks: Readonly<Record<string, () => string[]>> = {
  overview: overviewBlock,
  capabilities: capabilitiesBlock,
  witnesses: witnessBlock,
  threats: threatsBlock,
};

const begin = (name: string): string => `<!-- BEGIN GENERATED ${name} (npm run threats-doc; do not edit by hand) -->`;
const end = (name: string): string => `<!-- END GENERATED ${name} -->`;

/** `doc` with every generated block rewritten from the data; throws when a block's markers are missing. */
export function renderThreatsDoc(doc: string): string {
  let out = doc;
  for (const [name, render] of Object.entries(blocks)) {
    const b = begin(name);
    const e = end(name);
    const i = out.indexOf(b);
    const j = out.indexOf(e);
    // The markers are part of the hand-written file; without them there is nowhere to put the block.
    if (i < 0 || j < i) throw new Error(`docs/threats.md: no block '${name}'; add the lines "${b}" and "${e}" where it belongs`);
    out = `${out.slice(0, i + b.length)}\n${render().join('\n').trimEnd()}\n${out.slice(j)}`;
  }
  return out;
}

/** Re-runs every witness attack with check's own stages; returns a line per switch whose length differs. */
async function measure(): Promise<string[]> {
  const { planCheck } = await import('../src/cli/check/planCheck.ts');
  const { runCheckJob } = await import('../src/cli/check/runCheckJob.ts');
  const out: string[] = [];
  for (const s of switches) {
    const w = witnessAttacks[s.id];
    const threat = threatOf(w.scenario)!.threat;
    const plan = planCheck({ threat: [`t${threat}`], off: [s.id, ...(w.alsoOff ?? [])], property: [w.property] });
    const job = plan.jobs.find((j) => j.config.name === w.scenario)!;
    const verdict = runCheckJob(job, plan.search).properties[0]!.verdict;
    const steps = verdict.kind === 'violated' ? verdict.trace.actions.length : undefined;
    process.stdout.write(`${s.id}: ${w.scenario} ${w.property} ${steps === undefined ? verdict.kind : `${steps} steps`}\n`);
    if (steps !== w.steps) out.push(`${s.id}: recorded ${w.steps} steps, measured ${steps ?? verdict.kind}`);
  }
  return out;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--measure')) {
    const diffs = await measure();
    for (const d of diffs) process.stderr.write(`${d}\n`);
    process.exit(diffs.length === 0 ? 0 : 1);
  }
  writeFileSync(THREATS_DOC_PATH, renderThreatsDoc(readFileSync(THREATS_DOC_PATH, 'utf8')));
  process.stdout.write(`wrote ${THREATS_DOC_PATH.replace(process.cwd() + '/', '')}\n`);
}
