// The world: the product of the role snapshots, the network (messages in flight) and the attacker's observations,
// stepped by a pure function over XState's transition (memoised per role by MemoMachine), one event at a time, so a
// search can drive it. A world is a record in its scenario's world table (WorldModel) in this thread: the id of the
// tuple of local states, the id of the observations with the injections made, and the messages in flight, as
// varints; the record's offset is the world's key. `portableWorld` names the same content by keys, for another
// thread or instance (`reviveWorld`).
import type { AnyMachineSnapshot, EventObject } from 'xstate';
import type { Message } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import { readVarint, varintSize, writeVarint } from '../../src/packing/varint.ts';
import { WorldModel } from './WorldModel.ts';
import { noteRoleRead } from './roleReads.ts';
import { recordBytes, SuccessorBatch, writeHeader, writeSuccessor } from './successorRecord.ts';
import { worldView, type AttackerView } from './worldView.ts';
import type { Knowledge } from '../../src/attacker/knowledge.ts';
import { eventOrder, eventRole, injectionSender, orderRole, orderSender } from './eventOrder.ts';
import type { WorldEvent } from './WorldEvent.ts';
import { eachEnabled, reachedBy, type Visit } from './enabledSteps.ts';
import { World } from './WorldState.ts';
import type { WorldOptions } from './relayAtReceipt.ts';
import type { RecordSink } from '../../src/engine/RecordSteps.ts';

export type { WorldEvent } from './WorldEvent.ts';

export { World } from './WorldState.ts';

/** A world named by content (local state keys, envelope keys, observed terms): equal content gives an equal
 *  portable world in any thread, and it survives structuredClone. */
export interface PortableWorld {
  readonly scenario: string;
  readonly roles: readonly string[];
  readonly net: readonly string[];
  readonly observed: readonly string[];
  readonly injections: number;
}

/** Scratch space for a record being built (interning copies it). */
let recordScratch = new Uint8Array(256);

/** The scratch record, with room for `messages` messages after the header. */
function recordRoom(messages: number): Uint8Array {
  const length = recordBytes(messages);
  if (recordScratch.length < length) recordScratch = new Uint8Array(Math.max(length, recordScratch.length * 2));
  return recordScratch;
}

/** The initial world of a scenario, with fresh tables (every world stepped from it shares them); `options` choose
 *  the world's reductions (relayAtReceipt.ts). */
export function initialWorld(config: ScenarioConfig, options: WorldOptions = {}): World {
  const model = new WorldModel(config, options);
  const ids = model.cast.map((m, i) => model.memos[i]!.intern(m.initial));
  return withParts(model, ids, [], [], 0);
}

function withParts(model: WorldModel, localIds: readonly number[], envelopes: readonly number[], observed: readonly string[], injections: number): World {
  return worldOfParts(model, localIds, envelopes, model.observations.ofTerms(observed), injections);
}

/** The world of these local ids (cast order), messages in flight (any order), observations (a set's id in
 *  model.observations) and injections, interned in the model's tables. */
export function worldOfParts(model: WorldModel, localIds: readonly number[], envelopes: readonly number[], observedId: number, injections: number): World {
  // A world's record packs its injections with its observations, below the budget's bound; more is a caller bug.
  if (!(injections >= 0 && injections < model.injectionSlots)) throw new RangeError(`world: ${injections} injections, budget ${model.injectionSlots - 1}`);
  const rolesId = model.roleTuples.intern(Int32Array.from(localIds), localIds.length);
  const net = [...envelopes].sort((a, b) => model.rank[a]! - model.rank[b]!);
  const record = recordRoom(net.length);
  let end = writeHeader(record, 0, model, rolesId, observedId, injections);
  for (const e of net) end = writeVarint(record, end, e);
  return worldAt(model, model.worlds.intern(record, end));
}

/** The world whose record is at offset `at` of model.worlds. */
export function worldAt(model: WorldModel, at: number): World {
  const table = model.worlds;
  return worldOfBytes(model, at, table.segmentOf(at), table.bodyStart(at), table.bodyEnd(at));
}

/** The world of the record `bytes[start .. end - 1]` (writeHeader's header, then the messages in flight), at offset
 *  `at` of model.worlds (-1: a record not interned there). */
function worldOfBytes(model: WorldModel, at: number, bytes: Uint8Array, start: number, end: number): World {
  let p = start;
  const rolesId = readVarint(bytes, p);
  p += varintSize(rolesId);
  const packed = readVarint(bytes, p);
  p += varintSize(packed);
  const observedId = Math.floor(packed / model.injectionSlots);
  return new World(model, at, rolesId, observedId, packed - observedId * model.injectionSlots, bytes, p, end);
}

/** The envelope ids of the messages in flight in `world`, in key order. */
export function envelopesOf(world: World): number[] {
  const pool = world.net;
  const out: number[] = [];
  for (let p = world.netStart; p < world.netEnd; p += varintSize(out[out.length - 1]!)) out.push(readVarint(pool, p));
  return out;
}

/** The content of `world`, by keys. */
export function portableWorld(world: World): PortableWorld {
  const model = world.model;
  return {
    scenario: model.scenario,
    roles: model.cast.map((_, i) => model.memos[i]!.key(localIdOf(world, i))),
    net: worldNet(world),
    observed: worldObserved(world),
    injections: world.injections,
  };
}

/** The world `portable` names, in the tables of `model` (the same scenario's, in this thread). */
export function reviveWorld(model: WorldModel, portable: PortableWorld): World {
  // A world of another scenario would be read with the wrong machines: a caller bug.
  if (portable.scenario !== model.scenario) throw new Error('world: a portable world of another scenario');
  const ids = portable.roles.map((key, i) => model.memos[i]!.idOfKey(key));
  return withParts(model, ids, portable.net.map((k) => model.envelopeOfKey(k)), portable.observed, portable.injections);
}

/** The configuration `world` belongs to. */
export function worldConfig(world: World): ScenarioConfig {
  return world.model.config;
}

/** The roles of `world`, in cast order. */
export function worldRoles(world: World): readonly RoleId[] {
  return world.model.cast.map((m) => m.id);
}

export function localIdOf(world: World, role: number): number {
  const tuples = world.model.roleTuples;
  return tuples.pool[tuples.starts[world.rolesId]! + role]!;
}

/** The snapshot of role `id` in `world`. */
export function roleSnapshot(world: World, id: RoleId): AnyMachineSnapshot {
  const model = world.model;
  const i = model.roleIndex(id);
  const local = localIdOf(world, i);
  noteRoleRead(i, local);
  return model.memos[i]!.snapshot(local);
}

/** The messages in flight, by envelope key, in key order (repeats kept). */
export function worldNet(world: World): string[] {
  return envelopesOf(world).map((e) => world.model.keyOfEnvelope(e));
}

/** The attacker's observations: the canonical JSON of every message term it read, sorted, without repeats. */
export function worldObserved(world: World): readonly string[] {
  return world.model.observations.terms(world.observedId);
}

/** The record offset of the world after an event that leaves the tuple `rolesId`, takes the message at pool
 *  offset `taken` (-1: none) and sends the list `sendsId` (WorldModel.sendList). */
function successorKey(world: World, rolesId: number, taken: number, sendsId: number, injected: boolean): number {
  const record = recordRoom(world.netEnd - world.netStart + world.model.sendList(sendsId).length);
  const end = writeSuccessor(world.model, world.observedId, world.injections, world.net, world.netStart, world.netEnd, rolesId, taken, sendsId, injected, record, 0);
  return world.model.worlds.intern(record, end);
}

/** Events enabled in `world`, in the order of `eachEnabled`. */
export function enabledEvents(world: World): WorldEvent[] {
  const out: WorldEvent[] = [];
  eachEnabled(world, (event) => out.push(event));
  return out;
}

/** The world being expanded, read by the one visitor function of every call (`collectSuccessor`, `writeToSink`),
 *  not a closure per state (the search expands every state). */
let expanding: World | undefined;
/** The enabled events of the worlds being expanded and their successors' records, interned once all are written. */
const batch = new SuccessorBatch();
const collectSuccessor: Visit = (event, rolesId, taken, sends, leftOut) => {
  if (leftOut) batch.pushLeftOut(event);
  else batch.pushRecord(event, writeInBatch(event, rolesId, taken, sends));
};

/** Where `writeSuccessorRecords` writes, read by its one visitor. */
let sink: RecordSink | undefined;
const writeToSink: Visit = (event, rolesId, taken, sends, leftOut) => {
  const out = sink!;
  if (leftOut) return out.leftOut();
  const world = expanding!;
  const model = world.model;
  const record = out.begin(recordBytes(world.netEnd - world.netStart + model.sendList(sends).length), eventOrder(event, model));
  out.wrote(writeSuccessor(model, world.observedId, world.injections, world.net, world.netStart, world.netEnd, rolesId, taken, sends, injects(event), record, out.at));
};

/** Writes at the batch's top the record of the world after `event` from the world being expanded; gives its end. */
function writeInBatch(event: WorldEvent, rolesId: number, taken: number, sends: number): number {
  const world = expanding!;
  const model = world.model;
  const record = batch.room(recordBytes(world.netEnd - world.netStart + model.sendList(sends).length));
  return writeSuccessor(model, world.observedId, world.injections, world.net, world.netStart, world.netEnd, rolesId, taken, sends, injects(event), record, batch.bytesTop);
}

/** The contexts of the outer calls (a visit may expand another world: a property that steps): `reachedBy` and the
 *  batch's tops, five numbers a call, and the world each expanded. */
const outerContexts: number[] = [];
const outerWorlds: (World | undefined)[] = [];

/** Makes `world` the one being expanded, reached by a step of role `role`, order `order` and claimed sender `sender`
 *  (`reachedBy`), and gives where its steps start in the batch; `leave` restores the outer call's context. */
function enter(world: World, role: number, order: number, sender: number): number {
  outerWorlds.push(expanding);
  outerContexts.push(reachedBy.role, reachedBy.order, reachedBy.sender, batch.top, batch.bytesTop);
  expanding = world;
  reachedBy.role = role;
  reachedBy.order = order;
  reachedBy.sender = sender;
  return batch.top;
}

function leave(): void {
  const c = outerContexts;
  batch.bytesTop = c.pop()!;
  batch.top = c.pop()!;
  reachedBy.sender = c.pop()!;
  reachedBy.order = c.pop()!;
  reachedBy.role = c.pop()!;
  expanding = outerWorlds.pop();
}

/** Each enabled event of `world` with the key of its successor (`worldAt` builds it), in `enabledEvents` order:
 *  the search's fast path. Given `via`, the event that first reached `world`, an event that `eventLeavesOut`
 *  leaves out gets key -1, its successor not computed (System.forEachSuccessorKey). */
export function forEachSuccessorKey(world: World, visit: (event: WorldEvent, key: number) => void, via?: WorldEvent): void {
  const model = world.model;
  const base = via === undefined ? enter(world, -1, 0, -1) : enter(world, eventRole(model, via), eventOrder(via, model), injectionSender(model, via));
  try {
    // Every successor's record first, then each interned and visited in order: the table's probes for them overlap.
    eachEnabled(world, collectSuccessor, true);
    batch.readAhead(base, model);
    const worlds = model.worlds;
    for (let k = base, top = batch.top; k < top; k++) {
      const start = batch.starts[k]!;
      // A visit may expand another world above `top`, which may grow (and so replace) the batch's arrays.
      visit(batch.events[k]!, start < 0 ? -1 : worlds.internHashed(batch.bytes, start, batch.ends[k]! - start, batch.hashes[k]!));
    }
  } finally {
    leave();
  }
}

/** The records of the pipelined search (System.records, src/engine/pipeline): each enabled event of `world`, its
 *  successor's record written into `sink` where the sink says (its stream to the store: no batch, no copy), or left
 *  out; tagged with the event's order (`eventOrder`), which the search gives back as `via` when it expands the world
 *  the event first reached. `via` < 0: leave none out. The same steps, in the same order, left out alike, as
 *  `forEachSuccessorKey` given that event. */
export function writeSuccessorRecords(world: World, via: number, out: RecordSink): void {
  const model = world.model;
  if (via < 0) enter(world, -1, 0, -1);
  else enter(world, orderRole(via), via, orderSender(model, via));
  const outer = sink;
  sink = out;
  try {
    eachEnabled(world, writeToSink, true);
  } finally {
    sink = outer;
    leave();
  }
}

/** The world of a record (`bytes[start .. end - 1]`, which the world keeps: the caller's copy), in `model`'s tables but
 *  not interned there: a state of the pipelined search, whose store is another thread's. */
export function worldOfRecord(model: WorldModel, bytes: Uint8Array, start: number, end: number): World {
  return worldOfBytes(model, -1, bytes, start, end);
}

/** A world's record, for the pipelined search's store. */
export function recordOfWorld(world: World): Uint8Array {
  return world.model.worlds.body(world.at).slice();
}

/** Each enabled event of `world` with its successor, in `enabledEvents` order. */
export function forEachSuccessor(world: World, visit: (event: WorldEvent, next: World) => void): void {
  const model = world.model;
  forEachSuccessorKey(world, (event, key) => visit(event, worldAt(model, key)));
}

/** The world after `event`. Pure: the same world and event always give an equal world. */
export function stepWorld(world: World, event: WorldEvent): World {
  let out: World | undefined;
  eachEnabled(world, (e, rolesId, taken, sends) => {
    if (out === undefined && sameEvent(e, event)) out = worldAt(world.model, successorKey(world, rolesId, taken, sends, injects(e)));
  });
  // Callers step only events from enabledEvents(world); anything else is a caller bug, not a model outcome.
  if (out === undefined) throw new Error(`world: event ${JSON.stringify(event)} is not enabled`);
  return out;
}

/** Whether an event is one of the attacker's injections (counted against its budget). */
const injects = (e: WorldEvent): boolean => e.kind === 'inject' || e.kind === 'relay';

function sameEvent(a: WorldEvent, b: WorldEvent): boolean {
  if (a.kind === 'local') return b.kind === 'local' && a.role === b.role && a.index === b.index;
  if (a.kind === 'relay' || a.kind === 'forward') return b.kind === a.kind && a.envelope === b.envelope && a.relayed === b.relayed;
  return a.kind === b.kind && a.envelope === (b as { envelope: number }).envelope;
}

/** Key of `world` in this thread's tables: the offset of its record, exact (equal worlds of one model have equal
 *  records) and compact (System.compactKeys). Worlds of different instances are compared by `portableWorldKey`. */
export function worldKey(world: World): number {
  return world.at;
}

/** Key of `world` equal in every thread and instance (made of content digests, not of ids). */
export function portableWorldKey(world: World): string {
  const model = world.model;
  let key = '';
  for (let i = 0; i < model.cast.length; i++) key += model.digests.local(i, localIdOf(world, i));
  key += '|';
  for (const e of envelopesOf(world)) key += model.digests.envelope(e);
  if (!model.attacker.active) return key;
  key += `|${world.injections}|`;
  for (const t of worldObserved(world)) key += model.digests.term(t);
  return key;
}

/** JSON view of a world: each role's state and context, and the messages in flight with their content ids. */
export function describeWorld(world: World): unknown {
  const model = world.model;
  const network = worldNet(world).map((key) => model.message(model.envelopeOfKey(key)));
  return worldView(model.config.name, worldRoles(world), (id) => roleSnapshot(world, id), network, attackerViewOf(model, worldObserved(world), world.injections));
}

/** What a trace shows of the attacker: injections made, messages read, others' secrets it derived. */
export function attackerViewOf(model: WorldModel, observed: readonly string[], injections: number): AttackerView | undefined {
  if (!model.attacker.active) return undefined;
  return { injections, read: observed.length, secrets: model.attackerTables.secretsKnown(observed) };
}

/** The attacker's knowledge in `world` (for secrecy properties). */
export function attackerKnowledge(world: World): Knowledge | undefined {
  const model = world.model;
  return model.attacker.active ? model.knowledge(world.observedId).knowledge : undefined;
}

/** The world's model (for the live replay, which tracks the attacker the same way). */
export function worldModelOf(world: World): WorldModel {
  return world.model;
}

/** The message a delivery event takes from the network. */
export function deliveredMessage(world: World, envelope: number): Message {
  return world.model.message(envelope);
}

/** The role and XState event of a local event. */
export function localEventOf(world: World, role: number, index: number): { readonly role: RoleId; readonly event: EventObject } {
  const member = world.model.cast[role];
  const event = member?.localEvents[index];
  // Events come from enabledEvents(world), whose indices are the cast's.
  if (member === undefined || event === undefined) throw new Error(`world: no local event ${role}/${index}`);
  return { role: member.id, event };
}
