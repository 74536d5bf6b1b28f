// What an honest run of a scenario must reach, read from role snapshots only:
// the chosen SHO's MCIM Activated in the TRE, the success report at that SHO, the old MCIM gone (or isolated),
// and never more than one MCIM active; with a second device, its SHO's MCIM Activated in its TRE too.
import type { AnyMachineSnapshot } from 'xstate';
import type { McimLifecycleState } from '../mcimLifecycle.ts';
import { same } from '../readTerm.ts';
import type { RoleId } from '../roleIds.ts';
import type { RoContext } from '../roles/registrationOperator.ts';
import type { ShoContext } from '../roles/sho.ts';
import type { TreContext } from '../roles/tre.ts';
import { isActive } from '../roles/treRegistry.ts';
import { lastChoiceSho, secondDeviceSho, type ScenarioConfig } from './ScenarioConfig.ts';

/** Far above the longest honest flow (about 60 steps); reaching it means the model loops. */
export const MAX_HONEST_STEPS = 500;

export interface McimView {
  readonly id: string;
  readonly owner: string;
  readonly state: McimLifecycleState;
}

export interface FlowOutcome {
  readonly scenario: string;
  readonly flow: ScenarioConfig['flow'];
  readonly goalReached: boolean;
  /** Unmet parts of the goal, empty when reached. */
  readonly unmet: readonly string[];
  readonly mcims: readonly McimView[];
  readonly sho: { readonly id: string; readonly state: string; readonly report: string };
  readonly oldSho: { readonly id: string; readonly state: string } | null;
  /** Largest number of MCIMs in Activated or Selected seen at any step of the run. */
  readonly maxActiveMcims: number;
  readonly steps: number;
  /** True when the run stopped because nothing was enabled (not a step limit). */
  readonly quiescent: boolean;
}

export type SnapshotOf = (id: RoleId) => AnyMachineSnapshot;

/** MCIMs in Activated or Selected (5.1.3.7.2 "At most one MCIM can be active at any time"). */
export function activeMcims(snapshotOf: SnapshotOf): number {
  return (snapshotOf('tre').context as TreContext).registry.filter(isActive).length;
}

export function flowOutcome(
  config: ScenarioConfig,
  snapshotOf: SnapshotOf,
  run: { readonly maxActiveMcims: number; readonly steps: number; readonly quiescent: boolean },
): FlowOutcome {
  const tre = snapshotOf('tre').context as TreContext;
  const mcims = tre.registry.map((e) => ({ id: e.id, owner: e.owner, state: e.state }));
  // With two change requests the subscriber's last choice is the old SHO again (or sho3 with `shos: 3`), and the first
  // new SHO is the one left.
  const [finalSho, previousSho] = config.changeRequests > 1 && config.oldSho !== null ? [lastChoiceSho(config), config.sho] : [config.sho, config.oldSho];
  const shoSnap = snapshotOf(finalSho);
  const shoCtx = shoSnap.context as ShoContext;
  const unmet: string[] = [];
  // The newest instance of the chosen SHO's MCIM (an earlier one may still be instantiated, Retired).
  const chosen = mcims.filter((m) => m.owner === finalSho).at(-1);
  if (!mcims.some((m) => m.owner === finalSho && m.state === 'Activated')) unmet.push(`MCIM of ${finalSho} is ${chosen?.state ?? 'absent'}, expected Activated`);
  if (shoSnap.value !== 'Serving' || shoCtx.report !== 'success') {
    unmet.push(`${finalSho} is ${String(shoSnap.value)} with report '${shoCtx.report}', expected Serving with 'success'`);
  }
  let oldSho: FlowOutcome['oldSho'] = null;
  if (previousSho !== null) {
    // Retired instances stay where no step deletes them (assumption retiredDeletedAtCommit off).
    const old = mcims.find((m) => m.owner === previousSho && (config.assumptions.retiredDeletedAtCommit || m.state !== 'Retired'));
    if (config.bothMcimsPresent) {
      // 5.1.3.7.4.2 variant: "strictly separated": kept but not usable.
      if (old?.state !== 'Blocked') unmet.push(`old MCIM of ${previousSho} is ${old?.state ?? 'absent'}, expected Blocked (isolated)`);
    } else if (old !== undefined) {
      unmet.push(`old MCIM of ${previousSho} is still present (${old.state}), expected gone`);
    }
    const oldSnap = snapshotOf(previousSho);
    oldSho = { id: previousSho, state: String(oldSnap.value) };
    // 5.1.3.7.4.2 steps 9-10: the old SHO is told and acknowledges. 5.1.3.7.4.3 has no such step.
    if (config.flow === 'change-via-old-sho' && oldSnap.value !== 'Released') {
      unmet.push(`old SHO ${previousSho} is ${String(oldSnap.value)}, expected Released (steps 9-10)`);
    }
    // 5.1.3.7.4.2 step 14: the new SHO registers the M2ME at the RO "as 'subscribing to' the new SHO, for future
    // discovery queries": the DRF's directory names it.
    const drf = (snapshotOf('ro').context as RoContext).devices.find((d) => same(d.pcid, tre.creds?.pcid));
    if (config.flow === 'change-via-old-sho' && drf?.directory !== finalSho) {
      unmet.push(`the DRF's directory names ${drf?.directory ?? 'no SHO'} for the device, expected ${finalSho} (step 14)`);
    }
  }
  // sho1 -> sho2 -> sho3: the first old SHO was released by the first change and holds no MCIM in the TRE.
  if (config.shos > 2 && config.oldSho !== null && config.changeRequests > 1) {
    const first = snapshotOf(config.oldSho);
    if (first.value !== 'Released') unmet.push(`first old SHO ${config.oldSho} is ${String(first.value)}, expected Released`);
    const left = mcims.find((m) => m.owner === config.oldSho && (config.assumptions.retiredDeletedAtCommit || m.state !== 'Retired'));
    if (left !== undefined) unmet.push(`MCIM of the first old SHO ${config.oldSho} is still present (${left.state}), expected gone`);
  }
  // A second device: its own SHO's MCIM Activated in its TRE, with that SHO's success report (004 steps 13-14).
  if (config.devices > 1) {
    const sho2 = secondDeviceSho(config);
    const mcim2 = (snapshotOf('tre@dev2').context as TreContext).registry.find((e) => e.owner === sho2);
    const sho2Snap = snapshotOf(sho2);
    if (mcim2?.state !== 'Activated') unmet.push(`MCIM of ${sho2} in tre@dev2 is ${mcim2?.state ?? 'absent'}, expected Activated`);
    if (sho2Snap.value !== 'Serving' || (sho2Snap.context as ShoContext).report !== 'success') {
      unmet.push(`${sho2} (dev2's SHO) is ${String(sho2Snap.value)} with report '${(sho2Snap.context as ShoContext).report}', expected Serving with 'success'`);
    }
  }
  // 5.1.2.2 "A TRE should be able to be updated remotely by an authorised entity" [t6 cm4]: with `lifecycleActions`
  // the supplier issues an update for dev1 in the run; it is installed in that TRE.
  if (config.lifecycleActions && tre.firmware !== 'v2') {
    unmet.push(`the TRE runs firmware ${tre.firmware}, expected the supplier's update v2`);
  }
  if (run.maxActiveMcims > 1) unmet.push(`${run.maxActiveMcims} MCIMs were active at once, expected at most 1`);
  return {
    scenario: config.name,
    flow: config.flow,
    goalReached: unmet.length === 0,
    unmet,
    mcims,
    sho: { id: finalSho, state: String(shoSnap.value), report: shoCtx.report },
    oldSho,
    maxActiveMcims: run.maxActiveMcims,
    steps: run.steps,
    quiescent: run.quiescent,
  };
}
