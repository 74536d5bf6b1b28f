// Interning tables shared by the worlds of one scenario in one thread: one MemoMachine per role (XState's
// pure transition once per distinct (local state, event)) and the messages in flight as small integers.
// Worlds name local states and messages by content, so a world from another thread reads back here.
import { createHash } from 'node:crypto';
import type { AnyStateMachine, EventObject } from 'xstate';
import { canonicalJson } from '../../src/engine/canonicalJson.ts';
import { MemoMachine } from '../../src/xstate/MemoMachine.ts';
import { castFor, type CastMember } from '../flows/castFor.ts';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { Message, SendEvent } from '../messages.ts';
import type { RoleId } from '../roleIds.ts';
import { envelopeKey, messageOfKey } from './envelopeKey.ts';
import { attackerModelOf, type AttackerModel } from '../attacker/attackerModel.ts';
import { AttackerTables, type KnowledgeEntry } from '../attacker/AttackerTables.ts';

export class WorldModel {
  /** Canonical JSON of the configuration: the world's link back to its model in any thread. */
  readonly scenario: string;
  readonly cast: readonly CastMember[];
  /** One table per role, in cast order. */
  readonly memos: readonly MemoMachine<AnyStateMachine>[];
  /** Per role, the table's event index of each of its local events. */
  readonly localEvents: readonly (readonly number[])[];
  private readonly roleIndices: ReadonlyMap<string, number>;
  private readonly envelopes: Message[] = [];
  private readonly envelopeKeys: string[] = [];
  private readonly envelopeIds = new Map<string, number>();
  /** Per envelope: the receiver's role index and the receiver table's event index of the delivery. */
  private readonly receivers: number[] = [];
  private readonly deliveries: number[] = [];
  /** Short names of local states (per role, by local id) and of envelopes (by id), for world keys. */
  private readonly localDigests: string[][];
  private readonly envelopeDigests: string[] = [];
  /** Envelope keys a step sends, keyed by role * 2^40 + event index * 2^20 + local id. */
  private readonly sends = new Map<number, readonly string[]>();
  readonly attacker: AttackerModel;
  readonly attackerTables: AttackerTables;
  /** Per knowledge: the envelope ids of its injectable messages (deduplicated, in key order). */
  private readonly injectableIds = new Map<KnowledgeEntry, readonly number[]>();
  private readonly termDigests = new Map<string, string>();

  constructor(readonly config: ScenarioConfig) {
    this.scenario = canonicalJson(config);
    this.cast = castFor(config);
    this.roleIndices = new Map(this.cast.map((m, i) => [m.id, i]));
    this.memos = this.cast.map((m) => {
      const memo = new MemoMachine(m.machine);
      // The scenario's starting snapshot, not the machine's default initial one.
      memo.intern(m.initial);
      return memo;
    });
    this.localDigests = this.cast.map(() => []);
    this.localEvents = this.cast.map((m, i) => m.localEvents.map((e) => this.memos[i]!.eventIndex(e as never)));
    this.attacker = attackerModelOf(config);
    this.attackerTables = new AttackerTables(this.attacker);
  }

  /** The term of a sent message when the attacker reads its channel (what it observes), else undefined. */
  observedTerm(key: string): string | undefined {
    const m = this.message(this.envelopeOfKey(key));
    return this.attacker.active && this.attacker.reach.reads(m.kind, m.from, m.to) ? key.slice(4) : undefined;
  }

  /** Envelope ids of the messages the attacker can inject after observing `observed`. */
  injectable(observed: readonly string[]): readonly number[] {
    const entry = this.attackerTables.entry(observed);
    let ids = this.injectableIds.get(entry);
    if (ids === undefined) {
      const keys = [...new Set(entry.injectable.map(envelopeKey))].sort();
      ids = keys.map((k) => this.envelopeOfKey(k));
      this.injectableIds.set(entry, ids);
    }
    return ids;
  }

  /** A short digest of an observed term, for world keys (like envelope digests). */
  termDigest(term: string): string {
    let d = this.termDigests.get(term);
    if (d === undefined) {
      d = digestOf(term);
      this.termDigests.set(term, d);
    }
    return d;
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
    if (known !== undefined) return known;
    return this.add(messageOfKey(key), key);
  }

  /** Key of a message sent by role `from`. */
  keyOfSend(from: RoleId, send: SendEvent): string {
    const m: Message = { kind: send.kind, from, to: send.to, term: send.term };
    const key = envelopeKey(m);
    if (!this.envelopeIds.has(key)) this.add(m, key);
    return key;
  }

  message(envelope: number): Message {
    const m = this.envelopes[envelope];
    // Envelope ids only come from envelopeOfKey.
    if (m === undefined) throw new Error(`world: unknown message id ${envelope}`);
    return m;
  }

  /** Number of messages interned so far (envelope ids are below it). */
  get envelopeCount(): number {
    return this.envelopes.length;
  }

  keyOfEnvelope(envelope: number): string {
    return this.envelopeKeys[envelope]!;
  }

  receiver(envelope: number): number {
    return this.receivers[envelope]!;
  }

  delivery(envelope: number): number {
    return this.deliveries[envelope]!;
  }

  /** Keys of the messages role `role` sends when event `eventIndex` takes it from local state `id`. */
  sent(role: number, eventIndex: number, id: number): readonly string[] {
    const slot = role * 2 ** 40 + eventIndex * 2 ** 20 + id;
    let keys = this.sends.get(slot);
    if (keys === undefined) {
      const from = this.cast[role]!.id;
      // Emitted events come back as 'xstate.emit' actions (MEASURED.md); a role's sends are those of type 'send'.
      keys = this.memos[role]!.emitted(id, eventIndex)
        .filter((e: EventObject): e is SendEvent => e.type === 'send')
        .map((e) => this.keyOfSend(from, e));
      this.sends.set(slot, keys);
    }
    return keys;
  }

  /** 132 bits of SHA-256 of the local state's key: a world key made of these stays short (hashing the
   *  full keys took most of the search's time) and equal in every thread. Two distinct local states
   *  sharing a digest would merge; with n states that has probability about n^2 / 2^133. */
  localDigest(role: number, id: number): string {
    const digests = this.localDigests[role]!;
    return (digests[id] ??= digestOf(this.memos[role]!.key(id)));
  }

  envelopeDigest(envelope: number): string {
    return (this.envelopeDigests[envelope] ??= digestOf(this.envelopeKeys[envelope]!));
  }

  private add(m: Message, key: string): number {
    const id = this.envelopes.length;
    const receiver = this.roleIndex(m.to);
    this.envelopes.push(m);
    this.envelopeKeys.push(key);
    this.envelopeIds.set(key, id);
    this.receivers.push(receiver);
    // The receiver's event for a message (messages.ts Delivery); EventObject only declares `type`. The envelope
    // key names it (kind, sender, term; the receiver is the table's role), so the table need not key it again.
    this.deliveries.push(this.memos[receiver]!.eventIndex({ type: m.kind, msg: m.term, from: m.from } as never, `deliver:${key}`));
    return id;
  }
}

/** 22 base64url characters (132 bits) of SHA-256; node:crypto, as this runs once per distinct local state
 *  of a search and node's native hash is several times faster than a JS one on keys of a few kilobytes. */
function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}
