// The Markdown report: per threat and property the verdict and its bound, each violation with its trace as a
// Mermaid sequence chart (rendered by GitHub), the text findings on their lines, and the baseline comparison.
import { describeComparison } from './compareBaseline.ts';
import { baselineStatus } from './baselineStatus.ts';
import { describeProvenance } from './describeProvenance.ts';
import { describeScope } from './describeScope.ts';
import { recheckRows } from './recheckLines.ts';
import type { RenderInput } from './RenderInput.ts';
import { strongestVerdict } from './reportFindings.ts';
import { sequenceMermaid } from './sequenceMermaid.ts';
import { filesOf } from './traceFiles.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const location = (f: { file: string; line?: number; column?: number }): string =>
  `${f.file}${f.line === undefined ? '' : `:${f.line}`}${f.column === undefined ? '' : `:${f.column}`}`;

export function writeMarkdown({ report, comparison, traceDir }: RenderInput): string {
  const md: string[] = [`# ${report.title}`, '', describeProvenance(report.provenance), ''];
  if (comparison !== undefined) {
    md.push('## Against the baseline', '');
    const lines = describeComparison(comparison);
    md.push(...(lines.length === 0 ? ['No findings, none accepted.'] : lines.map((l) => `- ${l}`)), '');
  }
  if (report.scenarios.length > 0) {
    const scoped = report.scenarios.some((s) => s.scope !== undefined);
    md.push('## Summary', '', `| scenario | property | threat (risk) | checks | verdict | bound |${scoped ? ' scope |' : ''}`, `|---|---|---|---|---|---|${scoped ? '---|' : ''}`);
    for (const s of report.scenarios) {
      const scope = !scoped ? '' : ` ${s.scope === undefined ? '' : cell(describeScope(s.scope))} |`;
      for (const f of s.failures) md.push(`| ${cell(s.id)} | (scenario) | | | **FAILED** | ${cell(f)} |${scope}`);
      for (const p of s.properties) {
        const v = strongestVerdict(p);
        const status = baselineStatus(comparison, { scenario: s.id, property: p.id, detail: '' });
        const threat = p.threat === undefined ? '' : `${p.threat.id}${p.threat.risk === undefined ? '' : ` (${p.threat.risk})`}`;
        const kind = v === undefined ? '-' : v.kind === 'violated' ? '**VIOLATED**' : v.kind;
        md.push(`| ${cell(s.id)} | ${cell(p.id)} | ${cell(threat)} | ${cell(p.checks.join(', '))} | ${kind}${status === undefined ? '' : ` (${status})`} | ${cell(v?.bound ?? '')} |${scope}`);
      }
    }
    md.push('');
  }
  for (const s of report.scenarios) {
    md.push(`## ${s.id}`, '', `System \`${s.system}\`, configuration \`${JSON.stringify(s.config)}\`.`, '');
    if (s.scope !== undefined) md.push(`Every verdict below holds ${describeScope(s.scope)}.`, '');
    for (const n of s.notes) md.push(`- ${n}`);
    for (const f of s.failures) md.push(`- **FAILED**: ${f}`);
    if (s.notes.length + s.failures.length > 0) md.push('');
    for (const p of s.properties) {
      md.push(`### ${p.id}`, '', p.description, '');
      if (p.checks.length > 0) md.push(`Checks: ${p.checks.join(', ')}.`, '');
      for (const v of p.verdicts) {
        md.push(`- ${v.method}: ${v.text}`);
        const c = v.counterexample;
        if (c === undefined) continue;
        const files = filesOf(report, c);
        md.push('');
        if (c.explanation !== undefined) md.push(c.explanation, '');
        if (c.replayed !== undefined) md.push(`Re-executed on a fresh system: ${c.replayed}${c.liveAgrees === undefined ? '' : `; live actors ${c.liveAgrees ? 'agree on every state' : 'DISAGREE'}`}.`, '');
        md.push('```mermaid', sequenceMermaid(c.trace.actions, c.derivations ?? []).trimEnd(), '```', '');
        for (const d of c.derivations ?? []) md.push(`How the attacker derived \`${d.secret}\`:`, '', ...d.steps.map((step, i) => `${i + 1}. \`${step}\`${d.readAt?.[i] ? ` (read after step ${d.readAt[i]})` : ''}`), '');
        if (files !== undefined) {
          md.push(`Replay: \`trecheck replay ${traceDir}/${files.trace}\` (ITF: \`${traceDir}/${files.itf}\`).`);
        }
        if (c.reproduce !== undefined) md.push(`Reproduce the search: \`${c.reproduce}\`.`);
        md.push('');
      }
      md.push('');
    }
  }
  if (report.textFindings.length > 0 || report.textFiles.length > 0) {
    const defects = report.textFindings.filter((f) => f.severity === 'defect').length;
    const warnings = report.textFindings.filter((f) => f.severity === 'warning').length;
    md.push('## Findings about the text', '', `${report.textFiles.join(', ')}: ${defects} defect(s), ${warnings === 0 ? '' : `${warnings} warning(s), `}${report.textFindings.length - defects - warnings} note(s).`, '');
    if (report.textFindings.length > 0) {
      md.push('| where | severity | code | message |', '|---|---|---|---|');
      for (const f of report.textFindings) {
        const status = f.severity === 'defect' ? baselineStatus(comparison, { scenario: f.file, property: f.code, detail: f.message }) : undefined;
        const suggestion = f.suggestion === undefined ? '' : ` (${f.suggestion})`;
        md.push(`| ${cell(location(f))} | ${f.severity}${status === undefined ? '' : ` (${status})`} | ${cell(f.code)} | ${cell(f.message + suggestion)} |`);
      }
      md.push('');
    }
  }
  if (report.recheck !== undefined) {
    md.push('## Properties re-run (diff --check)', '', report.recheck.summary.replace(/^./, (c) => c.toUpperCase()) + '.', '');
    const rows = recheckRows(report.recheck);
    if (rows.length > 0) {
      md.push('| property | touched at | scenario | before (baseline) | now | changed |', '|---|---|---|---|---|---|');
      for (const r of rows) md.push(`| ${cell(r.property)} | ${cell(r.where)} | ${cell(r.scenario)} | ${r.old} | ${r.new} | ${r.changed ? '**yes**' : 'no'} |`);
      md.push('');
    }
  }
  return `${md.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
