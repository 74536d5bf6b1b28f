// Receipt at send (docs/engine.md "Receipt at send"): the supplier's platform reference, sent to the PVA out of band at
// manufacture (004 5.1.3.5.8 "obtained by PVA in advance"), taken by the PVA in the step that sends it. In flight it
// was a world of its own beside every world of the rest of the run until the PVA took it: more than a quarter of the
// worlds of the t2 searches. The move keeps every verdict where the PVA can take no other step before it and no
// property reads the PVA: one honest device (one reference), no remote update (no second one), an attacker that does
// not read it; and, an assumption the world checks as the attacker's messages are built, an attacker that injects no
// platform reference to the PVA. Then no step of the PVA comes before the receipt (Unconfigured, it takes references
// alone), and the receipt commutes with every step of the other roles.
import type { ScenarioConfig } from '../flows/ScenarioConfig.ts';
import type { Message } from '../messages.ts';
import type { CastMember } from '../flows/castFor.ts';
import type { AttackerModel } from '../attacker/attackerModel.ts';
import { messageKinds } from '../messages.ts';
import { handlersOf } from '../../src/xstate/handlersOf.ts';

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

/** Receipt at send in one world model: which messages the PVA takes as they are sent. */
export class ReceiptTable {
  private readonly atSend: boolean[] = [];
  /** Per envelope: a platform reference to the PVA (one the attacker could inject breaks the assumption). */
  private readonly references: boolean[] = [];
  /** What broke the assumption, once something did. */
  brokenBy: string | undefined;

  /** `taker`: the PVA's role index where the reduction applies (the scenario allows it and the world's relay at receipt
   *  is on, which a trace records), -1 where it does not; `sender`: the supplier's, whose steps send the reference. */
  constructor(
    readonly taker: number,
    readonly sender: number,
  ) {}

  /** Whether a step of role `role` may have been enabled only by a step of role `via`, which may have changed `role`
   *  too (the supplier's step changes the PVA): then the search may not leave it out after that step. */
  enabledBy(via: number, role: number): boolean {
    return role === this.taker && via === this.sender;
  }

  /** Registers the next envelope id, message `m`. */
  add(m: Message): void {
    const reference = this.taker >= 0 && m.kind === 'platformReference' && m.to === 'pva';
    this.references.push(reference);
    this.atSend.push(reference && m.from === 'supplier');
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
