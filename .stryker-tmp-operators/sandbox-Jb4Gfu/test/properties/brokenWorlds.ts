// Deliberately broken worlds for the properties' non-vacuity tests: a scenario's initial world with the network
// changed by hand (test-only), searched by the engine as the system's only initial state.
import { presetsNamed } from '../../models/flows/presets.ts';
import type { ScenarioConfig } from '../../models/flows/ScenarioConfig.ts';
import type { Message } from '../../models/messages.ts';
import { envelopeKey, messageOfKey } from '../../models/world/envelopeKey.ts';
import { enabledEvents, portableWorld, reviveWorld, stepWorld, worldNet, type World } from '../../models/world/World.ts';
import { eventLabel } from '../../models/world/eventLabel.ts';

export function preset(name: string): ScenarioConfig {
  const config = presetsNamed(name)[0];
  if (config === undefined) throw new Error(`no preset ${name}`);
  return config;
}

/** The world after the events labelled `labels`, taken one by one from `world`. */
export function walk(world: World, labels: readonly string[]): World {
  let w = world;
  for (const label of labels) {
    const e = enabledEvents(w).find((x) => eventLabel(w, x) === label);
    if (e === undefined) throw new Error(`not enabled: ${label}`);
    w = stepWorld(w, e);
  }
  return w;
}

/** `world` with the messages in flight replaced by `keys` (envelope keys). */
export function withNet(world: World, keys: readonly string[]): World {
  return reviveWorld(world.model, { ...portableWorld(world), net: keys });
}

/** `world` with `message` added to the messages in flight (as if someone had sent it). */
export function withMessage(world: World, message: Message): World {
  return withNet(world, [...worldNet(world), envelopeKey(message)]);
}

/** `world` without the first message in flight of `kind` (as if the network had lost it). */
export function withoutMessage(world: World, kind: Message['kind']): World {
  const net = worldNet(world);
  const i = net.findIndex((k) => messageOfKey(k).kind === kind);
  if (i < 0) throw new Error(`no ${kind} message in flight`);
  return withNet(world, net.filter((_, j) => j !== i));
}
