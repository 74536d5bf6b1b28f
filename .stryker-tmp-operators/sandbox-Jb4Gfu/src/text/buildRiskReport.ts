// `trecheck risk`: reads a threat analysis, checks it against itself and against a catalogue, and shapes the
// result for printing (compiler-style lines) or as JSON. Returns undefined for a text with no threat analysis.
import type { CatalogueView } from './CatalogueView.ts';
import { checkAgainstCatalogue } from './checkAgainstCatalogue.ts';
import { checkThreatAnalysis } from './checkThreatAnalysis.ts';
import { compareFindings, countDefects, withColumns, type Finding } from './Finding.ts';
import { formatFindings, plural } from './formatFindings.ts';
import { parseThreatAnalysis } from './parseThreatAnalysis.ts';
import { riskCategory } from './riskCategory.ts';
import type { SourceText } from './SourceText.ts';
import type { ThreatAnalysis } from './ThreatAnalysis.ts';

export interface RiskReport {
  readonly analysis: ThreatAnalysis;
  readonly findings: readonly Finding[];
}

export function buildRiskReport(source: SourceText, catalogue: CatalogueView | undefined): RiskReport | undefined {
  const analysis = parseThreatAnalysis(source);
  if (analysis === undefined) return undefined;
  const findings = [...checkThreatAnalysis(analysis), ...(catalogue === undefined ? [] : checkAgainstCatalogue(analysis, catalogue))];
  for (const alt of analysis.alternatives) {
    for (const t of alt.threats) {
      if (t.elided) findings.push({ file: analysis.file, line: t.line, severity: 'note', code: 'risk/excerpt', message: `Alternative ${alt.id} Threat #${t.number}: the counter-measure list is elided after ${t.counterMeasures.length} items; later ones were not checked` });
    }
  }
  return { analysis, findings: withColumns(findings, source.lines).sort(compareFindings) };
}

/** The risk table the text states, one line per threat, then the findings. */
export function formatRiskReport(report: RiskReport): string {
  const rows: string[] = [];
  for (const alt of report.analysis.alternatives) {
    rows.push(`Alternative ${alt.id}: ${plural(alt.threats.length, 'threat')}, ${plural(alt.threats.flatMap((t) => t.counterMeasures.filter((c) => !c.isVoid)).length, 'counter-measure')}`);
    for (const t of alt.threats) {
      const summary = alt.summary.find((r) => r.threat === t.number)?.levelText ?? '-';
      const l = t.likelihood?.values.join('|') ?? '?';
      const i = t.impact?.values.join('|') ?? '?';
      const r = t.risk?.values.join('|') ?? '?';
      const product = (t.likelihood?.values ?? []).flatMap((lv) => (t.impact?.values ?? []).map((iv) => lv * iv));
      const computed = [...new Set(product.map((p) => riskCategory(p) ?? '?'))].join('|');
      rows.push(`  t${t.number}  L ${l}  I ${i}  risk ${r} ${t.risk?.category ?? '?'}  computed ${computed || '?'}  summary ${summary}  cms ${t.counterMeasures.map((c) => (c.isVoid ? `(${c.number} void)` : c.number)).join(',')}`);
    }
  }
  return `${rows.join('\n')}\n${formatFindings(report.findings, report.analysis.file)}`;
}

export function riskReportJson(report: RiskReport): unknown {
  return {
    file: report.analysis.file,
    defects: countDefects(report.findings),
    findings: report.findings,
    impactScale: report.analysis.impactScale,
    likelihoodScale: report.analysis.likelihoodScale,
    matrix: report.analysis.matrix,
    categories: report.analysis.categories,
    alternatives: report.analysis.alternatives,
  };
}
