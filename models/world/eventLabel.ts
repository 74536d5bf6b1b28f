// The printable label of a world event: what traces, replays and reports name a step by.
import { contentId } from '../contentId.ts';
import { underAttack } from '../flows/ScenarioConfig.ts';
import type { World } from './World.ts';
import type { WorldEvent } from './WorldEvent.ts';

/** Stable printable label of an event ("vno>m2me authChallenge", "subscriber SELECT_SHO"), unique among the events
 *  enabled in a world. */
export function eventLabel(world: World, e: WorldEvent): string {
  const model = world.model;
  if (e.kind === 'deliver') {
    const m = model.message(e.envelope);
    // Two messages of one kind can be in flight on one channel (two AVs at the VNO with several devices; two
    // instructions and two contracts with repeated changes of operator; two MCIM updates, or the SHO's and a forged
    // one, on their way to the TRE; an honest role's two answers, to the honest request and to the attacker's, as the
    // PVA's two validation results in t7-insider-sho): the content id then tells them apart, so a label names one
    // enabled event, as replay needs. Decided per scenario: an action's label is computed without its world.
    const twins = model.config.devices > 1 || model.config.changeRequests > 1 || model.config.shoUpdates > 0 || underAttack(model.config);
    return twins ? `${m.from}>${m.to} ${m.kind} ${contentId(m.term).slice(0, 8)}` : `${m.from}>${m.to} ${m.kind}`;
  }
  if (e.kind === 'inject') {
    const m = model.message(e.envelope);
    return `attacker>${m.to} ${m.kind} (injected as ${m.from}) ${contentId(m.term).slice(0, 8)}`;
  }
  if (e.kind === 'relay') {
    // Relay at receipt: the injection, the M2ME's relay and the TRE's receipt, one step (relayAtReceipt.ts).
    const m = model.message(e.envelope);
    const r = model.message(e.relayed);
    return `attacker>${m.to} ${m.kind} (injected as ${m.from}) ${contentId(m.term).slice(0, 8)}, relayed ${r.from}>${r.to} ${r.kind} and taken`;
  }
  if (e.kind === 'forward') {
    // A forward: the delivery, the relay and the receipt of what was relayed, one step (relayAtReceipt.ts).
    const r = model.message(e.relayed);
    return `${eventLabel(world, model.deliverEvent(e.envelope))}, relayed ${r.from}>${r.to} ${r.kind} and taken`;
  }
  const member = model.cast[e.role]!;
  const ev = member.localEvents[e.index]!;
  const param = 'mcim' in ev ? `(${String(ev.mcim)})` : '';
  return `${member.id} ${ev.type}${param}`;
}
