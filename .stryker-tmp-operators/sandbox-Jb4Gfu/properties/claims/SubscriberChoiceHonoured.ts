// Safety, agreement. 004 5.1.3.5.2 "must support selection of a SHO and deliver all the M2M equipment parameters to
// this SHO"; 5.1.3.6.2 step 6 the RO discovers "its SHO"; Annex x.3 the DRF is trusted to "correctly discover the SHO
// and route the M2ME to the SHO" [t2 cm5 hijacking a provisioning session]: every MCIM in the TRE belongs to a home
// network the subscriber chose. Judged from what each side holds: the subscriber's own selection (its state, or for a
// change of operator the SHOs it had chosen before, as the scenario starts), and the IMSI of each MCIM in the TRE
// (an IMSI names its home network, 3GPP TS 23.003), not the SHO the TRE was told to expect by the bootstrap.
import { roleSnapshot, worldConfig, type World } from '../../models/world/World.ts';
import type { SubscriberContext } from '../../models/roles/subscriber.ts';
import { isShoId, type ShoId } from '../../models/roleIds.ts';
import { onPart } from '../../models/world/onPart.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { fieldsOf, nameId } from '../../models/readTerm.ts';
import { treOf } from './worldReaders.ts';

/** The SHOs the subscriber's instructions to its M2ME named (its ghost log, as sent; 5.1.3.7.4.2 step 2). */
function instructedShos(world: World): ShoId[] {
  return (roleSnapshot(world, 'subscriber').context as SubscriberContext).instructed.flatMap((t) => {
    const sho = nameId(fieldsOf(fieldsOf(t, 'reprovisionInstruction', 2)?.[0], 'reprovision', 3)?.[1]);
    return sho !== undefined && isShoId(sho) ? [sho] : [];
  });
}

/** Subscriber states in which it has made its selection: of an initial provisioning (5.1.3.5.2), of a change (step 1). */
const selectedIn = { initial: ['ShoSelected', 'AwaitingActivation', 'ReadyToSwitchOn', 'Using'], change: ['Contracted', 'Instructed'] } as const;

/** The SHOs whose MCIMs the TRE may hold: in a change of operator the subscriber's earlier choices (the old SHO, and
 *  the new one whose MCIM is already there), with its latest selection once made. */
function chosen(world: World): ShoId[] {
  const config = worldConfig(world);
  const out: ShoId[] = [];
  if (config.oldSho !== null) out.push(config.oldSho);
  if (config.bothMcimsPresent) out.push(config.sho);
  // A subscriber that changes operator twice chose each SHO it instructed its M2ME towards.
  for (const sho of [...instructedShos(world), latestChoice(world)]) if (sho !== undefined && !out.includes(sho)) out.push(sho);
  return out;
}

/** The subscriber's latest selection, the only SHO the TRE may register at now: the selection of an initial
 *  provisioning once made; in a change, the old SHO until the subscriber decides the change, then the new one. */
function latestChoice(world: World): ShoId | undefined {
  const config = worldConfig(world);
  const subscriber = roleSnapshot(world, 'subscriber');
  const change = config.oldSho !== null;
  if ((change ? selectedIn.change : selectedIn.initial).includes(subscriber.value as never)) return (subscriber.context as SubscriberContext).sho;
  return config.oldSho ?? undefined;
}

/** The home network an MCIM's IMSI names, or undefined for an IMSI of no known operator. */
function homeOf(imsi: string): ShoId | undefined {
  const sho = imsi.startsWith('imsi:') ? imsi.slice('imsi:'.length) : '';
  return isShoId(sho) ? sho : undefined;
}

function unchosen(world: World): string[] {
  const ok = chosen(world);
  const tre = treOf(world);
  const latest = latestChoice(world);
  // A registration made on an instruction the subscriber gave is honoured even after it changed its mind again: the
  // TRE acts on instructions in the order they arrive (two changes in flight, scenario `changeRequests`).
  const honoured = tre.expectedSho === null || tre.expectedSho === latest || instructedShos(world).includes(tre.expectedSho);
  const registered = !honoured ? [`a registration at ${tre.expectedSho} (selected: ${latest ?? 'none yet'})`] : [];
  const held = tre.registry.filter((e) => {
    const home = homeOf(e.imsi);
    return home === undefined || !ok.includes(home);
  }).map((e) => `${e.imsi} (${e.state})`);
  return [...registered, ...held];
}

export const subscriberChoiceHonoured: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('SubscriberChoiceHonoured'),
  description: 'the TRE registers only at the SHO the subscriber selected last, and holds MCIMs only of SHOs it selected',
  holds: onPart('roles', (world) => unchosen(world).length === 0),
  explain: (world) =>
    `expected the TRE to register only at the selected SHO and hold MCIMs of ${chosen(world).join(', ') || 'no SHO (the subscriber selected none yet)'} only, actual: ${unchosen(world).join(', ')}`,
};
