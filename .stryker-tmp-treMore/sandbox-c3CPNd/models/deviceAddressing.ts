// How the operators address a device's roles (004 5.1.3.6.2 steps 1-14): by the identity (PCID) a message names or
// their context holds, among the honest devices of the scenario. A PCID of no honest device (the attacker's, or an
// unknown one) is addressed as dev1's: a one-device world routes exactly as before devices were counted.
import type { Term } from '../src/attacker/Term.ts';
import { deviceIds, deviceRoleId, type DeviceId, type DeviceRole, type RoleId } from './roleIds.ts';

export interface DeviceAddressing {
  /** The honest devices, dev1 first. */
  readonly devices: readonly DeviceId[];
  /** The role `role` of the honest device whose PCID is `pcid` (dev1's when none is). */
  of(role: DeviceRole, pcid: Term | null | undefined): RoleId;
}

/** The honest devices of a scenario with `count` of them (1 or 2). */
export function honestDevices(count: number): readonly DeviceId[] {
  return deviceIds.slice(0, Math.max(1, count));
}

/** Addressing among `devices`: the PCID `pcid:devN` is device devN's (models/messages.ts deviceNames). */
export function deviceAddressing(devices: readonly DeviceId[]): DeviceAddressing {
  return {
    devices,
    of(role, pcid) {
      const id = pcid?.kind === 'name' ? pcid.id.replace(/^pcid:/, '') : undefined;
      const device = devices.find((d) => d === id) ?? 'dev1';
      return deviceRoleId(role, device);
    },
  };
}

/** dev1 alone: every message for a device goes to dev1's roles. */
export const oneDevice: DeviceAddressing = deviceAddressing(['dev1']);
