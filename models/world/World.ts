// The world: the product of the role snapshots and the network (messages in flight), stepped by a pure
// function over XState's transition (memoised per role by MemoMachine), one event at a time, so a search can
// drive it. A world is plain data naming every part by content, so it survives structuredClone to a worker.
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { Message } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { notEnabled } from '../../src/xstate/MemoMachine.ts';
import { WorldModel } from './WorldModel.ts';
import { worldView, type AttackerView } from './worldView.ts';
import type { Knowledge } from '../../src/attacker/knowledge.ts';
import { contentId } from '../contentId.ts';

/** An event of the world:
 *  - deliver: the receiver takes message `envelope` from the network (a message is deliverable exactly when its
 *    receiver has a transition for it; one it cannot take stays in flight, as an unread datagram);
 *  - local: a role's own decision or a lifecycle/fault event (`cast[role].localEvents[index]`);
 *  - inject: the attacker delivers a message it can build, on a channel it writes (models/attacker/channels.ts);
 *    what it reads of every send is part of the world (`observed`). */
export type WorldEvent =
  | { readonly kind: 'deliver'; readonly envelope: number }
  | { readonly kind: 'local'; readonly role: number; readonly index: number }
  /** The attacker hands message `envelope` (not in flight: a replay, redirection or forgery) to its receiver. */
  | { readonly kind: 'inject'; readonly envelope: number };

export interface World {
  /** The scenario (canonical JSON of its configuration): finds the model's tables in any thread. */
  readonly scenario: string;
  /** Canonical key of each role's local state (MemoMachine.key), in cast order. */
  readonly roles: readonly string[];
  /** Messages in flight: a sorted multiset of envelope keys (an envelope fixes channel, kind and term). */
  readonly net: readonly string[];
  /** The attacker's observations: the canonical JSON of every message term it read, sorted, without repeats.
   *  Its knowledge is their Dolev-Yao closure with its initial knowledge (models/attacker/AttackerTables.ts). */
  readonly observed: readonly string[];
  /** Injections made so far (bounded by the scenario's budget). */
  readonly injections: number;
}

/** What this thread knows of a world: its tables, and each role's local id in them (found from the keys
 *  once, or carried over from the world it was stepped from). A world cloned from another thread finds its
 *  tables by scenario. */
interface Known {
  readonly model: WorldModel;
  readonly ids: readonly number[];
}
const known = new WeakMap<World, Known>();
const modelOfScenario = new Map<string, WorldModel>();

function knownOf(world: World): Known {
  let k = known.get(world);
  if (k === undefined) {
    let model = modelOfScenario.get(world.scenario);
    if (model === undefined) {
      model = new WorldModel(JSON.parse(world.scenario) as ScenarioConfig);
      modelOfScenario.set(world.scenario, model);
    }
    const tables = model.memos;
    k = { model, ids: world.roles.map((key, i) => tables[i]!.idOfKey(key)) };
    known.set(world, k);
  }
  return k;
}

function modelOf(world: World): WorldModel {
  return knownOf(world).model;
}

function made(
  model: WorldModel, ids: readonly number[], roles: readonly string[], net: readonly string[], observed: readonly string[], injections: number,
): World {
  const world: World = { scenario: model.scenario, roles, net, observed, injections };
  known.set(world, { model, ids });
  return world;
}

/** The initial world of a scenario, with fresh tables (every world stepped from it shares them). */
export function initialWorld(config: ScenarioConfig): World {
  const model = new WorldModel(config);
  if (!modelOfScenario.has(model.scenario)) modelOfScenario.set(model.scenario, model);
  const ids = model.cast.map((m, i) => model.memos[i]!.intern(m.initial));
  return made(model, ids, ids.map((id, i) => model.memos[i]!.key(id)), [], [], 0);
}

/** The configuration `world` belongs to. */
export function worldConfig(world: World): ScenarioConfig {
  return modelOf(world).config;
}

/** The roles of `world`, in cast order. */
export function worldRoles(world: World): readonly RoleId[] {
  return modelOf(world).cast.map((m) => m.id);
}

/** The snapshot of role `id` in `world`. */
export function roleSnapshot(world: World, id: RoleId): AnyMachineSnapshot {
  const { model, ids } = knownOf(world);
  const i = model.roleIndex(id);
  return model.memos[i]!.snapshot(ids[i]!);
}

interface Taken {
  readonly role: number;
  readonly next: number;
  readonly sends: readonly string[];
}

function tryEvent({ model, ids }: Known, e: WorldEvent): Taken | null {
  const role = e.kind === 'local' ? e.role : model.receiver(e.envelope);
  const eventIndex = e.kind === 'local' ? model.localEvents[e.role]?.[e.index] : model.delivery(e.envelope);
  const memo = model.memos[role];
  if (memo === undefined || eventIndex === undefined) return null;
  const id = ids[role]!;
  const next = memo.step(id, eventIndex);
  return next === notEnabled ? null : { role, next, sends: model.sent(role, eventIndex, id) };
}

/** Events enabled in `world`, in a fixed order that depends on the world's content only: deliveries in
 *  network order (message kind as the flows run, then channel, then term), then local events by role and index. */
export function enabledEvents(world: World): WorldEvent[] {
  const k = knownOf(world);
  const model = k.model;
  const out: WorldEvent[] = [];
  let last: string | undefined;
  for (const key of world.net) {
    if (key === last) continue;
    last = key;
    const e: WorldEvent = { kind: 'deliver', envelope: model.envelopeOfKey(key) };
    if (tryEvent(k, e) !== null) out.push(e);
  }
  model.localEvents.forEach((events, role) => {
    for (let index = 0; index < events.length; index++) {
      const e: WorldEvent = { kind: 'local', role, index };
      if (tryEvent(k, e) !== null) out.push(e);
    }
  });
  if (model.attacker.active && world.injections < model.attacker.budget) {
    for (const envelope of model.injectable(world.observed)) {
      // A message already in flight on that channel is delivered as it is, not injected again.
      if (world.net.includes(model.keyOfEnvelope(envelope))) continue;
      const e: WorldEvent = { kind: 'inject', envelope };
      if (tryEvent(k, e) !== null) out.push(e);
    }
  }
  return out;
}

/** The world after `event`. Pure: the same world and event always give an equal world. */
export function stepWorld(world: World, event: WorldEvent): World {
  const k = knownOf(world);
  const model = k.model;
  // A delivery needs its message in flight; the index is that message's place in the network.
  const delivered = event.kind !== 'deliver' ? -1 : event.envelope < model.envelopeCount ? world.net.indexOf(model.keyOfEnvelope(event.envelope)) : -1;
  const step = event.kind === 'deliver' && delivered < 0 ? null : tryEvent(k, event);
  // Callers step only events from enabledEvents(world); anything else is a caller bug, not a model outcome.
  if (step === null) throw new Error(`world: event ${JSON.stringify(event)} is not enabled`);
  const roles = world.roles.slice();
  roles[step.role] = model.memos[step.role]!.key(step.next);
  const ids = k.ids.slice();
  ids[step.role] = step.next;
  const net = world.net.slice();
  if (delivered >= 0) net.splice(delivered, 1);
  for (const s of step.sends) net.push(s);
  net.sort();
  return made(model, ids, roles, net, observe(model, world.observed, step.sends), world.injections + (event.kind === 'inject' ? 1 : 0));
}

/** The attacker's observations after `sends` went out: each one on a channel it reads adds its term. */
function observe(model: WorldModel, observed: readonly string[], sends: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  for (const s of sends) {
    const term = model.observedTerm(s);
    if (term === undefined || (out ?? observed).includes(term)) continue;
    out ??= observed.slice();
    out.push(term);
  }
  return out === undefined ? observed : out.sort();
}

/** Canonical key: equal worlds have equal keys, in any thread (made of content digests, not of ids). */
export function worldKey(world: World): string {
  const { model, ids } = knownOf(world);
  let key = '';
  for (let i = 0; i < ids.length; i++) key += model.localDigest(i, ids[i]!);
  key += '|';
  for (const k of world.net) key += model.envelopeDigest(model.envelopeOfKey(k));
  if (!model.attacker.active) return key;
  key += `|${world.injections}|`;
  for (const t of world.observed) key += model.termDigest(t);
  return key;
}

/** Stable printable label of an event ("vno>m2me authChallenge", "subscriber SELECT_SHO"). */
export function eventLabel(world: World, e: WorldEvent): string {
  const model = modelOf(world);
  if (e.kind === 'deliver') {
    const m = model.message(e.envelope);
    return `${m.from}>${m.to} ${m.kind}`;
  }
  if (e.kind === 'inject') {
    const m = model.message(e.envelope);
    return `attacker>${m.to} ${m.kind} (injected as ${m.from}) ${contentId(m.term).slice(0, 8)}`;
  }
  const member = model.cast[e.role]!;
  const ev = member.localEvents[e.index]!;
  const param = 'mcim' in ev ? `(${String(ev.mcim)})` : '';
  return `${member.id} ${ev.type}${param}`;
}

/** JSON view of a world: each role's state and context, and the messages in flight with their content ids. */
export function describeWorld(world: World): unknown {
  const model = modelOf(world);
  const network = world.net.map((key) => model.message(model.envelopeOfKey(key)));
  return worldView(model.config.name, worldRoles(world), (id) => roleSnapshot(world, id), network, attackerViewOf(model, world.observed, world.injections));
}

/** What a trace shows of the attacker: injections made, messages read, others' secrets it derived. */
export function attackerViewOf(model: WorldModel, observed: readonly string[], injections: number): AttackerView | undefined {
  if (!model.attacker.active) return undefined;
  return { injections, read: observed.length, secrets: model.attackerTables.secretsKnown(observed) };
}

/** The attacker's knowledge in `world` (for secrecy properties). */
export function attackerKnowledge(world: World): Knowledge | undefined {
  const model = modelOf(world);
  return model.attacker.active ? model.attackerTables.entry(world.observed).knowledge : undefined;
}

/** The world's model (for the live replay, which tracks the attacker the same way). */
export function worldModelOf(world: World): WorldModel {
  return modelOf(world);
}

/** The message a delivery event takes from the network. */
export function deliveredMessage(world: World, envelope: number): Message {
  return modelOf(world).message(envelope);
}

/** The role and XState event of a local event. */
export function localEventOf(world: World, role: number, index: number): { readonly role: RoleId; readonly event: EventObject } {
  const member = modelOf(world).cast[role];
  const event = member?.localEvents[index];
  // Events come from enabledEvents(world), whose indices are the cast's.
  if (member === undefined || event === undefined) throw new Error(`world: no local event ${role}/${index}`);
  return { role: member.id, event };
}
