// What "the device has service" means for the properties of service: the TRE is not locked down and holds an active
// MCIM (5.1.3.7.2: Activated or Selected) whose code is intact (a corrupted one is the malfunction of 003 t11).
import { isActive, isModified } from '../../models/roles/treRegistry.ts';
import type { World } from '../../models/world/World.ts';
import { treOf, treState } from './worldReaders.ts';

export function treServes(world: World): boolean {
  const tre = treOf(world);
  if (tre.tampered || treState(world) === 'LockedDown') return false;
  return tre.registry.some((e) => isActive(e) && !isModified(e));
}

/** The TRE's MCIMs in a few words, for explanations. */
export const registryText = (world: World): string => treOf(world).registry.map((e) => `${e.id} ${e.state}${isModified(e) ? ' (modified)' : ''}`).join(', ') || 'no MCIM';
