// What the Alternative 3a claims read: role states and contexts, what is in flight, the attacker's knowledge.
// Properties observe what happened; they never step the system.
import { canDerive } from '../../src/attacker/knowledge.ts';
import type { Term } from '../../src/attacker/Term.ts';
import { roleView, type Alt3aState } from '../../models/alt3a/alt3aSystem.ts';
import type { Role3a } from '../../models/alt3a/Message3a.ts';
import { nameType } from '../../models/alt3a/terms3a.ts';

export const stateOf = (s: Alt3aState, role: Role3a): string => roleView(s, role).value;
export const termIn = (s: Alt3aState, role: Role3a, field: string): Term | null => (roleView(s, role).context[field] as Term | null | undefined) ?? null;
export const attackerDerives = (s: Alt3aState, t: Term | null): boolean => t !== null && canDerive(s.attacker.knowledge, t);
/** The change is complete: the new MNO serves the subscriber with an authenticated session. */
export const changeComplete = (s: Alt3aState): boolean => stateOf(s, 'newMno') === 'Serving';
/** A message of the transfer or of an OTA change is on its way. */
export const changeStepInFlight = (s: Alt3aState): boolean =>
  s.inFlight.some((m) => m.channel !== 'radio' || ((m.msg.kind === 'senc' || m.msg.kind === 'mac') && m.msg.key.kind === 'name' && nameType(m.msg.key.id) === 'ota'));
export const show = (t: Term | null): string => (t === null ? 'none' : t.kind === 'name' ? t.id : JSON.stringify(t));
