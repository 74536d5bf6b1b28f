// The same scenario with live XState actors: each role an actor, messages routed between them from their
// `emit`ted sends. A cross-check of the pure world: the honest outcome must be the same.
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { Message } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';
import { castFor } from '../flows/castFor.ts';
import { activeMcims, flowOutcome, MAX_HONEST_STEPS, type FlowOutcome } from '../flows/flowOutcome.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { startLiveCast } from './liveCast.ts';
import { roleFinals, type RoleFinal } from './worldView.ts';

export interface LiveRun {
  readonly outcome: FlowOutcome;
  readonly trace: readonly string[];
  /** Final (value, context) of every role, as plain JSON data. */
  readonly finals: Readonly<Record<string, RoleFinal>>;
  /** The messages delivered, in order. */
  readonly delivered: readonly Message[];
}

/** Runs `config` with live actors. Scheduling differs from the pure run on purpose: messages are delivered
 *  oldest first (a global queue), local actions only when no message can be delivered. */
export function runLive(config: ScenarioConfig): LiveRun {
  const cast = castFor(config);
  const live = startLiveCast(cast, (member) => member.initial);
  const queue = live.inFlight;
  const snapshotOf = live.snapshotOf;
  let maxActive = activeMcims(snapshotOf);
  const trace: string[] = [];
  const delivered: Message[] = [];
  let quiescent = false;
  while (trace.length < MAX_HONEST_STEPS) {
    const i = queue.findIndex(live.canDeliver);
    if (i >= 0) {
      const [m] = queue.splice(i, 1) as [Message];
      trace.push(`${m.from}>${m.to} ${m.kind}`);
      delivered.push(m);
      live.deliver(m);
    } else {
      const local = firstLocal(cast, snapshotOf);
      if (local === undefined) {
        quiescent = true;
        break;
      }
      trace.push(`${local.role} ${local.event.type}`);
      live.send(local.role, local.event);
    }
    maxActive = Math.max(maxActive, activeMcims(snapshotOf));
  }
  const outcome = flowOutcome(config, snapshotOf, { maxActiveMcims: maxActive, steps: trace.length, quiescent });
  const finals = roleFinals(cast.map((m) => m.id), snapshotOf);
  live.stop();
  return { outcome, trace, finals, delivered };
}

function firstLocal(
  cast: ReturnType<typeof castFor>,
  snapshotOf: (id: RoleId) => AnyMachineSnapshot,
): { role: RoleId; event: EventObject } | undefined {
  for (const member of cast) {
    for (const event of member.localEvents) {
      if (snapshotOf(member.id).can(event)) return { role: member.id, event };
    }
  }
  return undefined;
}
