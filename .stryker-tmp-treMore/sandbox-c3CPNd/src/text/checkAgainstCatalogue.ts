// Cross-checks a parsed threat analysis against a counter-measure catalogue: counter-measures in the text
// that the catalogue lacks and the reverse, void entries, and likelihood/impact values that differ.
// Threats absent from the text are not compared: a contribution may quote only part of clause 7.
import type { CatalogueView } from './CatalogueView.ts';
import type { Finding } from './Finding.ts';
import type { ThreatAnalysis } from './ThreatAnalysis.ts';

export function checkAgainstCatalogue(analysis: ThreatAnalysis, catalogue: CatalogueView): Finding[] {
  const out: Finding[] = [];
  const file = analysis.file;
  const report = (line: number, code: string, message: string): void => {
    out.push({ file, line, severity: 'defect', code: `catalogue/${code}`, message });
  };
  for (const alt of analysis.alternatives) {
    for (const t of alt.threats) {
      const label = `Alternative ${alt.id} threat ${t.number}`;
      const record = catalogue.threats.find((c) => c.alternative === alt.id && c.threat === t.number);
      if (record === undefined) {
        report(t.line, 'unknown-threat', `${label} is not in trecheck's catalogue`);
        continue;
      }
      const entries = catalogue.counterMeasures.filter((c) => c.alternative === alt.id && c.threat === t.number);
      for (const cm of t.counterMeasures) {
        const known = entries.find((e) => e.textNumber === cm.number);
        if (cm.isVoid) {
          if (!record.voidNumbers.includes(cm.number)) report(cm.line, 'void-mismatch', `${label}: counter-measure ${cm.number} is void in the text but the catalogue has ${known?.id ?? 'no such entry'}`);
        } else if (known === undefined) {
          report(cm.line, 'missing-in-catalogue', `${label}: counter-measure ${cm.number} is not in trecheck's catalogue`);
        }
      }
      const last = Math.max(0, ...t.counterMeasures.map((c) => c.number));
      for (const e of entries) {
        // An elided list ("……") stops early on purpose: entries after its last item are not missing.
        if (t.elided && e.textNumber > last) continue;
        if (!t.counterMeasures.some((c) => c.number === e.textNumber && !c.isVoid)) {
          report(t.line, 'missing-in-text', `${label}: the catalogue has ${e.id} (counter-measure ${e.textNumber} in the TR) but the text does not`);
        }
      }
      for (const k of ['likelihood', 'impact'] as const) {
        const stated = t[k];
        if (stated !== undefined && stated.values.length > 0 && [...stated.values].sort().join() !== [...record[k]].sort().join()) {
          report(stated.line, `${k}-mismatch`, `${label}: ${k} ${stated.values.join(' or ')} in the text, ${record[k].join(' or ')} in trecheck's catalogue`);
        }
      }
    }
  }
  return out;
}
