// The traffic of the earlier provisioning. A run that starts with dev1 in service (a change of operator, 5.1.3.7.4;
// `dev1InService`) starts after registration 1 put the serving SHO's MCIM into dev1's TRE (castFor.ts
// inServiceSnapshots). An attacker on the network then was on it before the run too: it starts knowing every message
// of that provisioning it could read, as a replay source like any other (docs/model.md "The attacker before the run").
// The messages are those of the honest initial flow with the serving SHO, run by live actors.
import { resolveScenario, servedBeforeRun, type ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { Message } from '../messages.ts';
import { runLive } from './runLive.ts';

/** The scenario of the provisioning that put dev1 in service before `config`'s run starts, or undefined when the
 *  run starts from the factory. Only registration 1 is rebuilt: the new SHO's MCIM already present in the
 *  both-present variant came with no traffic in the model. */
export function earlierProvisioning(config: ScenarioConfig): ScenarioConfig | undefined {
  const serving = servedBeforeRun(config);
  if (serving === null) return undefined;
  const r = resolveScenario({
    // One name for every scenario, so scenarios with the same earlier provisioning share its run (earlierTraffic).
    name: 'registration-1',
    flow: config.access === '3gpp' ? 'initial-3gpp' : 'initial-non3gpp',
    access: config.access,
    sho: serving,
    dpfGeneratesCredentials: config.dpfGeneratesCredentials,
    off: [...config.off],
    assumptions: { ...config.assumptions },
  });
  // Every field is taken from a resolved scenario, whose values the schema accepts.
  if (!r.ok) throw new Error(`earlier provisioning of ${config.name}: ${r.error.message}`);
  return r.config;
}

const traffic = new Map<string, readonly Message[]>();

/** Every message delivered in the earlier provisioning of `config` (empty without one), by channel: the attacker
 *  keeps those its reach reads. Memoised per earlier scenario: an ablation builds the same one many times. */
export function earlierTraffic(config: ScenarioConfig): readonly Message[] {
  const earlier = earlierProvisioning(config);
  if (earlier === undefined) return [];
  const key = JSON.stringify(earlier);
  let messages = traffic.get(key);
  if (messages === undefined) {
    messages = runLive(earlier).delivered;
    traffic.set(key, messages);
  }
  return messages;
}
