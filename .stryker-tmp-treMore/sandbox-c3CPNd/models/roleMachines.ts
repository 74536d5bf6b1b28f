// Every machine of the model with the clause it comes from, in a fixed order (for diagrams and docs).
import type { AnyStateMachine } from 'xstate';
import { mcimLifecycleMachine } from './mcimLifecycle.ts';
import { equipmentSupplierMachine } from './roles/equipmentSupplier.ts';
import { m2meMachine } from './roles/m2me.ts';
import { non3gppIcspMachine } from './roles/non3gppIcsp.ts';
import { pvaMachine } from './roles/pva.ts';
import { registrationOperatorMachine } from './roles/registrationOperator.ts';
import { shoMachine } from './roles/sho.ts';
import { subscriberMachine } from './roles/subscriber.ts';
import { treMachine } from './roles/tre.ts';
import { vnoMachine } from './roles/vno.ts';

export interface MachineEntry {
  readonly title: string;
  readonly file: string;
  readonly clause: string;
  readonly machine: AnyStateMachine;
}

export const roleMachines: readonly MachineEntry[] = [
  { title: 'MCIM lifecycle', file: 'models/mcimLifecycle.ts', clause: '004 5.1.1.1', machine: mcimLifecycleMachine },
  { title: 'TRE', file: 'models/roles/tre.ts', clause: '004 5.1.2.2-5.1.2.4', machine: treMachine },
  { title: 'M2ME (host platform)', file: 'models/roles/m2me.ts', clause: '004 5.1.3.6, 5.1.3.7.4', machine: m2meMachine },
  { title: 'M2ME subscriber', file: 'models/roles/subscriber.ts', clause: '004 5.1.3.5.2, x.1', machine: subscriberMachine },
  { title: 'M2M equipment supplier with CCIF', file: 'models/roles/equipmentSupplier.ts', clause: '004 5.1.3.5.3, 5.1.3.4.1', machine: equipmentSupplierMachine },
  { title: 'VNO', file: 'models/roles/vno.ts', clause: '004 5.1.3.5.5, 5.1.3.6.2 steps 1-4', machine: vnoMachine },
  { title: 'Non-3GPP ICSP', file: 'models/roles/non3gppIcsp.ts', clause: '004 5.1.3.5.7, 5.1.3.6.3', machine: non3gppIcspMachine },
  { title: 'Registration Operator (ICF, DRF, DPF)', file: 'models/roles/registrationOperator.ts', clause: '004 5.1.3.5.4, 5.1.3.4.2-5.1.3.4.4', machine: registrationOperatorMachine },
  { title: 'PVA', file: 'models/roles/pva.ts', clause: '004 5.1.3.5.8', machine: pvaMachine },
  { title: 'SHO (old and new instances)', file: 'models/roles/sho.ts', clause: '004 5.1.3.5.6, 5.1.3.7.3', machine: shoMachine },
];
