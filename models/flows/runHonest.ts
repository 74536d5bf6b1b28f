// An honest run by the pure step function: no attacker, every message delivered, always the first enabled
// event, until nothing is enabled. Returns the outcome and the trace of event labels.
import type { RoleId } from '../roleIds.ts';
import { eventLabel } from '../world/eventLabel.ts';
import { enabledEvents, initialWorld, roleSnapshot, stepWorld, worldRoles, type World } from '../world/World.ts';
import { roleFinals, type RoleFinal } from '../world/worldView.ts';
import { activeMcims, flowOutcome, MAX_HONEST_STEPS, type FlowOutcome } from './flowOutcome.ts';
import type { ScenarioConfig } from './ScenarioConfig.ts';

export interface HonestRun {
  readonly outcome: FlowOutcome;
  readonly trace: readonly string[];
  readonly final: World;
  /** Final (value, context) of every role, in the shape `runLive` gives, to compare the two. */
  readonly finals: Readonly<Record<string, RoleFinal>>;
}

export function runHonest(config: ScenarioConfig): HonestRun {
  let world = initialWorld(config);
  const snapshotOf = (w: World) => (id: RoleId) => roleSnapshot(w, id);
  let maxActive = activeMcims(snapshotOf(world));
  const trace: string[] = [];
  let quiescent = false;
  while (trace.length < MAX_HONEST_STEPS) {
    const [first] = enabledEvents(world);
    if (first === undefined) {
      quiescent = true;
      break;
    }
    trace.push(eventLabel(world, first));
    world = stepWorld(world, first);
    maxActive = Math.max(maxActive, activeMcims(snapshotOf(world)));
  }
  const outcome = flowOutcome(config, snapshotOf(world), { maxActiveMcims: maxActive, steps: trace.length, quiescent });
  const finals = roleFinals(worldRoles(world), snapshotOf(world));
  return { outcome, trace, final: world, finals };
}
