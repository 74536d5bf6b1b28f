// The attacker of a scenario as data: what it knows at the start, which channels it reads and writes, how many
// injections it may make, and the forgeries it tries (terms built with the builders of models/messages.ts from
// names it may hold; each is usable only when Dolev-Yao synthesis derives it from the attacker's knowledge).
import { aenc, name, pk, sign, tuple, type Term } from '../../src/attacker/Term.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import {
  bootstrapTerm, contractTerm, deviceNames, firmware, keyExportRequestTerm, platformCredential, platformMeasurement,
  registrationNonce, registrationTerm, shoName, skEs, skPva, skRo, skSho, userAuthTerm, validationResultTerm, type MessageKind,
} from '../messages.ts';
import { mcimLifecycleEventTypes } from '../mcimLifecycle.ts';
import { shoIds, type ShoId } from '../roleIds.ts';
import type { InsiderRole } from './capabilities.ts';
import { reachOf, type Reach } from './channels.ts';
import { messageRoutes } from './routes.ts';

export interface Forgery {
  readonly kind: MessageKind;
  readonly term: Term;
}

export interface AttackerModel {
  /** False when the scenario has no attacker: the world then has no attacker events at all. */
  readonly active: boolean;
  /** Injections allowed in a run. */
  readonly budget: number;
  readonly reach: Reach;
  readonly initialKnowledge: readonly Term[];
  readonly forgeries: readonly Forgery[];
}

const victim = deviceNames('dev1');
const other = deviceNames('dev2');
const attackerKey = name('sk:attacker');
const emulatedKey = name('sk:emu');
/** Registration nonces the forgeries try: the victim TRE's first ones and one of the attacker's own. */
const nonces = [registrationNonce(victim.pcid, 1), registrationNonce(victim.pcid, 2), name('nreg:attacker')];

/** Names anyone can know: identities, public keys, the constants and tags of the message vocabulary. */
function publicKnowledge(): Term[] {
  const tags = new Set<string>(Object.values(messageRoutes).map((r) => r.tag));
  for (const t of ['mcim', 'PfC', 'M2MSIMMobj', 'authorise', 'reprovision', 'autn', 'keyExported', 'mcimExport', 'mcimData']) tags.add(t);
  return [
    ...[...tags].map(name),
    ...shoIds.map(shoName), ...shoIds.map((s) => name(`mcim:${s}`)), ...shoIds.map((s) => pk(skSho(s))),
    victim.pcid, other.pcid, pk(victim.platformKey), pk(other.platformKey), pk(skRo), pk(skEs), pk(skPva),
    name('ok'), name('fail'), name('local'), name('remote'), name('via-old-sho'), name('pristine'),
    firmware('v1'), firmware('v2'), firmware('modified'),
    ...mcimLifecycleEventTypes.map(name),
    // The attacker's own names: its key, token, subscriber credentials and MCIM content.
    attackerKey, pk(attackerKey), name('tok:attacker'), name('nreg:attacker'), name('imsi:attacker'), name('ki:attacker'),
    name('code:attacker'), name('pin:guess:1'), name('pin:guess:2'),
  ];
}

/** The secrets an insider holds (004 Annex x.3: what each role is trusted with). */
function insiderKnowledge(role: InsiderRole, dpfGeneratesCredentials: boolean): Term[] {
  switch (role) {
    case 'ro':
      // 5.1.3.4.3: the DPF may generate the MCIM credentials itself, and then holds every SHO's Ki.
      return [skRo, victim.kInit, victim.kPin, ...(dpfGeneratesCredentials ? shoIds.map((s) => name(`ki:${s}`)) : [])];
    case 'pva':
      return [skPva];
    case 'supplier':
      return [skEs, victim.platformKey, victim.kInit, victim.kPin, victim.token, victim.userPin];
    case 'sho1':
    case 'sho2':
      // Its own MCIM's credentials are its to know.
      return [skSho(role), name(`ki:${role}`), name(`imsi:${role}`)];
    case 'subscriber':
      return [victim.token, victim.userPin];
  }
}

/** A PfC the attacker makes for a key of its own: the right shape, not the M2MES's signature. */
const selfMadePfc = (key: Term): Term => sign(key, tuple(name('PfC'), victim.pcid, pk(key), platformMeasurement('v1')));

function forgeriesOf(config: ScenarioConfig, signers: readonly Term[]): Forgery[] {
  const caps = new Set(config.attacker.capabilities);
  const out: Forgery[] = [];
  const add = (kind: MessageKind, term: Term): void => void out.push({ kind, term });
  if (caps.has('network') || config.attacker.dishonest !== null) {
    for (const signer of signers) {
      for (const sho of shoIds) {
        for (const nonce of nonces) {
          // An MCIM object of the attacker's making (x.2.3 shape), encrypted for the victim's TRE or in clear.
          const content = tuple(name('mcim'), shoName(sho), name('imsi:attacker'), name('ki:attacker'), name('code:attacker'), name('tok:attacker'), nonce);
          for (const blob of [aenc(pk(victim.platformKey), content), content]) {
            add('mcimDownload', sign(signer, tuple(name('M2MSIMMobj'), victim.pcid, nonce, blob)));
          }
          // A provisioning status the TRE never signed (004 step 13).
          add('provisioningStatus', sign(signer, tuple(name('provisioned'), victim.pcid, nonce, shoName(sho), name('ok'))));
        }
      }
      for (const nonce of nonces) add('provisionCommit', sign(signer, tuple(name('commit'), victim.pcid, nonce)));
    }
    // A positive validation of any registration (needs the PVA's key: an insider PVA has it).
    for (const sho of shoIds) for (const nonce of nonces) add('validationResult', validationResultTerm(victim.pcid, nonce, sho, name('ok')));
    // A bootstrap naming another SHO (needs the device PIN: an insider RO or supplier has it).
    for (const sho of shoIds) add('bootstrap', bootstrapTerm(victim.pcid, victim.kPin, sho, pk(skRo)));
  }
  if (caps.has('t5.emulatedTre')) {
    for (const sho of shoIds) add('registrationRequest', registrationTerm({ device: victim.pcid, key: emulatedKey }, name('nreg:attacker'), sho, 'v1', selfMadePfc(emulatedKey)));
  }
  if (caps.has('t5.otherTre')) {
    for (const sho of shoIds) {
      add('registrationRequest', registrationTerm({ device: victim.pcid, key: other.platformKey }, name('nreg:attacker'), sho, 'v1', platformCredential(other, 'v1')));
    }
  }
  if (caps.has('t6.firmware')) {
    for (const signer of signers) {
      add('treUpdate', sign(signer, tuple(name('update'), victim.pcid, firmware('modified'), selfMadePfc(signer))));
      // The victim's genuine PfC, a public certificate (5.1.3.5.8 (3)), kept across the modification.
      add('treUpdate', sign(signer, tuple(name('update'), victim.pcid, firmware('modified'), platformCredential(victim, 'v1'))));
    }
  }
  if (caps.has('t7.commands') || config.attacker.dishonest === 'sho1' || config.attacker.dishonest === 'sho2') {
    for (const signer of signers) {
      for (const sho of shoIds) {
        for (const event of ['BLOCK', 'UNBLOCK', 'RETIRE', 'DELETE']) {
          add('lifecycleCommand', sign(signer, tuple(name('lifecycle'), victim.pcid, name(`mcim:${sho}`), name(event))));
        }
      }
    }
  }
  if (caps.has('t10.localGuess') || caps.has('t10.remoteGuess')) {
    for (const pin of [name('pin:guess:1'), name('pin:guess:2')]) {
      add('userAuth', userAuthTerm(pin, 'local'));
      add('userAuth', userAuthTerm(pin, 'remote'));
    }
  }
  if (caps.has('t4.logical') || caps.has('t3.malware')) add('interfaceRequest', keyExportRequestTerm(victim.pcid));
  if (caps.has('t12.stolenIdentity')) add('contract', contractTerm(victim.pcid, name('tok:attacker')));
  return out;
}

export function attackerModelOf(config: ScenarioConfig): AttackerModel {
  const caps = new Set(config.attacker.capabilities);
  const insider = config.attacker.dishonest;
  const active = caps.size > 0 || insider !== null;
  const initialKnowledge = [
    ...publicKnowledge(),
    ...(caps.has('t5.emulatedTre') ? [emulatedKey] : []),
    ...(caps.has('t5.otherTre') ? [other.platformKey, platformCredential(other, 'v1')] : []),
    // 5.1.3.5.8 (3): the PfC's certificate is public, device-specific.
    ...(caps.has('t6.firmware') ? [platformCredential(victim, 'v1')] : []),
    ...(insider === null ? [] : insiderKnowledge(insider, config.dpfGeneratesCredentials)),
  ];
  const signers = [attackerKey, ...(insider === 'ro' ? [skRo] : []), ...(insider === 'supplier' ? [skEs] : []),
    ...(insider === 'sho1' || insider === 'sho2' ? [skSho(insider as ShoId)] : [])];
  return {
    active,
    budget: config.attacker.injections,
    reach: reachOf(config),
    initialKnowledge,
    forgeries: active ? forgeriesOf(config, signers) : [],
  };
}
