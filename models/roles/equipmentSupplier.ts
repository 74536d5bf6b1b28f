// The M2M equipment supplier with its CCIF (004 5.1.3.5.3, 5.1.3.4.1): manufactures the M2ME, pre-provisions
// its TRE out of band, hands credentials to the RO and the PfC to the PVA, supplies the M2ME, issues updates.
import { emit, setup } from 'xstate';
import { deviceRoleId, type DeviceId } from '../roleIds.ts';
import { builtOnce } from './builtOnce.ts';
import {
  deviceNames, initialCredentialsTerm, out, platformReferenceTerm, preprovisionTerm, supplyTerm, treUpdateTerm, type SendEvent,
} from '../messages.ts';


export type SupplierEvent = { readonly type: 'MANUFACTURE' } | { readonly type: 'ISSUE_UPDATE' };

/** The supplier of `devices`: it manufactures each (dev1 first) and sends each one's credentials where they go. */
function buildSupplierMachine(devices: readonly DeviceId[]) {
  const made = devices.map((d) => ({ names: deviceNames(d), tre: deviceRoleId('tre', d), subscriber: deviceRoleId('subscriber', d) }));
  // The remote update is for dev1, the victim's device (t6).
  const victim = deviceNames('dev1');
  return setup({
    types: { events: {} as SupplierEvent, emitted: {} as SendEvent },
  }).createMachine({
    id: 'supplier',
    initial: 'Ready',
    states: {
      Ready: {
        on: {
          MANUFACTURE: {
            target: 'Manufactured',
            // Each device in turn, dev1 first.
            actions: made.flatMap(({ names, tre, subscriber }) => [
              // 5.1.2.2 "pre-provisioned in a secure, out-of-band facility" [t5 cm1, 2]: platform key, PfC, PCID,
              // initial connectivity credentials (5.1.3.3.2.1 "pre-provisioned ... by the equipment supplier").
              emit(() => out(tre, 'preprovision', preprovisionTerm(names))),
              // CCIF 5.1.3.4.1 / x.3 "Securely transmit initial connectivity credentials and PCID to chosen RO".
              emit(() => out('ro', 'initialCredentials', initialCredentialsTerm(names))),
              // 5.1.3.5.8 "PfC needs to be obtained by PVA in advance ... in a secure manner"; x.3 M2MES
              // "Supply correct information to the PVA".
              emit(() => out('pva', 'platformReference', platformReferenceTerm(names, 'v1'))),
              // 5.1.3.3.4 M2ME supply service, to the device's owner.
              emit(() => out(subscriber, 'supply', supplyTerm(names))),
            ]),
          },
        },
      },
      Manufactured: {
        on: {
          // 5.1.2.2 "updated remotely by an authorised entity using secure protocols" [t6 cm4]; the PVA gets the
          // new reference (5.1.3.5.8 "obtaining new platform credentials ... after a remote update").
          ISSUE_UPDATE: {
            target: 'UpdateIssued',
            actions: [
              emit(() => out('m2me', 'treUpdate', treUpdateTerm(victim, 'v2'))),
              emit(() => out('pva', 'platformReference', platformReferenceTerm(victim, 'v2'))),
            ],
          },
        },
      },
      UpdateIssued: {},
    },
  });
}

/** The machine for `devices` (built once per value). */
export const equipmentSupplierMachineFor = builtOnce(buildSupplierMachine, (devices: readonly DeviceId[]) => devices.join());

/** The machine of a one-device world. */
export const equipmentSupplierMachine = equipmentSupplierMachineFor(['dev1']);
