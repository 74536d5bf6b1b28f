// Reports every place where a threat analysis disagrees with itself (TR 33.812 7.1): matrix cells and
// stated risks against likelihood x impact, categories against 7.1.1.2, summary table against analysis,
// counter-measure and threat numbering, and void entries. Ranges ("4 or 6") are sets, not errors.
import type { Finding } from './Finding.ts';
import { categoryRisks, riskCategory, type RiskCategory } from './riskCategory.ts';
import type { AlternativeAnalysis, ThreatAnalysis, ThreatEntry } from './ThreatAnalysis.ts';

export function checkThreatAnalysis(analysis: ThreatAnalysis): Finding[] {
  const file = analysis.file;
  const out: Finding[] = [];
  const defect = (line: number | undefined, code: string, message: string, suggestion?: string): void => {
    out.push({ file, ...(line === undefined ? {} : { line }), severity: 'defect', code: `risk/${code}`, message, ...(suggestion === undefined ? {} : { suggestion }) });
  };

  for (const [name, scale] of [['impact', analysis.impactScale], ['likelihood', analysis.likelihoodScale]] as const) {
    scale.forEach((level, i) => {
      if (level.value !== i + 1) defect(level.line, 'scale-numbering', `${name} scale level ${level.value} "${level.name}" where ${i + 1} was expected`);
    });
  }
  for (const cell of analysis.matrix) {
    const product = cell.likelihood * cell.impact;
    if (cell.risk !== product) defect(cell.line, 'matrix-product', `risk matrix gives ${cell.risk} for likelihood ${cell.likelihood} x impact ${cell.impact}`, `expected ${product}`);
    else if (cell.category !== riskCategory(product)) defect(cell.line, 'matrix-category', `risk matrix calls ${cell.risk} "${cell.category ?? '?'}"`, `expected ${riskCategory(product) ?? 'no category'}`);
  }
  for (const def of analysis.categories) {
    const rule = categoryRisks[def.category];
    if (def.risks.join() !== rule.join()) defect(def.line, 'category-definition', `${def.category} risk defined as ${def.risks.join(', ')}`, `risk = likelihood x impact gives ${rule.join(', ')} for ${def.category}`);
  }
  const note: Report = (line, code, message, suggestion) => {
    out.push({ file, ...(line === undefined ? {} : { line }), severity: 'note', code: `risk/${code}`, message, ...(suggestion === undefined ? {} : { suggestion }) });
  };
  for (const alt of analysis.alternatives) checkAlternative(alt, { defect, note }, analysis);
  return out;
}

type Report = (line: number | undefined, code: string, message: string, suggestion?: string) => void;
interface Reporters {
  readonly defect: Report;
  readonly note: Report;
}

function checkAlternative(alt: AlternativeAnalysis, report: Reporters, analysis: ThreatAnalysis): void {
  const { defect } = report;
  const name = `Alternative ${alt.id}`;
  alt.threats.forEach((t, i) => {
    const previous = alt.threats[i - 1];
    const expected = previous === undefined ? 1 : previous.number + 1;
    if (t.printedNumber !== undefined) {
      // Read as the number the sequence gives (parseThreatAnalysis), so this is the only finding the slip causes.
      const next = alt.threats[i + 1];
      const around = previous !== undefined && next !== undefined ? ` between #${previous.number} and #${next.number}` : previous !== undefined ? ` after #${previous.number}` : next !== undefined ? ` before #${next.number}` : '';
      defect(t.line, 'threat-numbering', `${name}: Threat #${t.printedNumber} is out of sequence${around}; read as Threat #${t.number}, which the summary table lists`, `expected Threat #${t.number}`);
    } else if (previous !== undefined && t.number !== expected) {
      // An excerpt (a text with elided threats) may start anywhere; only the order and gaps after the first one matter then.
      defect(t.line, 'threat-numbering', `${name}: Threat #${t.number} follows Threat #${previous.number}`, `expected Threat #${expected}`);
    }
    checkThreat(t, name, report, analysis);
  });
  if (alt.summaryLine === undefined) return;
  alt.summary.forEach((row, i) => {
    // A row repeated, identically or not: the table lists each threat once.
    const first = alt.summary.slice(0, i).find((r) => r.threat === row.threat);
    if (first === undefined) return;
    const same = first.levelText === row.levelText && first.description === row.description;
    const levels = first.levelText === row.levelText ? '' : ` with different risk levels, "${first.levelText}" and "${row.levelText}"`;
    const what = same ? 'identically' : levels === '' ? 'with different descriptions' : levels.slice(1);
    defect(row.line, 'summary-duplicate-row', `${name}: summary table lists threat ${row.threat} twice, ${what} (lines ${first.line} and ${row.line})`, same ? `delete the row at line ${row.line}` : `keep one row for threat ${row.threat}`);
  });
  for (const row of alt.summary) {
    const threat = alt.threats.find((t) => t.number === row.threat);
    if (threat === undefined) {
      defect(row.line, 'summary-missing-threat', `${name}: summary table lists threat ${row.threat}, which has no analysis`);
      continue;
    }
    if (row.level === undefined) {
      defect(row.line, 'summary-level', `${name}: summary table gives threat ${row.threat} the risk level "${row.levelText}", which is not one of the analysis's categories (${ownCategories(analysis).join(', ')})`);
      continue;
    }
    const categories = analysedCategories(threat);
    if (categories.length > 0 && !categories.includes(row.level)) {
      const at = threat.risk?.line ?? threat.line;
      defect(row.line, 'summary-mismatch', `${name}: summary table says threat ${row.threat} is ${row.level}, but its analysis (line ${at}) says ${describeAnalysis(threat)}`, `expected ${categories.join(' or ')}`);
    }
  }
  for (const t of alt.threats) {
    if (!alt.summary.some((r) => r.threat === t.number)) defect(t.line, 'summary-missing-row', `${name}: Threat #${t.number} is analysed but missing from the summary table (line ${alt.summaryLine})`);
  }
}

/** The categories the analysis supports: of the stated risk numbers, else of likelihood x impact. */
function analysedCategories(t: ThreatEntry): RiskCategory[] {
  const risks = t.risk !== undefined && t.risk.values.length > 0 ? t.risk.values : products(t);
  const cats = risks.map(riskCategory).filter((c): c is RiskCategory => c !== undefined);
  if (t.risk?.category !== undefined) cats.push(t.risk.category);
  return [...new Set(cats)];
}

function products(t: ThreatEntry): number[] {
  const out: number[] = [];
  for (const l of t.likelihood?.values ?? []) for (const i of t.impact?.values ?? []) if (!out.includes(l * i)) out.push(l * i);
  return out.sort((a, b) => a - b);
}

function describeAnalysis(t: ThreatEntry): string {
  const l = t.likelihood?.values.join(' or ') ?? '?';
  const i = t.impact?.values.join(' or ') ?? '?';
  return `${l} x ${i} = ${products(t).join(' or ')} (${t.risk?.category ?? riskCategory(products(t)[0] ?? 0) ?? '?'})`;
}

/** The category names the analysis defines (7.1.1.2's table), or the TR's three when it has no such table. */
function ownCategories(analysis: ThreatAnalysis): RiskCategory[] {
  const defined = analysis.categories.map((c) => c.category);
  return defined.length > 0 ? defined : ['minor', 'major', 'critical'];
}

function checkThreat(t: ThreatEntry, name: string, report: Reporters, analysis: ThreatAnalysis): void {
  const { defect, note } = report;
  const label = `${name} Threat #${t.number}`;
  const missing = (['likelihood', 'impact', 'risk'] as const).filter((k) => t[k] === undefined || t[k].values.length === 0);
  for (const k of missing) defect(t[k]?.line ?? t.line, 'missing-value', `${label} has no readable ${k === 'risk' ? 'risk level' : k}`);
  const within = (k: 'likelihood' | 'impact', max: number): void => {
    for (const v of t[k]?.values ?? []) if (v < 1 || v > max) defect(t[k]?.line, 'out-of-scale', `${label}: ${k} ${v} is outside the scale 1-${max}`);
  };
  within('likelihood', analysis.likelihoodScale.length || 4);
  // Impact 4 ("National") exists on the scale but clause 7.1.1.1.3 says it is not used.
  within('impact', 3);
  if (missing.length === 0 && t.risk !== undefined) {
    const expected = products(t);
    const stated = [...t.risk.values].sort((a, b) => a - b);
    if (stated.join() !== expected.join()) {
      defect(t.risk.line, 'product-mismatch', `${label}: risk level ${stated.join(' or ')} but likelihood x impact = ${describeAnalysis(t).split(' (')[0]}`, `expected ${expected.join(' or ')}`);
    }
    const cats = [...new Set(stated.map(riskCategory))];
    const word = t.risk.categoryText;
    const unknownWord = word !== undefined && (t.risk.category === undefined || !ownCategories(analysis).includes(t.risk.category));
    if (unknownWord) defect(t.risk.line, 'unknown-category', `${label}: risk level ${stated.join(' or ')} is called "${word}", which is not one of the analysis's categories (${ownCategories(analysis).join(', ')})`, `expected ${cats.filter((c) => c !== undefined).join(' or ') || 'one of them'}`);
    else if (cats.includes(undefined)) defect(t.risk.line, 'impossible-risk', `${label}: risk ${stated.join(' or ')} cannot come from the matrix (5, 7, 10, 11 and above 12 cannot occur)`);
    else if (t.risk.category === undefined) defect(t.risk.line, 'category-missing', `${label}: risk level ${stated.join(' or ')} has no category`, `expected (${cats.join(' or ')})`);
    else if (cats.some((c) => c !== t.risk?.category)) defect(t.risk.line, 'category-mismatch', `${label}: risk ${stated.join(' or ')} is called ${t.risk.category}`, `expected ${cats.join(' or ')}`);
    noteRange(t, label, note);
  }
  checkCounterMeasureNumbering(t, label, report);
}

/** A stated range ("Impact: 2 (or possibly 3, ...)", "Risk Level: 4 or 6") is understood, and said once: its ends and whether both agree with the category. */
function noteRange(t: ThreatEntry, label: string, note: Report): void {
  const ranged = (['likelihood', 'impact', 'risk'] as const).filter((k) => (t[k]?.values.length ?? 0) > 1);
  if (ranged.length === 0 || t.risk === undefined) return;
  const named = ranged.map((k) => `${k === 'risk' ? 'risk level' : k} ${t[k]?.values.join(' or ')}`).join(', ');
  const risks = products(t);
  const ends = [...new Set([risks[0], risks[risks.length - 1]].filter((r): r is number => r !== undefined))];
  const stated = t.risk.category;
  const each = ends.map((r) => `${r} is ${riskCategory(r) ?? 'no category'}`).join(', ');
  const verdict =
    stated === undefined ? `no category is stated (${each})`
    : ends.every((r) => riskCategory(r) === stated) ? `both ends, ${ends.join(' and ')}, are ${stated} as stated`
    : `the ends do not both agree with the stated category ${stated}: ${each}`;
  note(t.risk.line, 'range', `${label}: range ${named}; ${verdict}`);
}

function checkCounterMeasureNumbering(t: ThreatEntry, label: string, report: Reporters): void {
  const { defect } = report;
  if (t.counterMeasures.length === 0 && !t.elided) defect(t.line, 'no-counter-measures', `${label} lists no counter-measures`);
  t.counterMeasures.forEach((c, i) => {
    // Keeping a void slot so that the [tx cmy] references to later items keep their numbers is normal practice.
    if (c.isVoid) report.note(c.line, 'void', `${label}: counter-measure ${c.number} is void (a placeholder kept so references keep their numbers)`);
    const previous = t.counterMeasures[i - 1];
    if (previous === undefined) {
      if (c.number !== 1) defect(c.line, 'cm-numbering', `${label}: counter-measures start at ${c.number}`, `expected 1; renumber ${t.counterMeasures.map((x) => x.number).join(', ')} as ${t.counterMeasures.length === 1 ? '1' : `1-${t.counterMeasures.length}`}`);
    } else if (c.number === previous.number) defect(c.line, 'cm-numbering', `${label}: counter-measure ${c.number} is numbered twice (also line ${previous.line})`, `expected ${previous.number + 1}`);
    else if (c.number !== previous.number + 1) defect(c.line, 'cm-numbering', `${label}: counter-measure ${c.number} follows ${previous.number}`, `expected ${previous.number + 1}`);
  });
}
