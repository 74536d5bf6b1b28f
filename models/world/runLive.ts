// The same scenario with live XState actors: each role an actor, messages routed between them from their
// `emit`ted sends. A cross-check of the pure world: the honest outcome must be the same.
import { createActor, type AnyActor, type AnyMachineSnapshot, type EventObject } from 'xstate';
import type { Message, SendEvent } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';
import { castFor } from '../flows/castFor.ts';
import { activeMcims, flowOutcome, type FlowOutcome } from '../flows/flowOutcome.ts';
import { MAX_HONEST_STEPS } from '../flows/runHonest.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';

export interface LiveRun {
  readonly outcome: FlowOutcome;
  readonly trace: readonly string[];
  /** Final (value, context) of every role. */
  readonly finals: Readonly<Record<string, { readonly value: unknown; readonly context: unknown }>>;
}

/** Runs `config` with live actors. Scheduling differs from the pure run on purpose: messages are delivered
 *  oldest first (a global queue), local actions only when no message can be delivered. */
export function runLive(config: ScenarioConfig): LiveRun {
  const cast = castFor(config);
  const actors = new Map<RoleId, AnyActor>();
  const queue: Message[] = [];
  for (const member of cast) {
    const actor = createActor(member.machine, { snapshot: member.initial });
    actor.on('send', (e: SendEvent) => void queue.push({ kind: e.kind, from: member.id, to: e.to, term: e.term }));
    actors.set(member.id, actor);
  }
  for (const a of actors.values()) a.start();
  const snapshotOf = (id: RoleId): AnyMachineSnapshot => actors.get(id)!.getSnapshot() as AnyMachineSnapshot;
  let maxActive = activeMcims(snapshotOf);
  const trace: string[] = [];
  let quiescent = false;
  while (trace.length < MAX_HONEST_STEPS) {
    const i = queue.findIndex((m) => snapshotOf(m.to).can(delivery(m)));
    if (i >= 0) {
      const [m] = queue.splice(i, 1) as [Message];
      trace.push(`${m.from}>${m.to} ${m.kind}`);
      actors.get(m.to)!.send(delivery(m));
    } else {
      const local = firstLocal(cast, snapshotOf);
      if (local === undefined) {
        quiescent = true;
        break;
      }
      trace.push(`${local.role} ${local.event.type}`);
      actors.get(local.role)!.send(local.event);
    }
    maxActive = Math.max(maxActive, activeMcims(snapshotOf));
  }
  const outcome = flowOutcome(config, snapshotOf, { maxActiveMcims: maxActive, steps: trace.length, quiescent });
  const finals: Record<string, { value: unknown; context: unknown }> = {};
  for (const member of cast) {
    const s = snapshotOf(member.id);
    finals[member.id] = { value: s.value, context: s.context ?? null };
  }
  for (const a of actors.values()) a.stop();
  return { outcome, trace, finals };
}

function delivery(m: Message): EventObject {
  return { type: m.kind, msg: m.term, from: m.from } as EventObject;
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
