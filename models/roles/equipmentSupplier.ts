// The M2M equipment supplier with its CCIF (004 5.1.3.5.3, 5.1.3.4.1): manufactures the M2ME, pre-provisions
// its TRE out of band, hands credentials to the RO and the PfC to the PVA, supplies the M2ME, issues updates.
import { emit, setup } from 'xstate';
import {
  deviceNames, initialCredentialsTerm, out, platformReferenceTerm, preprovisionTerm, supplyTerm, treUpdateTerm, type SendEvent,
} from '../messages.ts';

/** The supplier manufactures the victim's device, dev1 (the m2me and tre roles). */
const made = deviceNames('dev1');

export type SupplierEvent = { readonly type: 'MANUFACTURE' } | { readonly type: 'ISSUE_UPDATE' };

export const equipmentSupplierMachine = setup({
  types: { events: {} as SupplierEvent, emitted: {} as SendEvent },
}).createMachine({
  id: 'supplier',
  initial: 'Ready',
  states: {
    Ready: {
      on: {
        MANUFACTURE: {
          target: 'Manufactured',
          actions: [
            // 5.1.2.2 "pre-provisioned in a secure, out-of-band facility" [t5 cm1, 2]: platform key, PfC, PCID,
            // initial connectivity credentials (5.1.3.3.2.1 "pre-provisioned ... by the equipment supplier").
            emit(() => out('tre', 'preprovision', preprovisionTerm(made))),
            // CCIF 5.1.3.4.1 / x.3 "Securely transmit initial connectivity credentials and PCID to chosen RO".
            emit(() => out('ro', 'initialCredentials', initialCredentialsTerm(made))),
            // 5.1.3.5.8 "PfC needs to be obtained by PVA in advance ... in a secure manner"; x.3 M2MES
            // "Supply correct information to the PVA".
            emit(() => out('pva', 'platformReference', platformReferenceTerm(made, 'v1'))),
            // 5.1.3.3.4 M2ME supply service.
            emit(() => out('subscriber', 'supply', supplyTerm(made))),
          ],
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
            emit(() => out('m2me', 'treUpdate', treUpdateTerm(made, 'v2'))),
            emit(() => out('pva', 'platformReference', platformReferenceTerm(made, 'v2'))),
          ],
        },
      },
    },
    UpdateIssued: {},
  },
});
