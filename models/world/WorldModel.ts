// The tables of one scenario in one thread, held by every world of it: one MemoMachine per role (XState's pure
// transition once per distinct (local state, event)), the messages as small integers in the order of their keys,
// interned tuples of local states and sets of attacker observations, and the worlds themselves as interned records
// of those ids and the messages in flight. `portable` worlds name the same content by keys, for another thread or
// instance.
import type { AnyStateMachine, EventObject } from 'xstate';
import { canonicalJson } from '../../src/engine/canonicalJson.ts';
import { PairMemo } from '../../src/packing/PairMemo.ts';
import { RecordTable } from '../../src/packing/RecordTable.ts';
import { SequenceTable } from '../../src/packing/SequenceTable.ts';
import { MemoMachine, notEnabled } from '../../src/xstate/MemoMachine.ts';
import { deliveryOrder } from './orderNumbers.ts';
import { castFor, type CastMember } from '../flows/castFor.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { Message, SendEvent } from '../messages.ts';
import { envelopeKey, messageOfKey } from './envelopeKey.ts';
import { attackerModelOf, type AttackerModel } from '../attacker/attackerModel.ts';
import { earlierTraffic } from './earlierTraffic.ts';
import { AttackerTables, type KnowledgeEntry } from '../attacker/AttackerTables.ts';
import { ObservationTable } from './ObservationTable.ts';
import { keptRelaysOf, RelayTable, type WorldOptions } from './relayAtReceipt.ts';
import { confirmationsAtSendBreaker, fixedPvaBreaker, receiptAtSendBreaker, ReceiptTable, requestsAtSendBreaker } from './receiptAtSend.ts';
import { isShoId, playedRole, type RoleId } from '../roleIds.ts';
import { WorldDigests } from './WorldDigests.ts';
import { LocalMoves } from './LocalMoves.ts';
import { InjectionMoves } from './InjectionMoves.ts';
import type { WorldEvent } from './WorldEvent.ts';

const none: readonly number[] = Object.freeze([]);
/** Slots of the role step cache (32,768 of two words: 256 KiB). The largest threat scenario steps 91k distinct
 *  (tuple, event) pairs; measured there (paired, one core), 65,536 or 131,072 slots searched no faster. */
const roleStepBits = 15;
/** How a step and its outcome pack into one word each: tuple id * stepCodeLimit + (event index * 64 + role), and
 *  (tuple id after + 1) << stepSendsBits | sends id. Steps past these bounds are not cached. */
const stepCodeLimit = 1 << 14;
const stepTupleLimit = 2 ** 31 / stepCodeLimit;
const stepSendsBits = 11;
const stepSendsLimit = 1 << stepSendsBits;
const stepNextLimit = 2 ** (31 - stepSendsBits);

export class WorldModel {
  /** Canonical JSON of the configuration: names the scenario in a portable world. */
  readonly scenario: string;
  readonly cast: readonly CastMember[];
  /** Per role, its rank in the order steps are left out by (eventOrder.ts): its index, or under a symmetry of the search
   *  the index of its class, one for the roles the symmetry exchanges (`rankByClass`). */
  readonly orderRanks: Int32Array;
  /** Whether `rankByClass` ranked the roles by class: an order then no longer names its role (eventOrder.ts orderRole). */
  ranksByClass = false;
  /** One table per role, in cast order. */
  readonly memos: readonly MemoMachine<AnyStateMachine>[];
  /** Per role, the table's event index of each of its local events. */
  readonly localEvents: readonly (readonly number[])[];
  /** Tuples of local ids (one per role, in cast order). */
  readonly roleTuples = new SequenceTable();
  /** Every world: its tuple id, its observations and injections, and the messages in flight (World.ts). A network
   *  is stored in each world that has it, not interned apart: in the largest threat scenario two states in three
   *  have a network of their own, so a table of networks saved little and cost a second lookup per step. */
  readonly worlds = new RecordTable();
  readonly observations = new ObservationTable();
  /** A direct-mapped cache of role steps (`roleStep`), two words a slot: the step (tuple id and event, -1: empty)
   *  and its outcome (the tuple id after, -1 when the event is not enabled, and the id of the messages sent in
   *  `sendLists`). A hit spares the role's table, its sends and interning the new tuple. */
  private readonly roleSteps = new Int32Array(2 << roleStepBits).fill(-1);
  /** Lists of envelope ids sent by some step (`sends`), by id; 0 is the empty list. */
  private readonly sendLists: (readonly number[])[] = [none];
  /** The id of each list of `sendLists` but the empty one, by its ids joined with ','. */
  private readonly sendListIds = new Map<string, number>();
  /** Per set of observations and id of a list of sends: the set after them. */
  private readonly observedAfterSteps = new PairMemo();
  /** The local events enabled in each tuple (LocalMoves.ts). */
  readonly moves: LocalMoves;
  /** The injections taken per (tuple, observations) pair. */
  readonly injections: InjectionMoves;
  /** The id in `sendLists` of what the last `roleStep` sends. */
  stepSends = 0;
  private readonly tupleScratch: Int32Array;
  /** Per envelope id: its place in the order of envelope keys (kind as the flows run, channel, term). Ranks
   *  are renumbered when an envelope is added, which keeps the relative order of the others, so stored
   *  networks stay sorted. */
  readonly rank: number[] = [];
  readonly attacker: AttackerModel;
  /** Values the injections made can take (0 .. budget): a world's record packs them with its observations. */
  readonly injectionSlots: number;
  readonly attackerTables: AttackerTables;
  /** Receipt at send (receiptAtSend.ts): on where the scenario allows it and relay at receipt is on. */
  readonly receipts: ReceiptTable;
  /** Digests of the parts of a world, for portable keys. */
  readonly digests: WorldDigests;
  /** Relay at receipt (relayAtReceipt.ts): `relays.on` when asked for (the default) and the attacker may inject. */
  readonly relays: RelayTable;
  /** Relay at receipt as this world makes it, where it would apply (the attacker may inject): the system's
   *  configuration records it, so a trace replays on the world it was found in; undefined where it would not. */
  readonly relayAtReceiptOption: boolean | 'steady' | undefined;
  private readonly roleIndices: ReadonlyMap<string, number>;
  private readonly envelopes: Message[] = [];
  private readonly envelopeKeys: string[] = [];
  private readonly envelopeIds = new Map<string, number>();
  private readonly byKey: number[] = [];
  /** Per envelope: the receiver's role index, the receiver table's event index of the delivery, and the
   *  attacker's observation of it (a term id, or -1 when it does not read the channel). */
  readonly receivers: number[] = [];
  /** Per envelope: the role index of its sender (the role whose step sends it; an injection forges it). */
  readonly senders: number[] = [];
  readonly deliveries: number[] = [];
  /** Per envelope: the order of its delivery (eventOrder.ts), read for every message in flight of every world. */
  readonly deliveryOrders: number[] = [];
  readonly observedTerms: number[] = [];
  /** sendRows[role][event index][local id]: the id in `sendLists` of the envelope ids a step sends. */
  private readonly sendRows: (number | undefined)[][][];
  private readonly knowledgeBySet: KnowledgeEntry[] = [];
  private readonly injectableBySet: (readonly number[])[] = [];
  /** The event objects of deliveries and injections (by envelope) and of local events (by role and index), made
   *  once: the search's hot path allocates none. */
  private readonly deliverEvents: WorldEvent[] = [];
  private readonly injectEvents: WorldEvent[] = [];
  private readonly localEventObjects: readonly (readonly WorldEvent[])[];

  constructor(readonly config: ScenarioConfig, options: WorldOptions = {}) {
    this.scenario = canonicalJson(config);
    this.cast = castFor(config);
    this.roleIndices = new Map(this.cast.map((m, i) => [m.id, i]));
    this.memos = this.cast.map((m) => {
      // A role that makes kept relays has each new step it takes checked against their assumption (relayAtReceipt.ts).
      const watched = keptRelaysOf(m.id).length > 0;
      const pva = m.id === 'pva';
      const memo: MemoMachine<AnyStateMachine> = new MemoMachine(
        m.machine,
        watched || pva
          ? {
              onStep: (from, to) => {
                if (watched) this.relays.watch(m.id, m.machine, memo.snapshot(from), memo.snapshot(to));
                if (pva) this.receipts.changed(memo.snapshot(from), memo.snapshot(to));
              },
            }
          : {},
      );
      // The scenario's starting snapshot, not the machine's default initial one.
      memo.intern(m.initial);
      return memo;
    });
    this.sendRows = this.cast.map(() => []);
    this.localEvents = this.cast.map((m, i) => m.localEvents.map((e) => this.memos[i]!.eventIndex(e as never)));
    // roleStep's cache packs a role into 6 bits; the cast has one member per role of roleIds.
    if (this.cast.length > 64) throw new RangeError('world: more than 64 roles in one cast');
    this.tupleScratch = new Int32Array(this.cast.length);
    this.orderRanks = Int32Array.from(this.cast, (_, i) => i);
    this.localEventObjects = this.localEvents.map((events, role) => events.map((_, index): WorldEvent => ({ kind: 'local', role, index })));
    this.attacker = attackerModelOf(config, () => earlierTraffic(config));
    this.injectionSlots = this.attacker.budget + 1;
    const injects = this.attacker.active && this.attacker.budget > 0;
    this.relays = new RelayTable(options.relayAtReceipt !== false && injects, options.relayAtReceipt !== 'steady');
    this.relayAtReceiptOption = injects ? (options.relayAtReceipt ?? true) : undefined;
    this.attackerTables = new AttackerTables(this.attacker);
    this.digests = new WorldDigests(this);
    this.moves = new LocalMoves(this);
    this.injections = new InjectionMoves(this);
    const kept = this.relays.on && this.relays.kept;
    const references = kept && receiptAtSendBreaker(config, this.cast, this.attacker) === undefined;
    const fixed = kept && !references && fixedPvaBreaker(this.cast) === undefined;
    const indicesWhere = (holds: (id: RoleId) => boolean) => this.cast.flatMap((m, i) => (holds(m.id) ? [i] : []));
    const requesters = (references || fixed) && requestsAtSendBreaker(config, this.cast, this.attacker) === undefined ? indicesWhere(isShoId) : [];
    const confirmed = kept && confirmationsAtSendBreaker(config, this.cast, this.attacker) === undefined ? indicesWhere((id) => playedRole(id) === 'subscriber') : [];
    this.receipts = new ReceiptTable(references || requesters.length > 0 ? this.roleIndex('pva') : -1, this.roleIndex('supplier'), requesters, fixed, confirmed);
  }

  /** Ranks the roles by their classes (`classOf`: per role, its class's index, equal for the roles a symmetry
   *  exchanges) for the rest of this model's searches: a symmetric search leaves out steps by an order its symmetry
   *  keeps (docs/engine.md "Symmetry"). */
  rankByClass(classOf: readonly number[]): void {
    this.ranksByClass = true;
    this.orderRanks.set(classOf);
    for (let e = 0; e < this.deliveryOrders.length; e++) this.deliveryOrders[e] = deliveryOrder(e, classOf[this.receivers[e]!]!);
  }

  roleIndex(id: RoleId): number {
    const i = this.roleIndices.get(id);
    // The cast always holds every role of roleIds.
    if (i === undefined) throw new Error(`world: no role '${id}' in the cast`);
    return i;
  }

  /** Id of the message named `key` (interned on first sight, whichever thread wrote the key). */
  envelopeOfKey(key: string): number {
    const known = this.envelopeIds.get(key);
    return known !== undefined ? known : this.add(messageOfKey(key), key);
  }

  message(envelope: number): Message {
    const m = this.envelopes[envelope];
    // Envelope ids only come from envelopeOfKey.
    if (m === undefined) throw new Error(`world: unknown message id ${envelope}`);
    return m;
  }

  keyOfEnvelope(envelope: number): string {
    return this.envelopeKeys[envelope]!;
  }

  deliverEvent(envelope: number): WorldEvent {
    return (this.deliverEvents[envelope] ??= { kind: 'deliver', envelope });
  }

  injectEvent(envelope: number): WorldEvent {
    return (this.injectEvents[envelope] ??= { kind: 'inject', envelope });
  }

  localEvent(role: number, index: number): WorldEvent {
    return this.localEventObjects[role]![index]!;
  }

  /** The tuple after role `role` takes its event `eventIndex` in tuple `rolesId`, or -1 when that event is not
   *  enabled there; what it sends is left in `stepSends` (`sendList`). */
  roleStep(rolesId: number, role: number, eventIndex: number): number {
    const code = eventIndex * 64 + role;
    // The step and its outcome, each packed in one word of the cache when they fit (they do but in huge models).
    if (rolesId >= stepTupleLimit || code >= stepCodeLimit) return this.computeRoleStep(rolesId, role, eventIndex);
    const step = rolesId * stepCodeLimit + code;
    const cache = this.roleSteps;
    // The slot: the top bits of a multiplicative hash of the step.
    const at = (Math.imul(step, 0x9e3779b1) >>> (32 - roleStepBits)) << 1;
    if (cache[at] === step) {
      const outcome = cache[at + 1]!;
      this.stepSends = outcome & (stepSendsLimit - 1);
      return (outcome >> stepSendsBits) - 1;
    }
    const next = this.computeRoleStep(rolesId, role, eventIndex);
    if (next + 1 < stepNextLimit && this.stepSends < stepSendsLimit) {
      cache[at] = step;
      cache[at + 1] = ((next + 1) << stepSendsBits) | this.stepSends;
    }
    return next;
  }

  /** Whether role `role` can take its event `eventIndex` in tuple `rolesId`, from its table alone: no tuple is built
   *  and nothing sent, for a step whose successor is not asked for (a step left out, enabledSteps.ts eachEnabled). */
  enabledStep(rolesId: number, role: number, eventIndex: number): boolean {
    const tuples = this.roleTuples;
    return this.memos[role]!.step(tuples.pool[tuples.starts[rolesId]! + role]!, eventIndex) !== notEnabled;
  }

  private computeRoleStep(rolesId: number, role: number, eventIndex: number): number {
    const tuples = this.roleTuples;
    const from = tuples.starts[rolesId]!;
    const local = tuples.pool[from + role]!;
    const nextLocal = this.memos[role]!.step(local, eventIndex);
    this.stepSends = 0;
    if (nextLocal === notEnabled) return -1;
    this.stepSends = this.sends(role, eventIndex, local);
    const receipt = this.receipts.on && this.sendLists[this.stepSends]!.some((e) => this.receipts.takenAtSend(e));
    if (nextLocal === local && !receipt) return rolesId;
    const tuple = this.tupleScratch;
    for (let i = 0; i < tuple.length; i++) tuple[i] = tuples.pool[from + i]!;
    tuple[role] = nextLocal;
    if (receipt) this.takeAtSend(tuple);
    return tuples.intern(tuple, tuple.length);
  }

  /** Receipt at send (receiptAtSend.ts): the messages of `stepSends` taken as they are sent, where their receiver takes
   *  them now, taken in `tuple`; `stepSends` becomes the rest and what the receipts send. */
  private takeAtSend(tuple: Int32Array): void {
    const rest: number[] = [];
    for (const e of this.sendLists[this.stepSends]!) {
      const taker = this.receivers[e]!;
      const before = tuple[taker]!;
      const after = this.receipts.takenAtSend(e) ? this.memos[taker]!.step(before, this.deliveries[e]!) : notEnabled;
      if (after === notEnabled || (after !== before && this.receipts.preserving(e))) {
        this.receipts.leftInFlight(e);
        rest.push(e);
        continue;
      }
      rest.push(...this.sendLists[this.sends(taker, this.deliveries[e]!, before)]!);
      tuple[taker] = after;
    }
    this.stepSends = this.internSendList(rest);
  }

  /** The messages of `sendLists` id `id`. */
  sendList(id: number): readonly number[] {
    return this.sendLists[id]!;
  }

  /** The attacker's observations `set` after it reads the messages of `sendLists` id `sends` that it can read:
   *  one lookup a step, where adding each message's term is one a message. */
  observedAfter(set: number, sends: number): number {
    if (sends === 0) return set;
    let after = this.observedAfterSteps.get(set, sends);
    if (after < 0) {
      after = set;
      for (const e of this.sendLists[sends]!) {
        const term = this.observedTerms[e]!;
        if (term >= 0) after = this.observations.with(after, term);
      }
      this.observedAfterSteps.set(set, sends, after);
    }
    return after;
  }

  /** Bytes of the tuple steps' tables: role step cache, local moves, injections taken, observations after a step. */
  get stepTableBytes(): number {
    return this.roleSteps.byteLength + this.moves.bytes + this.injections.bytes + this.observedAfterSteps.bytes;
  }

  /** The id in `sendLists` of the envelope ids of the messages role `role` sends when event `eventIndex` takes it
   *  from local state `id`, in key order (rank). */
  private sends(role: number, eventIndex: number, id: number): number {
    const row = (this.sendRows[role]![eventIndex] ??= []);
    let out = row[id];
    if (out === undefined) {
      const from = this.cast[role]!.id;
      // Emitted events come back as 'xstate.emit' actions (MEASURED.md); a role's sends are those of type 'send'.
      const sent = this.memos[role]!.emitted(id, eventIndex).filter((e: EventObject): e is SendEvent => e.type === 'send');
      out = this.internSendList(sent.map((e) => this.envelopeOfKey(envelopeKey({ kind: e.kind, from, to: e.to, term: e.term }))));
      row[id] = out;
    }
    return out;
  }

  /** The id in `sendLists` of the messages `ids` (any order; 0 for none). */
  private internSendList(ids: number[]): number {
    if (ids.length === 0) return 0;
    // In key order, read after all are added (adding renumbers ranks); later additions keep this order.
    ids.sort((a, b) => this.rank[a]! - this.rank[b]!);
    // One id per content: equal sends from different steps are one list (an injection whose receiver's next state and
    // sends equal another's reaches the same world, World.ts takenAlike).
    const content = ids.join(',');
    let out = this.sendListIds.get(content);
    if (out === undefined) {
      out = this.sendLists.length;
      this.sendLists.push(ids);
      this.sendListIds.set(content, out);
    }
    return out;
  }

  /** The attacker's knowledge after the observations `set`. */
  knowledge(set: number): KnowledgeEntry {
    let entry = this.knowledgeBySet[set];
    if (entry === undefined) {
      // A set made by adding one term to another: that one's knowledge, extended (far cheaper than closing anew).
      const from = this.observations.madeFrom[set];
      entry = from === undefined ? this.attackerTables.entry(this.observations.terms(set)) : this.attackerTables.extend(this.knowledge(from.set), from.term);
      this.knowledgeBySet[set] = entry;
    }
    return entry;
  }

  /** Envelope ids of the messages the attacker can inject after the observations `set`, in key order. */
  injectable(set: number): readonly number[] {
    let ids = this.injectableBySet[set];
    if (ids === undefined) {
      const entry = this.knowledge(set);
      // A set made from another: its messages are that one's, then those its knowledge added (AttackerTables.extend).
      const from = this.observations.madeFrom[set];
      const inherited = from === undefined ? [] : this.injectable(from.set);
      const added = from === undefined ? entry.injectable : entry.injectable.slice(this.knowledge(from.set).injectable.length);
      const unique = new Set([...inherited, ...added.map((m) => this.envelopeOfKey(envelopeKey(m)))]);
      // Ranks follow key order; read them after every envelope above is added (adding renumbers them).
      ids = [...unique].sort((a, b) => this.rank[a]! - this.rank[b]!);
      this.receipts.checkInjectable(ids);
      this.injectableBySet[set] = ids;
    }
    return ids;
  }

  /** The term of message `key` as the attacker reads it (canonical JSON), when it reads the message's channel. */
  observedTerm(key: string): string | undefined {
    return this.observedTerms[this.envelopeOfKey(key)]! < 0 ? undefined : key.slice(4);
  }

  private add(m: Message, key: string): number {
    const id = this.envelopes.length;
    // The order of events that leaving steps out relies on (World.ts eventOrder) gives a role 2^22 message ids.
    if (id >= 2 ** 22) throw new RangeError('world: more than 2^22 distinct messages');
    const receiver = this.roleIndex(m.to);
    this.envelopes.push(m);
    this.envelopeKeys.push(key);
    this.envelopeIds.set(key, id);
    this.receivers.push(receiver);
    this.deliveryOrders.push(deliveryOrder(id, this.orderRanks[receiver]!));
    this.senders.push(this.roleIndex(m.from));
    // The receiver's event for a message (messages.ts Delivery); EventObject only declares `type`. The envelope
    // key names it (kind, sender, term; the receiver is the table's role), so the table need not key it again.
    this.deliveries.push(this.memos[receiver]!.eventIndex({ type: m.kind, msg: m.term, from: m.from } as never, `deliver:${key}`));
    const read = this.attacker.active && this.attacker.reach.reads(m.kind, m.from, m.to);
    this.observedTerms.push(read ? this.observations.termId(key.slice(4)) : -1);
    this.relays.add(m, read);
    this.receipts.add(m, this.roleIndex(m.from), receiver);
    let at = 0;
    let hi = this.byKey.length;
    while (at < hi) {
      const mid = (at + hi) >>> 1;
      if (this.envelopeKeys[this.byKey[mid]!]! < key) at = mid + 1;
      else hi = mid;
    }
    this.byKey.splice(at, 0, id);
    for (let i = at; i < this.byKey.length; i++) this.rank[this.byKey[i]!] = i;
    return id;
  }
}
