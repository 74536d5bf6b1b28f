// The threat analysis reader: turns a clause 7 text (the form of TR 33.812 7.1) into a ThreatAnalysis.
// Returns undefined when the text has no "Threat #n" entry at all, i.e. it is not a threat analysis.
import { findHeadings, isWithin, type Heading } from './findHeadings.ts';
import { parseRiskTables } from './parseRiskTables.ts';
import { changeMarker } from './changeMarker.ts';
import { parseThreats } from './parseThreats.ts';
import { parseRiskCategory } from './riskCategory.ts';
import type { SourceText } from './SourceText.ts';
import { tableCells } from './tableCells.ts';
import type { AlternativeAnalysis, SummaryRow, ThreatAnalysis, ThreatEntry } from './ThreatAnalysis.ts';

const alternativeTitle = /\bAlternative\s+(\d+[a-z]?)\b/i;

export function parseThreatAnalysis(source: SourceText): ThreatAnalysis | undefined {
  const { lines } = source;
  const headings = findHeadings(lines);
  const alternatives: AlternativeAnalysis[] = [];
  for (const [heading, end] of alternativeSections(lines, headings)) {
    const id = alternativeTitle.exec(heading.title)?.[1]?.toLowerCase() ?? '';
    const parsed = parseThreats(lines, heading.line + 1, end);
    const summaryHeading = headings.find((h) => h.line > heading.line && h.line < end && /Summary of Threats/i.test(h.title));
    const summaryEnd = summaryHeading === undefined ? end : (headings.find((h) => h.line > summaryHeading.line)?.line ?? end);
    const summary = summaryHeading === undefined ? [] : parseSummary(lines, summaryHeading.line + 1, Math.min(summaryEnd, end));
    const threats = correctNumberSlips(parsed, summary);
    if (threats.length > 0 || summary.length > 0) {
      alternatives.push({ id, title: heading.title, line: heading.line, summary, summaryLine: summaryHeading?.line, threats });
    }
  }
  if (!alternatives.some((a) => a.threats.length > 0)) return undefined;
  return { file: source.name, ...parseRiskTables(lines, headings), alternatives };
}

/**
 * A single typo in a threat number ("Threat #44" between #3 and #5, or a last "Threat #20" after #1 where the
 * summary table lists 2 and not 20) is read as the number the sequence gives, so it yields one finding and not a
 * cascade (numbering, summary row, catalogue). The printed number is kept for that one finding.
 */
function correctNumberSlips(threats: readonly ThreatEntry[], summary: readonly SummaryRow[]): ThreatEntry[] {
  const listed = (n: number): boolean => summary.some((r) => r.threat === n);
  return threats.map((t, i) => {
    const before = threats[i - 1]?.number;
    const after = threats[i + 1]?.number;
    let expected: number | undefined;
    if (before !== undefined && after !== undefined) expected = after - before === 2 ? before + 1 : undefined;
    else if (before !== undefined) expected = listed(before + 1) && !listed(t.number) ? before + 1 : undefined;
    else if (after !== undefined) expected = after > 1 && listed(after - 1) && !listed(t.number) ? after - 1 : undefined;
    if (expected === undefined || expected === t.number) return t;
    return { ...t, number: expected, printedNumber: t.number };
  });
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
