// Relay at receipt (docs/engine.md, "Growth per injection"): an injection its receiver merely relays (the M2ME to its
// TRE, the RO to an SHO) is taken only together with the receipt of the relayed message, as one step, and only when
// the relayed message is taken at once. Such an injection changes nothing but the network and the injection count
// until the relayed message is taken, and the attacker's knowledge only grows, so it may as well be made just before
// that receipt; one never taken is a run without it. Which injections qualify, and when it applies, is decided here:
// the relays a receiver makes alike in every state it can reach once it makes one, and the relays it makes in some
// states only, on an assumption the world checks at every step (the kept relays; docs/engine.md).
import { isLiveness, type AnyProperty } from '../../src/engine/LivenessProperty.ts';
import type { Message } from '../messages.ts';
import type { WorldEvent } from './WorldEvent.ts';
import { playedRole, type RoleId } from '../roleIds.ts';
import { relayedInEveryState, relayedOnceConnected } from '../roles/m2me.ts';
import type { AnyMachineSnapshot, AnyStateMachine } from 'xstate';
import { handlersOf } from '../../src/xstate/handlersOf.ts';
import { credentialsInClear } from './credentialsInClear.ts';

export interface WorldOptions {
  /** Relay at receipt (default on: the steady relays and, as long as the search finds them kept, the kept ones);
   *  'steady': the steady relays alone; off, every injection the M2ME relays is a world of its own. */
  readonly relayAtReceipt?: boolean | 'steady';
}

/** The relays the reduction may move, by the role that relays and the kind it relays: relays that, once a receiver
 *  makes one in some local state, it makes alike (the same message, its local state as it was) in every local state
 *  it can reach from there, so an injection relayed now is relayed alike whenever it is moved. */
const steadyRelays: Readonly<Record<string, readonly string[]>> = {
  // The host's top-level handlers, which no state node overrides and which read the message alone (m2me.ts).
  m2me: relayedInEveryState,
  // 004 step 7: the DRF (one state, Idle) passes a TRE-signed registration to the SHO it names when it names a device
  // the RO knows (registrationOperator.ts registrationSho), and the RO only ever adds devices.
  ro: ['registrationRequest'],
};

/** Relays a receiver makes in some state nodes only, alike in each (the same definitions, which read the message
 *  alone): moved like the steady ones on the assumption that a receiver never leaves a state that makes one for a state
 *  that does not make it alike. The world checks every step its roles take (`RelayTable.watch`); a search that finds
 *  the assumption broken is redone without these (System.assumed). */
const keptRelays: Readonly<Record<string, readonly string[]>> = {
  m2me: relayedOnceConnected,
};

/** An injection of `m` that its receiver may merely relay, alike wherever the injection is moved (`steadyRelays`, and
 *  with `kept` the `keptRelays`); whether it does is read from the receiver's step in each world (WorldModel.relayedBy). */
export function relayableInjection(m: Message, kept = false): boolean {
  const role = playedRole(m.to);
  return (steadyRelays[role]?.includes(m.kind) ?? false) || (kept && (keptRelays[role]?.includes(m.kind) ?? false));
}

/** The kinds of `keptRelays` of a role of the cast. */
export function keptRelaysOf(role: RoleId): readonly string[] {
  return keptRelays[playedRole(role)] ?? [];
}

/** A relayed message `m` that may be taken at receipt: unread by the attacker (`read`: so relaying it adds nothing to
 *  its observations), and, on the host interface, with no credential in clear (NoSecretInClearOnHostInterface reads
 *  the messages in flight there: such a relay stays an injection of its own, its message visible in flight). */
export function relayTarget(m: Message, read: boolean): boolean {
  const host = [playedRole(m.from), playedRole(m.to)].sort().join('>') === 'm2me>tre';
  return !read && !(host && credentialsInClear(m.term).length > 0);
}

/** Relay at receipt in one world model: per envelope id, whether an injection of it may be a relay the reduction
 *  moves and whether it may be taken at receipt as a relayed message, and the composite events. */
export class RelayTable {
  private readonly movable: boolean[] = [];
  private readonly targets: boolean[] = [];
  private readonly events: WorldEvent[] = [];
  private readonly forwards: WorldEvent[] = [];

  private readonly keptOnly: boolean[] = [];
  /** The first step found that broke the assumption of the kept relays: the role, the kind, the states. */
  brokenBy: string | undefined;

  /** `on`: the reduction applies (asked for, and the attacker may inject); off, no injection is a relay. `kept`: the
   *  kept relays move too. */
  constructor(
    readonly on: boolean,
    readonly kept: boolean,
  ) {}

  /** Registers the next envelope id, message `m` (`read`: the attacker reads its channel). */
  add(m: Message, read: boolean): void {
    const steady = this.on && relayableInjection(m);
    const kept = this.on && !steady && relayableInjection(m, true);
    this.movable.push(steady || kept);
    this.keptOnly.push(kept);
    this.targets.push(this.on && relayTarget(m, read));
  }

  /** Whether an injection or a message in flight of `envelope` may be a relay the reduction moves (never when it is
   *  off; a kept relay only when the kept relays move). */
  relayable(envelope: number): boolean {
    return this.movable[envelope]! && (this.kept || !this.keptOnly[envelope]!);
  }

  /** Checks a step of `role` from snapshot `from` to `to` (each new one: MemoMachine's `onStep`) against the kept
   *  relays' assumption: where `from` makes a kept relay, `to` has the same handlers for its kind. */
  watch(role: RoleId, machine: AnyStateMachine, from: AnyMachineSnapshot, to: AnyMachineSnapshot): void {
    if (this.brokenBy !== undefined) return;
    for (const kind of keptRelaysOf(role)) {
      const before = handlersOf(machine, from, kind);
      if (before !== '' && handlersOf(machine, to, kind) !== before) {
        this.brokenBy = `${role} relays ${kind} in ${JSON.stringify(from.value)} and not alike in ${JSON.stringify(to.value)}`;
        return;
      }
    }
  }

  /** For an injection of `envelope` whose receiver's step left tuple `next` from tuple `rolesId` and sent `sends`:
   *  the message relayed when the receiver merely relayed it (its local state as it was, one message sent, which may
   *  be taken at receipt); -1 otherwise. */
  relayedBy(envelope: number, rolesId: number, next: number, sends: readonly number[]): number {
    if (!this.movable[envelope] || next !== rolesId || sends.length !== 1) return -1;
    return this.targets[sends[0]!] ? sends[0]! : -1;
  }

  /** The composite event: `envelope` injected (or, `forward`, taken from the network), relayed by its receiver as
   *  `relayed`, taken (one object per pair). */
  event(envelope: number, relayed: number, forward = false): WorldEvent {
    const events = forward ? this.forwards : this.events;
    const known = events[envelope];
    // A steady relay is made alike in every state: one relayed message per relayable one.
    if (known !== undefined && (known.kind === 'relay' || known.kind === 'forward') && known.relayed === relayed) return known;
    return (events[envelope] = { kind: forward ? 'forward' : 'relay', envelope, relayed });
  }
}

/** Properties that read a kept relay's message in flight, audited by reading every property that reads the network
 *  (test/models/relayAtReceipt.test.ts lists them from their sources): `ProvisionedMcimNotRefused` reads the MCIM
 *  objects in flight to the TRE that it refuses, and a kept relay the TRE refuses is no step, its message never in
 *  flight. (`NoSecretInClearOnHostInterface`, the other, reads host messages with a credential in clear, which are
 *  never taken at receipt: `relayTarget`.) */
export const readsKeptRelaysInFlight: readonly string[] = ['ProvisionedMcimNotRefused'];

/** The world's relay at receipt for a search of `properties`: off for properties of service (`relayAtReceiptFits`),
 *  the steady relays alone when one reads a kept relay's message in flight, else the steady and the kept relays. */
export function relayAtReceiptFor(properties: readonly AnyProperty<unknown, unknown>[]): boolean | 'steady' {
  if (!relayAtReceiptFits(properties)) return false;
  return properties.some((p) => readsKeptRelaysInFlight.includes(p.id)) ? 'steady' : true;
}

/** Whether a search of `properties` may use relay at receipt: not for properties of service, which are decided on
 *  the state graph with its fairness (the argument of docs/engine.md covers invariants, on which every world
 *  property of the suite is built). */
export function relayAtReceiptFits(properties: readonly AnyProperty<unknown, unknown>[]): boolean {
  return !properties.some((p) => isLiveness(p));
}
