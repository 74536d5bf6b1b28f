// The attacker's derivation of each secret it holds at the end of a trace: which terms it read and how analysis
// took them apart (src/attacker/derivation.ts), printed under a violated secrecy property's trace.
import { derivationOf, formatDerivation } from '../../src/attacker/derivation.ts';
import { name, showTerm, type Term } from '../../src/attacker/Term.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { initialWorld, worldObserved, worldModelOf, type World } from './World.ts';
import type { WorldOptions } from './relayAtReceipt.ts';
import { worldSystem } from './worldSystem.ts';

export interface SecretDerivation {
  /** The secret name (another role's key, Ki, token, PIN). */
  readonly secret: string;
  /** One line per step: what was read, then each projection, signed body and decryption. */
  readonly steps: readonly string[];
  /** Per line of `steps`: for a term read on a channel, the step of the trace (from 1) after which the attacker held
   *  it, so a sequence chart can show the read where it happened; null for the other lines. */
  readonly readAt: readonly (number | null)[];
}

/** The derivations of the others' secrets the attacker holds after the actions labelled `labels` (a trace of
 *  `config`, in the world of `options`); empty when it holds none, or the labels do not replay. */
export function secretDerivations(config: ScenarioConfig, labels: readonly string[], options: WorldOptions = {}): SecretDerivation[] {
  const system = worldSystem(config, initialWorld(config, options));
  let world = system.initialStates()[0] as World;
  // The step after which each observed term (canonical JSON) was first held.
  const firstRead = new Map<string, number>();
  for (const [i, label] of labels.entries()) {
    const action = system.enabled(world).find((a) => system.actionLabel(a) === label);
    if (action === undefined) return [];
    world = system.step(world, action) as World;
    for (const t of worldObserved(world)) if (!firstRead.has(t)) firstRead.set(t, i + 1);
  }
  const model = worldModelOf(world);
  if (!model.attacker.active) return [];
  const observed = worldObserved(world);
  const terms = observed.map((t) => JSON.parse(t) as Term);
  const stepOf = new Map(observed.map((t, i) => [showTerm(terms[i]!), firstRead.get(t) ?? null]));
  return model.attackerTables.secretsKnown(observed).map((secret) => {
    const steps = derivationOf(model.attacker.initialKnowledge, terms, name(secret)) ?? [];
    return {
      secret,
      steps: formatDerivation(steps),
      readAt: steps.map((s) => (s.kind === 'read' ? stepOf.get(showTerm(s.term)) ?? null : null)),
    };
  });
}
