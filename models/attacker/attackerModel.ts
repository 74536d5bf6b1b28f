// The attacker of a scenario as data: what it knows at the start, which channels it reads and writes, and how many
// injections it may make. What it injects follows from its knowledge: replays, and every instance of a message
// schema it can build (AttackerTables.ts, messageSchemas.ts); nothing lists the messages it tries.
import { name, pk, type Term } from '../../src/attacker/Term.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { deviceNames, firmware, lifecycleCommandTerm, platformCredential, shoName, skEs, skPva, skRo, skSho, treUpdateTerm, type Message } from '../messages.ts';
import { shoCommands } from '../roles/sho.ts';
import { mcimLifecycleEventTypes } from '../mcimLifecycle.ts';
import { shoIds, type DeviceId } from '../roleIds.ts';
import { honestDevices } from '../deviceAddressing.ts';
import { isOn } from '../counterMeasures/switches.ts';
import { unconfinedReach, type Capability, type InsiderRole } from './capabilities.ts';
import { reachOf, type Reach } from './channels.ts';
import { messageRoutes } from './routes.ts';

export interface AttackerModel {
  /** False when the scenario has no attacker: the world then has no attacker events at all. */
  readonly active: boolean;
  /** Injections allowed in a run. */
  readonly budget: number;
  readonly reach: Reach;
  readonly initialKnowledge: readonly Term[];
  /** The honest devices of the scenario: the attacker's routes reach each one's roles (routes.ts routesOf). */
  readonly devices: readonly DeviceId[];
}

const victim = deviceNames('dev1');
const other = deviceNames('dev2');
const attackerKey = name('sk:attacker');
const emulatedKey = name('sk:emu');

/** Names anyone can know: identities, public keys, the constants and tags of the message vocabulary. */
function publicKnowledge(): Term[] {
  const tags = new Set<string>(Object.values(messageRoutes).map((r) => r.tag));
  for (const t of ['mcim', 'PfC', 'M2MSIMMobj', 'authorise', 'reprovision', 'autn', 'keyExported', 'dmOpen']) tags.add(t);
  return [
    ...[...tags].map(name),
    ...shoIds.map(shoName), ...shoIds.map((s) => name(`mcim:${s}`)), ...shoIds.map((s) => pk(skSho(s))),
    // The other device (dev2) is no part of a scenario unless `t5.otherTre` brings it: its names come with it.
    victim.pcid, pk(victim.platformKey), pk(skRo), pk(skEs), pk(skPva),
    name('ok'), name('fail'), name('local'), name('remote'), name('via-old-sho'), name('pristine'),
    firmware('v1'), firmware('v2'), firmware('modified'),
    ...mcimLifecycleEventTypes.map(name),
    // The attacker's own names: its key, token, subscriber credentials and MCIM content.
    attackerKey, pk(attackerKey), name('tok:attacker'), name('nreg:attacker'), name('imsi:attacker'), name('ki:attacker'),
    name('code:attacker'), name('pin:guess:1'), name('pin:guess:2'),
  ];
}

/** The secrets an insider holds (004 Annex x.3: what each role is trusted with). */
function insiderKnowledge(role: InsiderRole, dpfGeneratesCredentials: boolean, devices: readonly DeviceId[]): Term[] {
  const made = devices.map(deviceNames);
  switch (role) {
    case 'ro':
      // 5.1.3.4.3: the DPF may generate the MCIM credentials itself, and then holds every SHO's Ki.
      return [skRo, ...made.flatMap((d) => [d.kInit, d.kPin]), ...(dpfGeneratesCredentials ? shoIds.map((s) => name(`ki:${s}`)) : [])];
    case 'pva':
      return [skPva];
    case 'supplier':
      return [skEs, ...made.flatMap((d) => [d.platformKey, d.kInit, d.kPin, d.token, d.userPin])];
    case 'sho1':
    case 'sho2':
      // Its own MCIM's credentials are its to know.
      return [skSho(role), name(`ki:${role}`), name(`imsi:${role}`)];
    case 'subscriber':
      return [victim.token, victim.userPin];
  }
}

/** What the scenario's capabilities read once a confining counter-measure is off (capabilities.ts unconfinedReach). */
function unconfinedKnowledge(config: ScenarioConfig): Term[] {
  const reaches = (id: keyof typeof unconfinedReach): boolean =>
    !isOn(config.off, id) && unconfinedReach[id].capabilities.some((c: Capability) => config.attacker.capabilities.includes(c));
  return [
    ...(reaches('t2.cm3') ? [victim.platformKey] : []),
    // The new SHO's MCIM waits Installed beside the old SHO's, which runs (models/flows/castFor.ts).
    ...(reaches('t8.cm1') && config.bothMcimsPresent ? [name(`imsi:${config.sho}`), name(`ki:${config.sho}`)] : []),
  ];
}

/** The attacker of `config`. `earlier`: the messages of the provisioning before the run (world/earlierTraffic.ts),
 *  asked for only when there is an attacker; it starts knowing those its reach reads. */
export function attackerModelOf(config: ScenarioConfig, earlier: () => readonly Message[] = () => []): AttackerModel {
  const caps = new Set(config.attacker.capabilities);
  const insider = config.attacker.dishonest;
  const active = caps.size > 0 || insider !== null;
  const devices = honestDevices(config.devices);
  const reach = reachOf(config);
  const initialKnowledge = [
    ...publicKnowledge(),
    // A second honest device's identity and public key are as public as the victim's.
    ...(devices.includes('dev2') ? [other.pcid, pk(other.platformKey)] : []),
    ...(caps.has('t5.emulatedTre') ? [emulatedKey] : []),
    // Its own genuine device gets the supplier's remote update too (5.1.2.2 [t6 cm4]), naming that device.
    ...(caps.has('t5.otherTre') ? [other.platformKey, platformCredential(other, 'v1'), treUpdateTerm(other, 'v2')] : []),
    // 5.1.2.4 lifecycle management of the MCIM the victim's SHO put in the attacker's own device: every command that SHO
    // signs for it, as it would send them (models/roles/sho.ts), genuine messages naming the attacker's device.
    ...(caps.has('t7.ownSubscription') ? [other.pcid, ...shoCommands.map((e) => lifecycleCommandTerm(config.sho, other.pcid, e))] : []),
    // A clone of dev1's host (t1.clone) when dev1 is in service and its host took part in storing and using the MCIM
    // ([t2 cm3] off: capabilities.ts unconfinedReach): the MCIM's credentials were in host memory before the run.
    ...(caps.has('t1.clone') && config.dev1InService && !isOn(config.off, 't2.cm3') ? [name(`imsi:${config.sho}`), name(`ki:${config.sho}`)] : []),
    // 5.1.3.5.8 (3): the PfC's certificate is public, device-specific.
    ...(caps.has('t6.firmware') ? [platformCredential(victim, 'v1')] : []),
    ...(insider === null ? [] : insiderKnowledge(insider, config.dpfGeneratesCredentials, devices)),
    ...unconfinedKnowledge(config),
    ...(active ? earlier().filter((m) => reach.reads(m.kind, m.from, m.to)).map((m) => m.term) : []),
  ];
  return {
    active,
    budget: config.attacker.injections,
    reach,
    initialKnowledge,
    devices,
  };
}
