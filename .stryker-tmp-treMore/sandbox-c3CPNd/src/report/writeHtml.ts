// The HTML report: one self-contained file (no script, no network), every counterexample drawn as a message
// sequence chart in inline SVG with the attacker's steps marked, text findings on their lines, the baseline.
import { describeComparison } from './compareBaseline.ts';
import { baselineStatus } from './baselineStatus.ts';
import { describeProvenance } from './describeProvenance.ts';
import { describeScope } from './describeScope.ts';
import { recheckRows } from './recheckLines.ts';
import { escapeXml as e } from './escapeXml.ts';
import type { RenderInput } from './RenderInput.ts';
import { strongestVerdict } from './reportFindings.ts';
import { sequenceSvg } from './sequenceSvg.ts';
import { filesOf } from './traceFiles.ts';

const style = `
body { font: 14px/1.45 system-ui, sans-serif; margin: 2em auto; max-width: 1200px; color: #111827; padding: 0 1em; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #e5e7eb; margin-top: 2em; } h3 { margin-bottom: .3em; }
table { border-collapse: collapse; margin: .5em 0 1em; } th, td { border: 1px solid #d1d5db; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f3f4f6; } code, pre { font: 12px/1.4 ui-monospace, monospace; } pre { background: #f9fafb; padding: .6em; overflow-x: auto; }
.violated, .failed, .defect { color: #b91c1c; font-weight: bold; } .inconclusive { color: #b45309; font-weight: bold; }
.holds-exhaustively { color: #15803d; } .no-violation-found { color: #1d4ed8; } .known { color: #6b7280; }
.provenance { color: #4b5563; font-size: 12px; } .chart { overflow-x: auto; border: 1px solid #e5e7eb; padding: .5em; background: #fff; }
.legend { font-size: 12px; color: #4b5563; } .legend .attacker { color: #991b1b; font-weight: bold; }
`;

const location = (f: { file: string; line?: number; column?: number }): string =>
  `${f.file}${f.line === undefined ? '' : `:${f.line}`}${f.column === undefined ? '' : `:${f.column}`}`;

export function writeHtml({ report, comparison, traceDir }: RenderInput): string {
  const h: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${e(report.title)}</title>`,
    `<style>${style}</style></head><body>`,
    `<h1>${e(report.title)}</h1>`,
    `<p class="provenance">${e(describeProvenance(report.provenance))}</p>`,
  ];
  if (comparison !== undefined) {
    const lines = describeComparison(comparison);
    h.push('<h2>Against the baseline</h2>', lines.length === 0 ? '<p>No findings, none accepted.</p>' : `<ul>${lines.map((l) => `<li>${e(l)}</li>`).join('')}</ul>`);
  }
  if (report.scenarios.length > 0) {
    const scoped = report.scenarios.some((s) => s.scope !== undefined);
    h.push('<h2>Summary</h2>', `<table><tr><th>scenario</th><th>property</th><th>threat (risk)</th><th>checks</th><th>verdict</th><th>bound</th>${scoped ? '<th>scope</th>' : ''}</tr>`);
    for (const s of report.scenarios) {
      const scope = !scoped ? '' : `<td>${s.scope === undefined ? '' : e(describeScope(s.scope))}</td>`;
      for (const f of s.failures) h.push(`<tr><td>${e(s.id)}</td><td>(scenario)</td><td></td><td></td><td class="failed">FAILED</td><td>${e(f)}</td>${scope}</tr>`);
      for (const p of s.properties) {
        const v = strongestVerdict(p);
        const status = baselineStatus(comparison, { scenario: s.id, property: p.id, detail: '' });
        const threat = p.threat === undefined ? '' : `${p.threat.id}${p.threat.risk === undefined ? '' : ` (${p.threat.risk})`}`;
        const link = v?.kind === 'violated' ? `<a href="#${e(anchor(s.id, p.id))}">${e(p.id)}</a>` : e(p.id);
        h.push(
          `<tr><td>${e(s.id)}</td><td>${link}</td><td>${e(threat)}</td><td>${e(p.checks.join(', '))}</td>` +
            `<td class="${v?.kind ?? ''}">${e(v?.kind ?? '-')}${status === undefined ? '' : ` <span class="known">(${status})</span>`}</td><td>${e(v?.bound ?? '')}</td>${scope}</tr>`,
        );
      }
    }
    h.push('</table>');
  }
  for (const s of report.scenarios) {
    h.push(`<h2>${e(s.id)}</h2>`, `<p>System <code>${e(s.system)}</code>, configuration <code>${e(JSON.stringify(s.config))}</code>.</p>`);
    if (s.scope !== undefined) h.push(`<p class="scope">Every verdict below holds ${e(describeScope(s.scope))}.</p>`);
    if (s.notes.length + s.failures.length > 0) {
      h.push(`<ul>${s.notes.map((n) => `<li>${e(n)}</li>`).join('')}${s.failures.map((f) => `<li class="failed">FAILED: ${e(f)}</li>`).join('')}</ul>`);
    }
    for (const p of s.properties) {
      h.push(`<h3 id="${e(anchor(s.id, p.id))}">${e(p.id)}</h3>`, `<p>${e(p.description)}${p.checks.length > 0 ? `<br>Checks: ${e(p.checks.join(', '))}.` : ''}</p>`, '<ul>');
      for (const v of p.verdicts) h.push(`<li>${e(v.method)}: <span class="${v.kind}">${e(v.text)}</span></li>`);
      h.push('</ul>');
      for (const v of p.verdicts) {
        const c = v.counterexample;
        if (c === undefined) continue;
        const files = filesOf(report, c);
        const title = `${s.id} ${p.id}: counterexample of ${c.trace.actions.length} steps (${v.method})`;
        if (c.explanation !== undefined) h.push(`<p>${e(c.explanation)}</p>`);
        h.push(
          '<p class="legend">Message sequence chart, one row per step of the trace; <span class="attacker">red, dashed: a step of the attacker (injected)</span>; yellow boxes: local events.</p>',
          `<div class="chart">${sequenceSvg(c.trace.actions, title, c.derivations ?? [])}</div>`,
        );
        for (const d of c.derivations ?? []) {
          h.push(`<p>How the attacker derived <code>${e(d.secret)}</code> (red marks in the chart: where it read what it used):</p>`, `<ol class="derivation">${d.steps.map((step, i) => `<li><code>${e(step)}</code>${d.readAt?.[i] ? ` (read after step ${d.readAt[i]})` : ''}</li>`).join('')}</ol>`);
        }
        if (c.replayed !== undefined) h.push(`<p>Re-executed on a fresh system: ${e(c.replayed)}${c.liveAgrees === undefined ? '' : `; live actors ${c.liveAgrees ? 'agree on every state' : 'DISAGREE'}`}.</p>`);
        if (files !== undefined) h.push(`<p>Replay: <code>trecheck replay ${e(`${traceDir}/${files.trace}`)}</code>; ITF: <code>${e(`${traceDir}/${files.itf}`)}</code>.</p>`);
        if (c.reproduce !== undefined) h.push(`<p>Reproduce the search: <code>${e(c.reproduce)}</code>.</p>`);
        h.push(`<details><summary>The ${c.trace.actions.length} steps as labels</summary><ol>${c.trace.actions.map((a) => `<li><code>${e(a)}</code></li>`).join('')}</ol></details>`);
      }
    }
  }
  if (report.textFindings.length > 0 || report.textFiles.length > 0) {
    h.push('<h2>Findings about the text</h2>', `<p>${e(report.textFiles.join(', '))}</p>`);
    if (report.textFindings.length > 0) {
      h.push('<table><tr><th>where</th><th>severity</th><th>code</th><th>message</th></tr>');
      for (const f of report.textFindings) {
        const status = f.severity === 'defect' ? baselineStatus(comparison, { scenario: f.file, property: f.code, detail: f.message }) : undefined;
        h.push(
          `<tr><td><code>${e(location(f))}</code></td><td class="${f.severity}">${f.severity}${status === undefined ? '' : ` <span class="known">(${status})</span>`}</td>` +
            `<td><code>${e(f.code)}</code></td><td>${e(f.message)}${f.suggestion === undefined ? '' : `<br><i>${e(f.suggestion)}</i>`}</td></tr>`,
        );
      }
      h.push('</table>');
    }
  }
  if (report.recheck !== undefined) {
    h.push('<h2>Properties re-run (diff --check)</h2>', `<p>${e(report.recheck.summary.replace(/^./, (c) => c.toUpperCase()))}.</p>`);
    const rows = recheckRows(report.recheck);
    if (rows.length > 0) {
      h.push('<table><tr><th>property</th><th>touched at</th><th>scenario</th><th>before (baseline)</th><th>now</th><th>changed</th></tr>');
      for (const r of rows) h.push(`<tr><td>${e(r.property)}</td><td><code>${e(r.where)}</code></td><td>${e(r.scenario)}</td><td>${e(r.old)}</td><td class="${e(r.new)}">${e(r.new)}</td><td>${r.changed ? '<b>yes</b>' : 'no'}</td></tr>`);
      h.push('</table>');
    }
  }
  if (report.diagrams.length > 0) {
    h.push('<h2>Model: state diagrams</h2>', '<p>Mermaid sources of the machines (as in docs/diagrams.md, where GitHub renders them).</p>');
    for (const d of report.diagrams) h.push(`<details><summary>${e(d.title)}</summary><pre>${e(d.mermaid)}</pre></details>`);
  }
  h.push('</body></html>');
  return `${h.join('\n')}\n`;
}

function anchor(scenario: string, property: string): string {
  return `${scenario}--${property}`.replace(/[^A-Za-z0-9_-]/g, '_');
}
