// Safety. 004 5.1.2.2 "secure storage ... for multiple MCIMs" [t1 cm1, t2 cm3], 5.1.3.7.2 "the option to have more
// than one MCIM stored", 5.1.3.6.2 step 13 / 5.1.3.7.4.2 steps 7-12: an MCIM object that the SHO the TRE registered at
// issued for that very registration, delivered to the TRE while it waits for it, is taken. Judged from the SHO's log of
// what it issued (the object, read here for its signer and nonce), the TRE's outstanding registration, and the
// messages in flight; a refusal shows as the delivery not being enabled (read, not taken: no successor is built).
// Sees a full TRE (cf. Meyer, Quaglia and Smyth, FC 2018, memory exhaustion of an eUICC) and any other refusal.
import type { Term } from '../../src/attacker/Term.ts';
import { termEquals } from '../../src/attacker/Term.ts';
import { registrationNonce } from '../../models/messages.ts';
import { deliveredMessage, enabledEvents, envelopesOf, type World } from '../../models/world/World.ts';
import { propertyId, type Invariant } from '../../src/engine/Property.ts';
import { objectView } from './observedTerms.ts';
import { registryText } from './treServes.ts';
import { shoOf, treOf, treState } from './worldReaders.ts';

const awaitingMcim = (state: unknown): boolean =>
  typeof state === 'object' && state !== null && (state as { Trusted?: unknown }).Trusted === 'AwaitingMcim';

/** Objects the expected SHO issued for the TRE's outstanding registration, in flight to the TRE and not deliverable. */
function refused(world: World): readonly Term[] {
  const tre = treOf(world);
  if (tre.creds === null || tre.expectedSho === null || tre.pendingNonce === 0 || !awaitingMcim(treState(world))) return [];
  const sho = tre.expectedSho;
  const nonce = registrationNonce(tre.creds.pcid, tre.pendingNonce);
  const issued = shoOf(world, sho).issued.map((i) => i.object).filter((o) => {
    const v = objectView(o);
    return v.signer === sho && v.nonce === (nonce.kind === 'name' ? nonce.id : undefined);
  });
  if (issued.length === 0) return [];
  const waiting = envelopesOf(world).map((e) => deliveredMessage(world, e)).filter((m) => m.to === 'tre' && m.kind === 'mcimDownload' && issued.some((o) => termEquals(o, m.term)));
  if (waiting.length === 0) return [];
  const taken = enabledEvents(world).flatMap((e) => (e.kind === 'deliver' ? [deliveredMessage(world, e.envelope)] : []))
    .filter((m) => m.to === 'tre' && m.kind === 'mcimDownload');
  return waiting.filter((m) => !taken.some((t) => termEquals(t.term, m.term))).map((m) => m.term);
}

export const provisionedMcimNotRefused: Invariant<World> = {
  kind: 'invariant',
  id: propertyId('ProvisionedMcimNotRefused'),
  description: 'an MCIM object the expected SHO issued for the TRE\'s outstanding registration is taken when it reaches the TRE',
  holds: (world) => refused(world).length === 0,
  explain: (world) => {
    const tre = treOf(world);
    return `expected the TRE to take the MCIM ${tre.expectedSho ?? '?'} issued for registration ${tre.pendingNonce}, actual: refused while it holds ${registryText(world)}` +
      ` (${tre.registry.length} instance(s)${tre.storage.capacity === null ? '' : `, capacity ${tre.storage.capacity}`})`;
  },
};
