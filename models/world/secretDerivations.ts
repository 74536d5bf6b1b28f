// The attacker's derivation of each secret it holds at the end of a trace: which terms it read and how analysis
// took them apart (src/attacker/derivation.ts), printed under a violated secrecy property's trace.
import { derivationOf, formatDerivation } from '../../src/attacker/derivation.ts';
import { name, type Term } from '../../src/attacker/Term.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { worldObserved, worldModelOf, type World } from './World.ts';
import { worldSystem } from './worldSystem.ts';

export interface SecretDerivation {
  /** The secret name (another role's key, Ki, token, PIN). */
  readonly secret: string;
  /** One line per step: what was read, then each projection, signed body and decryption. */
  readonly steps: readonly string[];
}

/** The derivations of the others' secrets the attacker holds after the actions labelled `labels` (a trace of
 *  `config`); empty when it holds none, or the labels do not replay. */
export function secretDerivations(config: ScenarioConfig, labels: readonly string[]): SecretDerivation[] {
  const system = worldSystem(config);
  let world = system.initialStates()[0] as World;
  for (const label of labels) {
    const action = system.enabled(world).find((a) => system.actionLabel(a) === label);
    if (action === undefined) return [];
    world = system.step(world, action) as World;
  }
  const model = worldModelOf(world);
  if (!model.attacker.active) return [];
  const observed = worldObserved(world);
  const terms = observed.map((t) => JSON.parse(t) as Term);
  return model.attackerTables.secretsKnown(observed).map((secret) => ({
    secret,
    steps: formatDerivation(derivationOf(model.attacker.initialKnowledge, terms, name(secret)) ?? []),
  }));
}
