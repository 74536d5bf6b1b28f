// Threat 9, monitoring the interactions between a TRE and the M2ME: a monitor on the host-TRE interface.
import { mcimSecretNeverLeaves } from '../claims/McimSecretNeverLeaves.ts';
import { noSecretInClearOnHostInterface } from '../claims/NoSecretInClearOnHostInterface.ts';
import type { ThreatCheck } from './ThreatCheck.ts';

export const t09BusMonitoring: ThreatCheck = {
  threat: 9,
  scenarios: [{ name: 't9-bus-monitor', flow: 'initial-3gpp', attacker: { capabilities: ['t9.busMonitor'], injections: 0 } }],
  properties: [
    { property: noSecretInClearOnHostInterface, checks: ['t9.cm1', 't9.cm5', '004 5.1.2.4'] },
    { property: mcimSecretNeverLeaves, checks: ['t9.cm1', '004 5.1.2.4'] },
  ],
};
