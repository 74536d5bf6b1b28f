// Reads the methodology tables of TR 33.812 7.1.1 as the Word export lays them out, one tab-indented
// cell per line: the impact and likelihood scales, the risk-level matrix and the risk category definitions.
import type { Heading } from './findHeadings.ts';
import { parseRiskCategory } from './riskCategory.ts';
import { tableCells } from './tableCells.ts';
import type { CategoryDefinition, MatrixCell, RiskTables, ScaleLevel } from './ThreatAnalysis.ts';

export function parseRiskTables(lines: readonly string[], headings: readonly Heading[]): RiskTables {
  const section = (title: RegExp): [number, number] | undefined => {
    const i = headings.findIndex((h) => title.test(h.title));
    const h = headings[i];
    if (h === undefined) return undefined;
    return [h.line, headings[i + 1]?.line ?? lines.length + 1];
  };
  const impact = section(/^Impact$/i);
  const likelihood = section(/^Likelihood\b/i);
  const matrix = section(/Risk Matrix/i);
  const categories = section(/Definitions? of Risk Level/i);
  return {
    impactScale: impact === undefined ? [] : parseScale(lines, impact),
    likelihoodScale: likelihood === undefined ? [] : parseScale(lines, likelihood),
    matrix: matrix === undefined ? [] : parseMatrix(lines, matrix),
    categories: categories === undefined ? [] : parseCategories(lines, categories),
  };
}

/** The cells of a clause: the lines between its heading and the next one. */
const cells = (lines: readonly string[], [heading, next]: [number, number]) => tableCells(lines, heading, next);

/** A value cell "\t1" followed by a quoted name cell "\t"minor impact"". */
function parseScale(lines: readonly string[], range: [number, number]): ScaleLevel[] {
  const cs = cells(lines, range);
  const levels: ScaleLevel[] = [];
  cs.forEach((c, i) => {
    const next = cs[i + 1];
    if (c.tab && /^\d+$/.test(c.text) && next !== undefined && /^"[^"]*"$/.test(next.text)) {
      levels.push({ value: Number(c.text), name: next.text.slice(1, -1).trim(), line: c.line });
    }
  });
  return levels;
}

/** Labels "Minor (1)" ... come first; the label just before the first "Risk = n (category)" cell is the first row
 *  ("Low (1)"), those before it are the impact columns, and every later label starts a row. */
function parseMatrix(lines: readonly string[], range: [number, number]): MatrixCell[] {
  const labels: number[] = [];
  let columns: number[] | undefined;
  let row: number | undefined;
  let column = 0;
  const out: MatrixCell[] = [];
  for (const c of cells(lines, range)) {
    const label = /^[A-Za-z]+ \((\d+)\)$/.exec(c.text)?.[1];
    const cell = /^Risk\s*=\s*(\d+)\s*\(\s*([A-Za-z]+)\s*\)/.exec(c.text);
    if (label !== undefined) {
      if (columns === undefined) labels.push(Number(label));
      else {
        row = Number(label);
        column = 0;
      }
      continue;
    }
    if (cell?.[1] === undefined || cell[2] === undefined) continue;
    if (columns === undefined) {
      row = labels.pop();
      columns = labels;
      column = 0;
    }
    const impact = columns[column];
    if (row !== undefined && impact !== undefined) {
      out.push({ likelihood: row, impact, risk: Number(cell[1]), category: parseRiskCategory(cell[2]), line: c.line });
    }
    column += 1;
  }
  return out;
}

/** "\tRisk 1, 2, 3" followed by "\t"minor risk"". */
function parseCategories(lines: readonly string[], range: [number, number]): CategoryDefinition[] {
  const cs = cells(lines, range);
  const out: CategoryDefinition[] = [];
  cs.forEach((c, i) => {
    const risks = /^Risk\s+([\d,\s]+)$/.exec(c.text);
    const name = /^"\s*([A-Za-z]+)\s+risk\s*"$/i.exec(cs[i + 1]?.text ?? '');
    const category = name?.[1] === undefined ? undefined : parseRiskCategory(name[1]);
    if (risks?.[1] !== undefined && category !== undefined) {
      out.push({ category, risks: risks[1].split(/[,\s]+/).filter(Boolean).map(Number), line: c.line });
    }
  });
  return out;
}
