// Re-executes a sequence of world events on live XState actors (one per role, messages routed from their
// `emit`ted sends) and describes every state as describeWorld does: the replay cross-check of a found trace.
// The attacker is tracked beside the actors: what it reads of their sends, and what it injects.
import type { Message } from '../messages.ts';
import { castFor } from '../flows/castFor.ts';
import { envelopeKey, messageOfKey } from './envelopeKey.ts';
import { startLiveCast } from './liveCast.ts';
import { attackerViewOf, deliveredMessage, localEventOf, roleSnapshot, worldConfig, worldModelOf, worldNet, worldObserved, type World, type WorldEvent } from './World.ts';
import { worldView } from './worldView.ts';

/** Views of the initial world and of the state after each event, as live actors reach them. Stops early
 *  (fewer views than events + 1) when a delivery's message is not in flight among the live actors. */
export function liveReplay(initial: World, events: readonly WorldEvent[]): unknown[] {
  const config = worldConfig(initial);
  const model = worldModelOf(initial);
  const cast = castFor(config);
  // Live actors start where the pure world starts (which may differ from the cast's default in tests).
  const live = startLiveCast(cast, (member) => roleSnapshot(initial, member.id), worldNet(initial).map(messageOfKey));
  const inFlight = live.inFlight;
  const observed = new Set(worldObserved(initial));
  let injections = initial.injections;
  const view = (): unknown => {
    const network = [...inFlight].sort((a, b) => compare(envelopeKey(a), envelopeKey(b)));
    return worldView(config.name, cast.map((m) => m.id), live.snapshotOf, network, attackerViewOf(model, [...observed].sort(), injections));
  };
  const views = [view()];
  for (const e of events) {
    const sentBefore = inFlight.length;
    if (e.kind === 'deliver') {
      const wanted = envelopeKey(deliveredMessage(initial, e.envelope));
      const i = inFlight.findIndex((m) => envelopeKey(m) === wanted);
      if (i < 0) break;
      const [m] = inFlight.splice(i, 1) as [Message];
      live.deliver(m);
    } else if (e.kind === 'inject') {
      live.deliver(deliveredMessage(initial, e.envelope));
      injections++;
    } else if (e.kind === 'relay' || e.kind === 'forward') {
      // Relay at receipt: the live M2ME relays the injected message, or the one in flight it takes (a forward); the
      // live TRE takes what it relayed at once.
      if (e.kind === 'relay') {
        live.deliver(deliveredMessage(initial, e.envelope));
        injections++;
      } else {
        const forwarded = envelopeKey(deliveredMessage(initial, e.envelope));
        const at = inFlight.findIndex((m) => envelopeKey(m) === forwarded);
        if (at < 0) break;
        live.deliver(inFlight.splice(at, 1)[0]!);
      }
      const wanted = envelopeKey(deliveredMessage(initial, e.relayed));
      // What the M2ME relayed was appended after what was in flight before this step (less a forwarded message).
      const before = sentBefore - (e.kind === 'forward' ? 1 : 0);
      let i = inFlight.length - 1;
      while (i >= before && envelopeKey(inFlight[i]!) !== wanted) i--;
      if (i < before) break;
      const [m] = inFlight.splice(i, 1) as [Message];
      live.deliver(m);
    } else {
      const { role, event } = localEventOf(initial, e.role, e.index);
      live.send(role, event);
    }
    // Sends are appended to inFlight; what the attacker reads of them joins its observations.
    const removed = e.kind === 'deliver' || e.kind === 'forward' ? 1 : 0;
    // Receipt at send (receiptAtSend.ts): the live receiver takes a message as it is sent, where it can.
    for (let i = sentBefore - removed; model.receipts.on && i < inFlight.length; ) {
      const m = inFlight[i]!;
      if (model.receipts.takenAtSend(model.envelopeOfKey(envelopeKey(m))) && live.canDeliver(m)) live.deliver(inFlight.splice(i, 1)[0]!);
      else i++;
    }
    for (const m of inFlight.slice(sentBefore - removed)) {
      const term = model.observedTerm(envelopeKey(m));
      if (term !== undefined) observed.add(term);
    }
    views.push(view());
  }
  live.stop();
  return views;
}

/** The world's network order: plain code-unit order of envelope keys, as Array.prototype.sort uses. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
