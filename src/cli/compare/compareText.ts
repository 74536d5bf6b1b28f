// The comparison in words: one cell as text, the table and 3a's ablation matrix as Markdown (the same cells and
// marks as 1a's ablation report: a number is the shortest attack with that switch off, ok, F for a finding, ?).
import type { Cell, Comparison } from './Comparison.ts';
import type { MatrixEntry } from '../ablate/AblationReport.ts';
import { formatCount as count } from '../../report/formatCount.ts';

/** One cell in a line: the verdict, what needs what, and where it comes from. */
export function cellText(cell: Cell, options: { readonly millis: boolean } = { millis: true }): string {
  const ms = (m: number) => (options.millis ? `, ${Math.round(m)} ms` : '');
  switch (cell.kind) {
    case 'holds': {
      const needs = cell.needs === null ? '' : cell.needs.length === 0 ? '; no single counter-measure needed' : `; needs ${cell.needs.join(', ')}`;
      return `holds${needs} (${cell.property} in ${cell.scenario}: ${count(cell.states)} states${ms(cell.millis)})`;
    }
    case 'violated':
      return `violated: attack of ${cell.steps} steps${cell.known === undefined ? '' : ', a finding about the text'} (${cell.property} in ${cell.scenario}: ${count(cell.states)} states${ms(cell.millis)})`;
    case 'inconclusive':
      return `inconclusive (${cell.property} in ${cell.scenario}: stopped at ${count(cell.states)} states)`;
    case 'not-applicable':
      return `not applicable: ${cell.reason}`;
  }
}

const pipe = (s: string): string => s.replace(/\|/g, '\\|');

export function comparisonTable(c: Comparison, options: { readonly millis: boolean } = { millis: true }): string {
  const lines = ['| Claim | Attacker | Alternative 1a (MCIM download) | Alternative 3a (Ki transfer) |', '|---|---|---|---|'];
  for (const r of c.rows) {
    const a1 = cellText(r.a1, options) + (r.note === undefined ? '' : `; ${r.note}`);
    lines.push(`| ${pipe(r.claim)} | ${pipe(r.attacker)} | ${pipe(a1)} | ${pipe(cellText(r.a3, options))} |`);
  }
  return lines.join('\n');
}

function mark(e: MatrixEntry | undefined): string {
  if (e === undefined) return '';
  switch (e.result) {
    case 'violated':
      return `**${e.steps}**`;
    case 'holds':
      return 'ok';
    case 'finding':
      return 'F';
    case 'inconclusive':
      return '?';
    case 'not-checked':
      return '';
  }
}

export function ablationTable(c: Comparison): string {
  const a = c.ablation3a;
  if (a === null) return '';
  const lines = [`| off \\ scenario/property | ${a.columns.join(' | ')} |`, `|---|${a.columns.map(() => '---').join('|')}|`];
  for (const s of a.switches) lines.push(`| ${s} | ${a.columns.map((col) => mark(a.matrix[s]?.[col])).join(' | ')} |`);
  const per = a.conclusions.map((x) => `- **${x.switch}**: ${x.status === 'necessary' ? `necessary: off breaks ${x.breaks.join(', ')}` : 'redundant: switching it off alone breaks no claim that held'}`);
  return [...lines, '', ...per].join('\n');
}

/** The whole Markdown report. */
export function comparisonMarkdown(c: Comparison, options: { readonly millis: boolean } = { millis: true }): string {
  const findings = c.rows.flatMap((r) => [r.a1, r.a3]).filter((x): x is Extract<Cell, { kind: 'violated' }> => x.kind === 'violated' && x.known !== undefined);
  const seen = new Set<string>();
  const why = findings.filter((f) => !seen.has(f.scenario + f.property) && seen.add(f.scenario + f.property)).map((f) => `- ${f.scenario}/${f.property}: ${f.known}`);
  return [
    '# Alternative 1a against Alternative 3a',
    '',
    'Each claim under the same attacker class on both models (exhaustive searches, every counter-measure on); "needs X": switching X off alone breaks it (ablation). Mappings and assumptions: docs/alternatives.md.',
    '',
    comparisonTable(c, options),
    '',
    ...(why.length === 0 ? [] : ['## Why the text leaves these open', '', ...why, '']),
    ...(c.ablation3a === null
      ? []
      : [
          '## Ablation of Alternative 3a',
          '',
          'A number is the length of the shortest attack found with that counter-measure off; `ok`: still holds over the whole reachable state space; `F`: fails with every counter-measure on (a finding about the text).',
          '',
          ablationTable(c),
          '',
        ]),
  ].join('\n');
}
