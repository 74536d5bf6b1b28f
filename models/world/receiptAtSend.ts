// Receipt at send (docs/engine.md "Receipt at send"): the supplier's platform reference, sent to the PVA out of band at
// manufacture (004 5.1.3.5.8 "obtained by PVA in advance"), taken by the PVA in the step that sends it; and, where the
// attacker reads neither, an SHO's validation request (steps 8-10), taken at once when the PVA has its reference. In
// flight each was a world of its own beside every world of the rest of the run until the PVA took it. The move keeps
// every verdict where the PVA can take no other step that changes it in between and no property reads the PVA: one
// honest device (one reference), no remote update (no second one), an attacker that does not read them; and, an
// assumption the world checks as the attacker's messages are built, an attacker that injects no platform reference to
// the PVA. Then the receipt commutes with every step of the other roles, and no step of the PVA's own in between
// changes what it reads. Where a change of operator starts the PVA with its reference, the requests are taken at send
// on the assumption, checked at every step of the PVA a search asks for, that the PVA never changes.
import type { AnyMachineSnapshot } from 'xstate';
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { Message } from '../messages.ts';
import type { CastMember } from '../flows/castFor.ts';
import type { AttackerModel } from '../attacker/attackerModel.ts';
import { messageKinds } from '../messages.ts';
import { handlersOf } from '../../src/xstate/handlersOf.ts';
import { isShoId } from '../roleIds.ts';

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

/** Receipt at send in one world model: which messages the PVA takes as they are sent. */
export class ReceiptTable {
  private readonly atSend: boolean[] = [];
  /** Per envelope: a validation request, taken at send only by a step that leaves the PVA as it was. */
  private readonly requests: boolean[] = [];
  /** Per envelope: a platform reference to the PVA (one the attacker could inject breaks the assumption). */
  private readonly references: boolean[] = [];
  /** What broke the assumption, once something did. */
  brokenBy: string | undefined;
  /** Per pair of roles (via * 64 + role): 1 where `ordered` holds. */
  private readonly orderedPairs = new Uint8Array(64 * 64);

  /** `taker`: the PVA's role index where the reduction applies (the scenario allows it and the world's relay at receipt
   *  is on, which a trace records), -1 where it does not; `sender`: the supplier's, whose steps send the reference;
   *  `requesters`: the SHOs' where their validation requests are taken at send too (requestsAtSendBreaker); `fixed`: the
   *  PVA is assumed to stay as it starts (fixedPvaBreaker), no reference taken at send, and a step that changes it
   *  breaks the assumption (`changed`). */
  constructor(
    readonly taker: number,
    readonly sender: number,
    private readonly requesters: readonly number[],
    private readonly fixed = false,
  ) {
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

  /** Registers the next envelope id, message `m`, sent by role `from` (its cast index). */
  add(m: Message, from: number): void {
    const toPva = this.taker >= 0 && m.to === 'pva';
    const reference = toPva && m.kind === 'platformReference';
    const request = toPva && m.kind === 'validationRequest' && this.requesters.includes(from);
    this.references.push(reference);
    this.requests.push(request);
    this.atSend.push((reference && m.from === 'supplier' && !this.fixed) || request);
  }

  /** Told of each step of the PVA that changes it, the first time a search asks for it. */
  changed(from: AnyMachineSnapshot, to: AnyMachineSnapshot): void {
    if (this.taker >= 0 && this.fixed && this.brokenBy === undefined) this.brokenBy = `the PVA changes from ${JSON.stringify(from.value)} to ${JSON.stringify(to.value)}`;
  }

  /** Whether the receipt of `envelope` at send must leave its receiver as it was (a validation request's). */
  preserving(envelope: number): boolean {
    return this.requests[envelope]!;
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
