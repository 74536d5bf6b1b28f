// The comparison as one self-contained HTML page: the table of claims, and 3a's ablation matrix.
import { escapeXml } from '../../report/escapeXml.ts';
import type { Cell, Comparison } from './Comparison.ts';
import { cellText } from './compareText.ts';

const style = 'body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top}' +
  '.holds{background:#e6f4e6}.violated{background:#fbe3e3}.inconclusive{background:#fff4cc}.not-applicable{color:#666}';

const td = (cell: Cell, extra = ''): string => `<td class="${cell.kind}">${escapeXml(cellText(cell) + extra)}</td>`;

export function comparisonHtml(c: Comparison): string {
  const rows = c.rows.map((r) => `<tr><td>${escapeXml(r.claim)}</td><td>${escapeXml(r.attacker)}</td>${td(r.a1, r.note === undefined ? '' : `; ${r.note}`)}${td(r.a3)}</tr>`);
  const a = c.ablation3a;
  const ablation =
    a === null
      ? ''
      : `<h2>Ablation of Alternative 3a</h2><table><tr><th>off</th>${a.columns.map((x) => `<th>${escapeXml(x)}</th>`).join('')}</tr>${a.switches
          .map((s) => `<tr><th>${escapeXml(s)}</th>${a.columns.map((col) => {
            const e = a.matrix[s]?.[col];
            const text = e === undefined ? '' : e.result === 'violated' ? String(e.steps) : e.result === 'holds' ? 'ok' : e.result === 'finding' ? 'F' : '?';
            return `<td class="${e?.result === 'violated' ? 'violated' : e?.result === 'holds' ? 'holds' : ''}">${text}</td>`;
          }).join('')}</tr>`)
          .join('')}</table>`;
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>Alternative 1a against 3a</title><style>${style}</style></head><body>` +
    `<h1>Alternative 1a against Alternative 3a</h1><table><tr><th>Claim</th><th>Attacker</th><th>Alternative 1a</th><th>Alternative 3a</th></tr>${rows.join('')}</table>${ablation}</body></html>\n`;
}
