// The threat a property stands for, read from the counter-measure ids it checks (`t5.cm3` -> threat t5 of
// Alternative 1), with the risk level the catalogue gives it (TR 33.812 clause 7, seed 003).
import { threatRecords } from '../../properties/catalogue/counterMeasureCatalogue.ts';

export function threatOfChecks(checks: readonly string[]): { id: string; risk?: string } | undefined {
  for (const c of checks) {
    const m = /^(a3a\.)?t(\d+)(?:\.cm\d+)?$/.exec(c);
    if (m === null) continue;
    const alternative = m[1] === undefined ? '1' : '3a';
    const id = `${m[1] ?? ''}t${m[2]}`;
    const t = threatRecords.find((r) => r.alternative === alternative && r.threat === Number(m[2]));
    if (t === undefined) return { id };
    return { id, risk: `${t.category} (likelihood ${t.likelihood.join('|')} x impact ${t.impact.join('|')} = ${t.risk.join('|')})` };
  }
  return undefined;
}
