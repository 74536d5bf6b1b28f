// The world: the product of the role snapshots and the network (messages in flight), stepped by a pure
// function over XState's `transition`, one event at a time, so a search can drive it.
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import { showTerm } from '../../src/attacker/Term.ts';
import { contentId } from '../contentId.ts';
import type { Message } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';
import { castFor, type CastMember } from '../flows/castFor.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { RoleTable } from './RoleTable.ts';

/** An event of the world:
 *  - deliver: the receiver takes message `envelope` from the network (a message is deliverable exactly when its
 *    receiver has a transition for it; one it cannot take stays in flight, as an unread datagram);
 *  - local: a role's own decision or a lifecycle/fault event (`cast[role].localEvents[index]`).
 *  An attacker component adds its own kind here (read, replay, forge on open channels: `channelIsOpen`),
 *  with its knowledge as one more interned part of the world. */
export type WorldEvent =
  | { readonly kind: 'deliver'; readonly envelope: number }
  | { readonly kind: 'local'; readonly role: number; readonly index: number };

/** Interning tables shared by every world of one scenario: role snapshots and messages become small integers. */
export class WorldModel {
  readonly tables: readonly RoleTable[];
  private readonly envelopes: Message[] = [];
  private readonly envelopeIds = new Map<string, number>();

  constructor(
    readonly config: ScenarioConfig,
    readonly cast: readonly CastMember[],
  ) {
    this.tables = cast.map((m) => new RoleTable(m.machine));
  }

  roleIndex(id: RoleId): number {
    const i = this.cast.findIndex((m) => m.id === id);
    // The cast always holds every role of roleIds.
    if (i < 0) throw new Error(`world: no role '${id}' in the cast`);
    return i;
  }

  internMessage(m: Message): number {
    const key = `${m.from}>${m.to}>${m.kind}>${showTerm(m.term)}`;
    let id = this.envelopeIds.get(key);
    if (id === undefined) {
      id = this.envelopes.length;
      this.envelopes.push(m);
      this.envelopeIds.set(key, id);
    }
    return id;
  }

  message(id: number): Message {
    const m = this.envelopes[id];
    // Envelope ids only come from internMessage.
    if (m === undefined) throw new Error(`world: unknown message id ${id}`);
    return m;
  }
}

export interface World {
  readonly model: WorldModel;
  /** Interned snapshot id of each role, in cast order. */
  readonly roles: readonly number[];
  /** Messages in flight: a sorted multiset of envelope ids (an envelope fixes channel, kind and term). */
  readonly net: readonly number[];
}

/** The initial world of a scenario. */
export function initialWorld(config: ScenarioConfig): World {
  const model = new WorldModel(config, castFor(config));
  return { model, roles: model.cast.map((m, i) => model.tables[i]!.intern(m.initial)), net: [] };
}

/** The snapshot of role `id` in `world`. */
export function roleSnapshot(world: World, id: RoleId): AnyMachineSnapshot {
  const i = world.model.roleIndex(id);
  return world.model.tables[i]!.snapshot(world.roles[i]!);
}

function deliveryOf(m: Message): EventObject {
  // The receiver's event for a message (messages.ts Delivery); EventObject only declares `type`.
  return { type: m.kind, msg: m.term, from: m.from } as EventObject;
}

function tryEvent(world: World, e: WorldEvent): { role: number; next: number; sends: readonly { to: RoleId; kind: Message['kind']; term: Message['term'] }[] } | null {
  const model = world.model;
  if (e.kind === 'deliver') {
    const m = model.message(e.envelope);
    const role = model.roleIndex(m.to);
    const step = model.tables[role]!.step(world.roles[role]!, deliveryOf(m), `d${e.envelope}`);
    return step === null ? null : { role, ...step };
  }
  const event = model.cast[e.role]!.localEvents[e.index]!;
  const step = model.tables[e.role]!.step(world.roles[e.role]!, event, `l${e.index}`);
  return step === null ? null : { role: e.role, ...step };
}

/** Events enabled in `world`, in a fixed order: deliveries by envelope id, then local events by role and index. */
export function enabledEvents(world: World): WorldEvent[] {
  const out: WorldEvent[] = [];
  let last = -1;
  for (const envelope of world.net) {
    if (envelope === last) continue;
    last = envelope;
    const e: WorldEvent = { kind: 'deliver', envelope };
    if (tryEvent(world, e) !== null) out.push(e);
  }
  world.model.cast.forEach((member, role) => {
    member.localEvents.forEach((_, index) => {
      const e: WorldEvent = { kind: 'local', role, index };
      if (tryEvent(world, e) !== null) out.push(e);
    });
  });
  return out;
}

/** The world after `event`. Pure: the same world and event always give an equal world. */
export function stepWorld(world: World, event: WorldEvent): World {
  const step = tryEvent(world, event);
  // Callers step only events from enabledEvents(world); anything else is a caller bug, not a model outcome.
  if (step === null) throw new Error(`world: event ${eventLabel(world, event)} is not enabled`);
  const model = world.model;
  const roles = world.roles.slice();
  roles[step.role] = step.next;
  const net = world.net.slice();
  if (event.kind === 'deliver') net.splice(net.indexOf(event.envelope), 1);
  const from = model.cast[step.role]!.id;
  for (const s of step.sends) net.push(model.internMessage({ kind: s.kind, from, to: s.to, term: s.term }));
  net.sort((a, b) => a - b);
  return { model, roles, net };
}

/** Canonical key: equal worlds of one model have equal keys. */
export function worldKey(world: World): string {
  return `${world.roles.join('.')}|${world.net.join('.')}`;
}

/** Stable printable label of an event ("vno>m2me authChallenge", "subscriber SELECT_SHO"). */
export function eventLabel(world: World, e: WorldEvent): string {
  if (e.kind === 'deliver') {
    const m = world.model.message(e.envelope);
    return `${m.from}>${m.to} ${m.kind}`;
  }
  const member = world.model.cast[e.role]!;
  const ev = member.localEvents[e.index]!;
  const param = 'mcim' in ev ? `(${String(ev.mcim)})` : '';
  return `${member.id} ${ev.type}${param}`;
}

/** JSON view of a world: each role's state and context, and the messages in flight with their content ids. */
export function describeWorld(world: World): unknown {
  const roles: Record<string, unknown> = {};
  world.model.cast.forEach((m, i) => {
    const s = world.model.tables[i]!.snapshot(world.roles[i]!);
    roles[m.id] = { state: s.value, context: s.context ?? null };
  });
  const network = world.net.map((id) => {
    const m = world.model.message(id);
    return { from: m.from, to: m.to, kind: m.kind, term: showTerm(m.term), contentId: contentId(m.term).slice(0, 16) };
  });
  return JSON.parse(JSON.stringify({ scenario: world.model.config.name, roles, network })) as unknown;
}
