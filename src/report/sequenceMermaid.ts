// A counterexample as a Mermaid `sequenceDiagram` (renders in GitHub Markdown); attacker steps in a red box.
import { sequenceChart } from './sequenceSteps.ts';

/** Mermaid reads `;`, `#` and angle brackets in message text as syntax or HTML: written as its entity codes. */
const text = (s: string): string => s.replace(/#/g, '#35;').replace(/;/g, '#59;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
const safeId = (role: string, i: number): string => (/^[A-Za-z][A-Za-z0-9_]*$/.test(role) ? role : `r${i}`);

export function sequenceMermaid(actions: readonly string[]): string {
  const chart = sequenceChart(actions);
  const ids = new Map(chart.lanes.map((lane, i) => [lane, safeId(lane, i)]));
  const lines = ['sequenceDiagram'];
  for (const lane of chart.lanes) {
    const id = ids.get(lane)!;
    lines.push(id === lane ? `  participant ${id}` : `  participant ${id} as ${text(lane)}`);
  }
  // Steps are numbered by hand: Mermaid's autonumber skips notes, and trace step numbers must match the trace.
  chart.steps.forEach((step, i) => {
    const label = `${i + 1}. ${text(step.text)}${step.attacker && !step.text.includes('(injected)') ? ' (attacker)' : ''}`;
    const body =
      step.kind === 'message'
        ? `  ${ids.get(step.from)}${step.attacker ? '--)' : '->>'}${ids.get(step.to)}: ${label}`
        : `  Note over ${ids.get(step.role)}: ${label}`;
    if (step.attacker) lines.push('  rect rgba(220, 38, 38, 0.15)', `  ${body}`, '  end');
    else lines.push(body);
  });
  return `${lines.join('\n')}\n`;
}
