// The Mermaid state diagrams of the TR model's machines (as in docs/diagrams.md), for the HTML report.
import { roleMachines } from '../../models/roleMachines.ts';
import { machineToMermaid } from './mermaid.ts';

export function modelDiagrams(): { title: string; mermaid: string }[] {
  return roleMachines.map((m) => ({ title: `${m.title} (${m.file}, TR 33.812 ${m.clause})`, mermaid: machineToMermaid(m.machine) }));
}
