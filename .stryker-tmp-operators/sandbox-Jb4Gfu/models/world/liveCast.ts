// Live XState actors for a cast, one per role, each `emit`ted send appended to one list of messages in
// flight: the live counterpart of the pure world, shared by runLive and liveReplay.
import { createActor, type AnyActor, type AnyMachineSnapshot, type EventObject } from 'xstate';
import type { Cast, CastMember } from '../flows/castFor.ts';
import type { Message, SendEvent } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';

export interface LiveCast {
  /** Messages sent and not yet delivered, in the order they were sent (after any given at the start). */
  readonly inFlight: Message[];
  snapshotOf(id: RoleId): AnyMachineSnapshot;
  /** The receiver has a transition for `m` now. */
  canDeliver(m: Message): boolean;
  /** Hands `m` to its receiver; the caller takes it out of `inFlight`. */
  deliver(m: Message): void;
  send(role: RoleId, event: EventObject): void;
  stop(): void;
}

/** The receiver's event for a message, as messages.ts `Delivery` types it (EventObject only declares `type`). */
function delivery(m: Message): EventObject {
  return { type: m.kind, msg: m.term, from: m.from } as EventObject;
}

/** Starts an actor per member from the snapshot `start` gives it, with `inFlight` as the messages already sent. */
export function startLiveCast(cast: Cast, start: (member: CastMember) => AnyMachineSnapshot, inFlight: Message[] = []): LiveCast {
  const actors = new Map<RoleId, AnyActor>();
  for (const member of cast) {
    const actor = createActor(member.machine, { snapshot: start(member) });
    actor.on('send', (e: SendEvent) => void inFlight.push({ kind: e.kind, from: member.id, to: e.to, term: e.term }));
    actors.set(member.id, actor);
  }
  for (const actor of actors.values()) actor.start();
  // Every role of the cast has an actor, and messages only go to roles of the cast.
  const actorOf = (id: RoleId): AnyActor => actors.get(id)!;
  const snapshotOf = (id: RoleId): AnyMachineSnapshot => actorOf(id).getSnapshot() as AnyMachineSnapshot;
  return {
    inFlight,
    snapshotOf,
    canDeliver: (m) => snapshotOf(m.to).can(delivery(m)),
    deliver: (m) => actorOf(m.to).send(delivery(m)),
    send: (role, event) => actorOf(role).send(event),
    stop: () => {
      for (const actor of actors.values()) actor.stop();
    },
  };
}
