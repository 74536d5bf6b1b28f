// The threat analysis reader: turns a clause 7 text (the form of TR 33.812 7.1) into a ThreatAnalysis.
// Returns undefined when the text has no "Threat #n" entry at all, i.e. it is not a threat analysis.
import { findHeadings, isWithin, type Heading } from './findHeadings.ts';
import { parseRiskTables } from './parseRiskTables.ts';
import { changeMarker } from './changeMarker.ts';
import { parseThreats } from './parseThreats.ts';
import { parseRiskCategory } from './riskCategory.ts';
import type { SourceText } from './SourceText.ts';
import { tableCells } from './tableCells.ts';
import type { AlternativeAnalysis, SummaryRow, ThreatAnalysis } from './ThreatAnalysis.ts';

const alternativeTitle = /\bAlternative\s+(\d+[a-z]?)\b/i;

export function parseThreatAnalysis(source: SourceText): ThreatAnalysis | undefined {
  const { lines } = source;
  const headings = findHeadings(lines);
  const alternatives: AlternativeAnalysis[] = [];
  for (const [heading, end] of alternativeSections(lines, headings)) {
    const id = alternativeTitle.exec(heading.title)?.[1]?.toLowerCase() ?? '';
    const threats = parseThreats(lines, heading.line + 1, end);
    const summaryHeading = headings.find((h) => h.line > heading.line && h.line < end && /Summary of Threats/i.test(h.title));
    const summaryEnd = summaryHeading === undefined ? end : (headings.find((h) => h.line > summaryHeading.line)?.line ?? end);
    const summary = summaryHeading === undefined ? [] : parseSummary(lines, summaryHeading.line + 1, Math.min(summaryEnd, end));
    if (threats.length > 0 || summary.length > 0) {
      alternatives.push({ id, title: heading.title, line: heading.line, summary, summaryLine: summaryHeading?.line, threats });
    }
  }
  if (!alternatives.some((a) => a.threats.length > 0)) return undefined;
  return { file: source.name, ...parseRiskTables(lines, headings), alternatives };
}

/** Each clause titled "Alternative x" with the line where it ends: the next clause outside it, or a change marker. */
function alternativeSections(lines: readonly string[], headings: readonly Heading[]): Array<[Heading, number]> {
  const out: Array<[Heading, number]> = [];
  headings.forEach((h, i) => {
    if (!alternativeTitle.test(h.title)) return;
    // A nested "Alternative 3a" inside "Alternative 3" ends the outer one: the innermost clause owns its threats.
    const next = headings.slice(i + 1).find((g) => !isWithin(g.number, h.number) || alternativeTitle.test(g.title));
    let end = next?.line ?? lines.length + 1;
    const marker = lines.findIndex((l, k) => k + 1 > h.line && k + 1 < end && changeMarker.test(l));
    if (marker >= 0) end = marker + 1;
    out.push([h, end]);
  });
  return out;
}

/** Table rows as tab-indented cells: number, brief description, risk level. */
function parseSummary(lines: readonly string[], from: number, to: number): SummaryRow[] {
  const cells = tableCells(lines, from - 1, to).filter((c) => c.tab);
  const rows: SummaryRow[] = [];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    const description = cells[i + 1];
    const level = cells[i + 2];
    if (c === undefined || !/^\d+$/.test(c.text) || description === undefined || level === undefined) continue;
    rows.push({ threat: Number(c.text), description: description.text, level: parseRiskCategory(level.text), levelText: level.text, line: level.line });
    i += 2;
  }
  return rows;
}
