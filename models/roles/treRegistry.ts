// The TRE's registry of MCIMs (004 5.1.2.3 "a registry of the MCIMs that it manages"): plain sorted data,
// each entry with its own 5.1.1.1 lifecycle applied through the lifecycle machine's table.
import { name } from '../../src/attacker/Term.ts';
import { contentId } from '../contentId.ts';
import type { McimLifecycleState } from '../mcimLifecycle.ts';
import { nextLifecycleState } from '../mcimLifecycleTable.ts';
import type { ShoId } from '../roleIds.ts';

/** A verified MCIM (or activation) waiting for the commit of 5.1.3.7.4.2 step 12. */
export interface StagedMcim {
  readonly kind: 'download' | 'activation';
  readonly entry: McimEntry;
}

/** One MCIM in the TRE registry (5.1.2.3 "registry of the MCIMs that it manages"). Plain data, sorted by id. */
export interface McimEntry {
  /** The instance's identity: `mcim:<owner>` for the first instance of an SHO's MCIM in this TRE, `mcim:<owner>#<n>`
   *  for the n-th (a repeated provisioning while an earlier instance is still instantiated, 5.1.1.1 Retired). */
  readonly id: string;
  /** The issuer (5.1.3.5.6: the SHO whose MCIM it is). */
  readonly owner: ShoId;
  /** The number of the TRE registration it was issued for (x.2.3 registration nonce). */
  readonly registration: number;
  readonly state: McimLifecycleState;
  readonly imsi: string;
  readonly ki: string;
  /** Current executable code; a corruption replaces it. */
  readonly code: string;
  /** SHA-256 measurement of the code taken at install, checked at boot and reset (5.1.2.3 [t6 cm5, t8 cm8]). */
  readonly measurement: string;
  /** Ghost (read by properties only): a boot or reset passed while its code was modified; set by the TRE's boot
   *  and reset transitions (markCheckpoint), not by the integrity check it lets a property judge. */
  readonly modifiedAtCheck: boolean;
}

/** An instance as a step of the TRE found and left it: its identity, the registration it was issued for, and its
 *  lifecycle state and code before and after ('Deleted' when the step removed it). */
export interface ChangedInstance {
  readonly id: string;
  readonly owner: ShoId;
  readonly registration: number;
  readonly from: McimLifecycleState;
  readonly to: McimLifecycleState;
  readonly codeChanged: boolean;
}

/** Ghost (read by properties only): the instances whose lifecycle state or code differ between `before` and `after`,
 *  found by comparing the two registries, whatever check decided the step. */
export function changedInstances(before: readonly McimEntry[], after: readonly McimEntry[]): ChangedInstance[] {
  return before.flatMap((e) => {
    const a = after.find((x) => x.id === e.id);
    const [to, codeChanged] = a === undefined ? ['Deleted' as const, false] : [a.state, a.code !== e.code];
    return to === e.state && !codeChanged ? [] : [{ id: e.id, owner: e.owner, registration: e.registration, from: e.state, to, codeChanged }];
  });
}

/** The registry's order: by id, so that equal registries are equal data. */
export const sortById = (xs: readonly McimEntry[]): McimEntry[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** Applies a 5.1.1.1 lifecycle event to one entry; Deleted entries leave the registry ("permanently removed"). */
export function applyLifecycle(
  registry: readonly McimEntry[],
  id: string,
  event: Parameters<typeof nextLifecycleState>[1],
): readonly McimEntry[] | undefined {
  const entry = registry.find((e) => e.id === id);
  if (entry === undefined) return undefined;
  const next = nextLifecycleState(entry.state, event);
  if (next === undefined) return undefined;
  if (next === 'Deleted') return registry.filter((e) => e.id !== id);
  return sortById(registry.map((e) => (e.id === id ? { ...e, state: next } : e)));
}

/** Integrity check of every MCIM at boot or reset (5.1.2.3 [t6 cm5, t8 cm8]): sessions end with the reset,
 *  and an MCIM whose code no longer matches its measurement is placed in Blocked. */
export function integrityChecked(registry: readonly McimEntry[], policy: IntegrityPolicy): readonly McimEntry[] {
  let out = endSessions(registry);
  for (const e of out) {
    if (!isModified(e) || !policy.check || (e.state === 'Installed' && !policy.blockFromInstalled)) continue;
    out = applyLifecycle(out, e.id, 'BLOCK') ?? out;
  }
  return out;
}

/** Ghost: marks every MCIM whose code is modified as having passed a check point (a boot or a reset, 5.1.2.3
 *  "whenever the TRE is reset"). */
export function markCheckpoint(registry: readonly McimEntry[]): readonly McimEntry[] {
  return registry.map((e) => (isModified(e) && !e.modifiedAtCheck ? { ...e, modifiedAtCheck: true } : e));
}

/** [t8 cm8] on or off; and the assumption that an Installed MCIM can be Blocked (5.1.1.1 does not say from which
 *  states blocking applies; without it a modified Installed MCIM stays Installed). */
export interface IntegrityPolicy {
  readonly check: boolean;
  readonly blockFromInstalled: boolean;
}

/** The code no longer matches the measurement taken at install. */
export const isModified = (e: McimEntry): boolean => contentId(name(e.code)) !== e.measurement;

/** Active in the sense of 5.1.3.7.2 "At most one MCIM can be active at any time": Activated or Selected. */
export const isActive = (e: McimEntry): boolean => e.state === 'Activated' || e.state === 'Selected';

/** The instance a lifecycle command naming `mcim` (`mcim:<sho>`, the issuer) reaches: that SHO's instance in use, the
 *  one not Retired (the TRE holds at most one, treChecks.ts readMcimObject), else its first. A command names the MCIM
 *  by its issuer only (5.1.2.4 names no instance), so a Retired earlier instance is reached only when it is the SHO's
 *  only one. */
export function instanceNamed(registry: readonly McimEntry[], mcim: string): McimEntry | undefined {
  const own = registry.filter((e) => `mcim:${e.owner}` === mcim);
  return own.find((e) => e.state !== 'Retired') ?? own[0];
}

/** The id of a new instance of `sho`'s MCIM in `registry`: the lowest instance number no entry holds. */
export function nextInstanceId(registry: readonly McimEntry[], sho: ShoId): string {
  for (let n = 1; ; n++) {
    const id = n === 1 ? `mcim:${sho}` : `mcim:${sho}#${n}`;
    if (!registry.some((e) => e.id === id)) return id;
  }
}

export function newEntry(sho: ShoId, imsiId: string, kiId: string, code: string, registration: number, id: string = `mcim:${sho}`): McimEntry {
  return {
    id, owner: sho, registration, state: 'Installed', imsi: imsiId, ki: kiId, code, measurement: contentId(name(code)),
    modifiedAtCheck: false,
  };
}

/** What the TRE does when its storage is full (an assumption: the text names no storage bound, 5.1.2.2 "multiple
 *  MCIMs", 5.1.3.7.2 "the option to have more than one MCIM stored"): `refuse` the new MCIM, or first `evictRetired`
 *  MCIMs (5.1.1.1 "permanently unavailable for use, but ... still instantiated"). */
export type StorageFull = 'refuse' | 'evictRetired';

/** The TRE's storage: at most `capacity` MCIM instances in any lifecycle state (null: no bound, as in the text). */
export interface StoragePolicy {
  readonly capacity: number | null;
  readonly whenFull: StorageFull;
  /** 5.1.3.7.4.2 step 12 removes the Retired old MCIM from memory (the model's reading), or nothing does (the text). */
  readonly retiredDeletedAtCommit: boolean;
}

export const unboundedStorage: StoragePolicy = { capacity: null, whenFull: 'refuse', retiredDeletedAtCommit: true };

/** The registry with room for one more MCIM instance (Retired ones evicted first under `evictRetired`), or undefined
 *  when the storage stays full. */
export function withRoom(registry: readonly McimEntry[], policy: StoragePolicy): readonly McimEntry[] | undefined {
  if (policy.capacity === null || registry.length < policy.capacity) return registry;
  if (policy.whenFull === 'refuse') return undefined;
  let out = registry;
  for (const e of registry) if (e.state === 'Retired') out = applyLifecycle(out, e.id, 'DELETE') ?? out;
  return out.length < policy.capacity ? out : undefined;
}

/** 5.1.1.1 "Deletion may be applied ... in any of the above lifecycle states except ... Selected": every session
 *  ends first, so that the whole registry can go (5.1.3.7.4.3 step 3, back to the pristine state). */
export function removeAll(registry: readonly McimEntry[]): readonly McimEntry[] {
  let out = endSessions(registry);
  for (const e of [...out]) out = applyLifecycle(out, e.id, 'DELETE') ?? out;
  return out;
}

/** 5.1.1.1 "When the session ends, the MCIM reverts to the Activated state": for every Selected MCIM. */
function endSessions(registry: readonly McimEntry[]): readonly McimEntry[] {
  let out = registry;
  for (const e of registry) {
    if (e.state === 'Selected') out = applyLifecycle(out, e.id, 'END_SESSION') ?? out;
  }
  return out;
}

export function installAndActivate(registry: readonly McimEntry[], entry: McimEntry): readonly McimEntry[] {
  // 5.1.1.1 Installed ("created and has an entry in the M2ME's registry"), then Activated ("authorised for operational use").
  const installed = sortById([...registry, entry]);
  return applyLifecycle(installed, entry.id, 'ACTIVATE') ?? installed;
}

/** 5.1.3.7.4.2 step 8: the old SHO's MCIM leaves its session (a Selected MCIM can only end it) and is Retired. */
export function retireOld(registry: readonly McimEntry[], old: ShoId): readonly McimEntry[] {
  return endSessionThen(registry, old, 'RETIRE');
}

/** 5.1.3.7.4.2 both-present variant: the old SHO's MCIM is kept but Blocked ("strictly separated"). */
export function blockOld(registry: readonly McimEntry[], old: ShoId): readonly McimEntry[] {
  return endSessionThen(registry, old, 'BLOCK');
}

function endSessionThen(registry: readonly McimEntry[], sho: ShoId, event: 'RETIRE' | 'BLOCK'): readonly McimEntry[] {
  // The old SHO's instance in use: the active one (an earlier instance of the same SHO may still be instantiated).
  const id = registry.find((e) => e.owner === sho && isActive(e))?.id ?? `mcim:${sho}`;
  const ended = applyLifecycle(registry, id, 'END_SESSION') ?? registry;
  return applyLifecycle(ended, id, event) ?? ended;
}

export function commitStaged(registry: readonly McimEntry[], staged: StagedMcim, policy: StoragePolicy = unboundedStorage): readonly McimEntry[] {
  // Step 12 after step 8: the retired old MCIM is removed from memory (5.1.1.1 Retired -> Deleted; an assumption, the
  // text has no such step: `retiredDeletedAtCommit`), then the new one is installed and activated. A Blocked old MCIM
  // (both-present variant) stays, isolated.
  let out = registry;
  if (policy.retiredDeletedAtCommit) for (const e of registry) if (e.state === 'Retired') out = applyLifecycle(out, e.id, 'DELETE') ?? out;
  if (staged.kind === 'download') return installAndActivate(out, staged.entry);
  return applyLifecycle(out, staged.entry.id, 'ACTIVATE') ?? out;
}

/** The registry entry an honest provisioning of `sho`'s MCIM creates (used to set up a change of operator). */
export function mcimEntryFor(sho: ShoId, state: McimLifecycleState): McimEntry {
  return { ...newEntry(sho, `imsi:${sho}`, `ki:${sho}`, `code:usim:${sho}`, 1), state };
}
