// `trecheck xref`: finds and lints the cross-references of a TRE function text against a set of targets,
// and shapes the result as compiler-style lines or JSON.
import { checkReferenceMeaning, meaningFindings } from './checkReferenceMeaning.ts';
import type { CounterMeasureIndex } from './CounterMeasureIndex.ts';
import { extractRequirements } from './extractRequirements.ts';
import { compareFindings, countDefects, type Finding } from './Finding.ts';
import { findReferences, renderReference, type Reference } from './findReferences.ts';
import { formatFindings, plural } from './formatFindings.ts';
import { lintReferences, type ThreatCoverage } from './lintReferences.ts';
import type { ReferenceTargets } from './ReferenceTargets.ts';
import type { SourceText } from './SourceText.ts';

export interface XrefReport {
  readonly file: string;
  readonly targets: string;
  readonly references: readonly Reference[];
  readonly findings: readonly Finding[];
  readonly coverage: readonly ThreatCoverage[];
}

/** With `meaning` (the counter-measure texts of a threat analysis), also checks what each reference means. */
export function buildXrefReport(source: SourceText, targets: ReferenceTargets, meaning?: CounterMeasureIndex): XrefReport {
  const references = findReferences(source.lines);
  const lint = lintReferences(source.name, references, targets);
  const meant = meaning === undefined ? [] : meaningFindings(source.name, checkReferenceMeaning(extractRequirements(source).requirements, meaning), meaning.origin);
  return { file: source.name, targets: targets.origin, references, findings: [...lint.findings, ...meant].sort(compareFindings), coverage: lint.coverage };
}

export function formatXrefReport(report: XrefReport): string {
  const pairs = report.coverage.reduce((n, c) => n + c.referenced.length, 0);
  const all = report.coverage.reduce((n, c) => n + c.referenced.length + c.unreferenced.length, 0);
  const head = `${report.file}: ${plural(report.references.length, 'reference')}; ${pairs} of ${all} counter-measures of ${report.targets} referenced`;
  return `${head}\n${formatFindings(report.findings, report.file)}`;
}

export function xrefReportJson(report: XrefReport): unknown {
  return {
    file: report.file,
    targets: report.targets,
    defects: countDefects(report.findings),
    findings: report.findings,
    references: report.references.map((r) => ({ line: r.line, column: r.column, raw: r.raw, reading: renderReference(r.segments), problems: r.problems.map((p) => p.code) })),
    coverage: report.coverage,
  };
}
