// A counterexample as a Mermaid `sequenceDiagram` (renders in GitHub Markdown); attacker steps in a red box; for a
// secrecy violation, the attacker's reads as notes on the steps they follow and its derivation after the trace.
import { attackerLane, derivationRows, readsByStep } from './derivationRows.ts';
import type { SecretDerivation } from './Report.ts';
import { sequenceChart } from './sequenceSteps.ts';

/** Mermaid reads `;`, `#` and angle brackets in message text as syntax or HTML: written as its entity codes. */
const text = (s: string): string => s.replace(/#/g, '#35;').replace(/;/g, '#59;').replace(/</g, '#lt;').replace(/>/g, '#gt;');
const safeId = (role: string, i: number): string => (/^[A-Za-z][A-Za-z0-9_]*$/.test(role) ? role : `r${i}`);

/** Notes are one line: long terms are cut (the report lists each derivation in full beside the chart). */
const cut = (s: string, max = 100): string => (s.length <= max ? s : `${s.slice(0, max - 3)}...`);

export function sequenceMermaid(actions: readonly string[], derivations: readonly SecretDerivation[] = []): string {
  const chart = sequenceChart(actions);
  const lanes = derivations.length === 0 || chart.lanes.includes(attackerLane) ? chart.lanes : [...chart.lanes, attackerLane];
  const ids = new Map(lanes.map((lane, i) => [lane, safeId(lane, i)]));
  const reads = readsByStep(derivations);
  const lines = ['sequenceDiagram'];
  for (const lane of lanes) {
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
    for (const read of reads.get(i + 1) ?? []) lines.push(`  Note over ${ids.get(attackerLane)}: ${text(cut(read))}`);
  });
  const rows = derivationRows(derivations);
  if (rows.length > 0) {
    lines.push('  rect rgba(220, 38, 38, 0.08)');
    for (const row of rows) lines.push(`  Note over ${ids.get(attackerLane)}: ${text(cut(row.text))}`);
    lines.push('  end');
  }
  return `${lines.join('\n')}\n`;
}
