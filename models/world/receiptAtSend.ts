// Receipt at send (docs/engine.md "Receipt at send"): the supplier's platform reference, sent to the PVA out of band at
// manufacture (004 5.1.3.5.8 "obtained by PVA in advance"), taken by the PVA in the step that sends it; and, where the
// attacker reads neither, an SHO's validation request (steps 8-10), taken at once when the PVA has its reference. In
// flight each was a world of its own beside every world of the rest of the run until the PVA took it. The move keeps
// every verdict where the PVA can take no other step that changes it in between and no property reads the PVA: one
// honest device (one reference), no remote update (no second one), an attacker that does not read them; and, an
// assumption the world checks as the attacker's messages are built, an attacker that injects no platform reference to
// the PVA. Then the receipt commutes with every step of the other roles, and no step of the PVA's own in between
// changes what it reads. Where a change of operator starts the PVA with its reference, the requests are taken at send
// on the assumption, checked at every step of the PVA a search asks for, that the PVA never changes. And the RO's
// confirmation of a subscriber's SHO selection (`selectionAck`), where nothing reads it: the subscriber takes it at its
// root, unguarded, in every state, and keeps `noticed` only where an acknowledged notice reads it (subscriber.ts), so
// elsewhere its receipt changes nothing and sends nothing. Where the attacker does not read it either, the world with it
// in flight and the one without differ only by it: taken at send, the two are one, on the assumption (checked as each is
// taken) that its receipt leaves the subscriber as it was.
import type { AnyMachineSnapshot } from 'xstate';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { Message } from '../messages.ts';
import type { CastMember } from '../flows/castFor.ts';
import type { AttackerModel } from '../attacker/attackerModel.ts';
import { messageKinds } from '../messages.ts';
import { handlersOf } from '../../src/xstate/handlersOf.ts';
import { isShoId, playedRole } from '../roleIds.ts';

/** Why receipt at send does not apply to a scenario (undefined: it applies). */
export function receiptAtSendBreaker(config: ScenarioConfig, cast: readonly CastMember[], attacker: AttackerModel): string | undefined {
  if (config.devices !== 1) return 'more than one device: a reference each, taken in either order';
  // The argument's premise, read off the PVA's definition: where it starts, it takes platform references alone.
  const pva = cast.find((m) => m.id === 'pva');
  const other = pva === undefined ? undefined : messageKinds.find((k) => k !== 'platformReference' && handlersOf(pva.machine, pva.initial, k) !== '');
  if (pva === undefined || other !== undefined) return `the PVA takes ${other ?? 'nothing'} where it starts`;
  const supplier = cast.find((m) => m.id === 'supplier');
  if (supplier?.localEvents.some((e) => e.type === 'ISSUE_UPDATE')) return 'a remote update sends a second reference';
  if (config.attacker.dishonest === 'supplier' || config.attacker.dishonest === 'pva') return `a dishonest ${config.attacker.dishonest}`;
  if (attacker.active && attacker.reach.reads('platformReference', 'supplier', 'pva')) return 'the attacker reads the reference';
  return undefined;
}

/** Why the SHOs' validation requests are not taken at send where the reference is (undefined: they are): the attacker
 *  reads the requests or the PVA's answers (taking a request at send would show it the answer at once, and the request
 *  never), or a dishonest SHO (which reads both). */
export function requestsAtSendBreaker(config: ScenarioConfig, cast: readonly CastMember[], attacker: AttackerModel): string | undefined {
  const shos = cast.filter((m) => isShoId(m.id)).map((m) => m.id);
  if (attacker.active && shos.some((sho) => attacker.reach.reads('validationRequest', sho, 'pva') || attacker.reach.reads('validationResult', 'pva', sho))) {
    return 'the attacker reads the validation';
  }
  return isShoId(config.attacker.dishonest ?? '') ? 'a dishonest SHO' : undefined;
}

/** Why the PVA is not taken to stay as it starts, where its platform reference is not taken at send (undefined: it
 *  is, an assumption checked at every step of the PVA the search asks for): no PVA, or one that takes no validation
 *  request where it starts (a change of operator starts it configured, with its reference). */
export function fixedPvaBreaker(cast: readonly CastMember[]): string | undefined {
  const pva = cast.find((m) => m.id === 'pva');
  if (pva === undefined) return 'no PVA';
  return handlersOf(pva.machine, pva.initial, 'validationRequest') === '' ? 'the PVA takes no validation request where it starts' : undefined;
}

/** Why the RO's confirmations of the subscribers' SHO selections are not taken at send (undefined: they are): an
 *  acknowledged notice reads them, a dishonest RO or subscriber may send or take them otherwise, or the attacker reads
 *  them (taken at send, it would never see one). */
export function confirmationsAtSendBreaker(config: ScenarioConfig, cast: readonly CastMember[], attacker: AttackerModel): string | undefined {
  if (config.assumptions.changeNotice === 'acknowledged') return 'an acknowledged change notice waits for the confirmation';
  const dishonest = config.attacker.dishonest;
  if (dishonest === 'ro' || dishonest === 'subscriber') return `a dishonest ${dishonest}`;
  const subscribers = cast.filter((m) => playedRole(m.id) === 'subscriber');
  if (attacker.active && subscribers.some((m) => attacker.reach.reads('selectionAck', 'ro', m.id))) return 'the attacker reads the confirmation';
  return undefined;
}

/** Receipt at send in one world model: which messages their receivers take as they are sent. */
export class ReceiptTable {
  private readonly atSend: boolean[] = [];
  /** Per envelope: a validation request, taken at send only by a step that leaves the PVA as it was. */
  private readonly requests: boolean[] = [];
  /** Per envelope: a platform reference to the PVA (one the attacker could inject breaks the assumption). */
  private readonly references: boolean[] = [];
  /** Per envelope: an RO's confirmation of an SHO selection, taken at send by a step that leaves its subscriber as it
   *  was (one it refuses, or that changes it, breaks the assumption). */
  private readonly confirmations: boolean[] = [];
  /** What broke the assumption, once something did. */
  brokenBy: string | undefined;
  /** Per pair of roles (via * 64 + role): 1 where `ordered` holds. */
  private readonly orderedPairs = new Uint8Array(64 * 64);
  /** Whether any message is taken at send. */
  readonly on: boolean;

  /** `taker`: the PVA's role index where the reduction applies (the scenario allows it and the world's relay at receipt
   *  is on, which a trace records), -1 where it does not; `sender`: the supplier's, whose steps send the reference;
   *  `requesters`: the SHOs' where their validation requests are taken at send too (requestsAtSendBreaker); `fixed`: the
   *  PVA is assumed to stay as it starts (fixedPvaBreaker), no reference taken at send, and a step that changes it
   *  breaks the assumption (`changed`); `confirmed`: the subscribers whose confirmations are taken at send
   *  (confirmationsAtSendBreaker). */
  constructor(
    readonly taker: number,
    readonly sender: number,
    private readonly requesters: readonly number[],
    private readonly fixed = false,
    private readonly confirmed: readonly number[] = [],
  ) {
    this.on = taker >= 0 || confirmed.length > 0;
    // `ordered` is asked for every step of every world: a table of role pairs (a cast has at most 64 roles).
    for (let via = 0; via < 64; via++) {
      for (let role = 0; role < 64; role++) {
        const pva = role === taker && via === sender;
        const request = (via === sender && requesters.includes(role)) || (role === sender && requesters.includes(via));
        this.orderedPairs[via * 64 + role] = taker >= 0 && (pva || request) ? 1 : 0;
      }
    }
  }

  /** Whether the search must take a step of role `role` after a step of role `via` though the rule for leaving out
   *  steps would leave it out: the supplier's step changes the PVA too (a step of the PVA may not have been enabled
   *  before it), and whether an SHO's request is taken at send depends on whether the supplier's step came first (the
   *  two do not commute). */
  ordered(via: number, role: number): boolean {
    return via >= 0 && this.orderedPairs[via * 64 + role] === 1;
  }

  /** Registers the next envelope id, message `m`, sent by role `from` to role `to` (their cast indices). */
  add(m: Message, from: number, to: number): void {
    const toPva = this.taker >= 0 && m.to === 'pva';
    const reference = toPva && m.kind === 'platformReference';
    const request = toPva && m.kind === 'validationRequest' && this.requesters.includes(from);
    const confirmation = m.kind === 'selectionAck' && this.confirmed.includes(to);
    this.references.push(reference);
    this.requests.push(request);
    this.confirmations.push(confirmation);
    this.atSend.push((reference && m.from === 'supplier' && !this.fixed) || request || confirmation);
  }

  /** Told of each step of the PVA that changes it, the first time a search asks for it. */
  changed(from: AnyMachineSnapshot, to: AnyMachineSnapshot): void {
    if (this.taker >= 0 && this.fixed && this.brokenBy === undefined) this.brokenBy = `the PVA changes from ${JSON.stringify(from.value)} to ${JSON.stringify(to.value)}`;
  }

  /** Whether the receipt of `envelope` at send must leave its receiver as it was (a validation request's, a
   *  confirmation's). */
  preserving(envelope: number): boolean {
    return this.requests[envelope]! || this.confirmations[envelope]!;
  }

  /** Told of `envelope` left in flight though taken at send, its receiver refusing it or changed by it now: a
   *  confirmation so left breaks the assumption. */
  leftInFlight(envelope: number): void {
    if (this.confirmations[envelope]! && this.brokenBy === undefined) this.brokenBy = 'a subscriber refuses a selectionAck or is changed by it';
  }

  /** Checks the messages the attacker can inject after some observations against the assumption. */
  checkInjectable(envelopes: readonly number[]): void {
    if (this.taker < 0 || this.brokenBy !== undefined) return;
    if (envelopes.some((e) => this.references[e])) this.brokenBy = 'the attacker can inject a platform reference to the PVA';
  }

  /** Whether message `envelope` is taken by its receiver in the step that sends it (when the receiver takes it then). */
  takenAtSend(envelope: number): boolean {
    return this.atSend[envelope]!;
  }
}
