// Prints a version diff: one compiler-style line per changed requirement (with indented detail), the
// counter-measures that gained or lost text support, a count per kind, and the affected properties.
import type { DiffEntry, DiffKind, DiffReport } from './buildDiffReport.ts';
import { renderKeys } from './counterMeasureKeys.ts';
import { countDefects } from './Finding.ts';
import { formatFinding, plural } from './formatFindings.ts';
import type { RequirementText } from './extractRequirements.ts';

const listed: ReadonlySet<DiffKind> = new Set(['moved', 'references', 'reworded', 'weakened', 'split', 'merged', 'regrouped', 'added', 'removed']);
const kindOrder: readonly DiffKind[] = ['unchanged', 'renamed', 'moved', 'references', 'reworded', 'weakened', 'split', 'merged', 'regrouped', 'added', 'removed'];

export function formatDiffReport(report: DiffReport): string {
  const { old: o, new: n } = report;
  const lines: string[] = [`${o.file} -> ${n.file}`, `  old: ${describeScope(o)}`, `  new: ${describeScope(n)}`];
  for (const e of report.entries) if (listed.has(e.kind)) lines.push(...formatEntry(e, o.file, n.file));
  for (const f of report.findings) lines.push(formatFinding(f));
  const counts = kindOrder.map((k) => [k, report.entries.filter((e) => e.kind === k).length] as const).filter(([, c]) => c > 0);
  lines.push(`requirements: ${counts.map(([k, c]) => `${c} ${k}`).join(', ')}`);
  if (report.renames.length > 0) lines.push(`renamed terms: ${report.renames.map((r) => `${r.from} -> ${r.to} (${plural(r.sentences, 'sentence')})`).join(', ')}`);
  lines.push(`counter-measures: ${report.gained.length} gained text support, ${report.lost.length} lost it; ${plural(report.touched.length, 'counter-measure')} referenced by changed requirements`);
  lines.push(formatAffected(report));
  return `${lines.join('\n')}\n`;
}

export function formatAffected(report: DiffReport): string {
  if (report.affectedProperties.length === 0) {
    return report.touched.length === 0 ? 'affected properties: none (no changed requirement references a counter-measure)' : 'affected properties: none (no property checks the counter-measures of the changed requirements)';
  }
  const touched = new Set(report.touched);
  const items = report.affectedProperties.map((p) => `${p.id} (${p.counterMeasures.filter((c) => touched.has(c)).join(', ')})`);
  return `affected properties: ${items.join(', ')}`;
}

function describeScope(t: RequirementText): string {
  const ranges = t.scope.map(([a, b]) => `${a}-${b}`).join(', ');
  return `${t.wholeText ? 'whole text (no TRE function clause found)' : 'TRE function text'}, lines ${ranges}, ${plural(t.requirements.length, 'sentence')}`;
}

function formatEntry(e: DiffEntry, oldFile: string, newFile: string): string[] {
  const first = e.new[0] ?? e.old[0];
  if (first === undefined) return [];
  const at = e.new.length > 0 ? `${newFile}:${first.line}` : `${oldFile}:${first.line}`;
  const was = e.old.map((r) => r.line).join(', ');
  const refs: string[] = [];
  if (e.referencesAdded.length > 0) refs.push(`  references added: ${renderKeys(e.referencesAdded)}`);
  if (e.referencesRemoved.length > 0) refs.push(`  references removed: ${renderKeys(e.referencesRemoved)}`);
  for (const c of e.covered ?? []) {
    refs.push(`  covered by its paragraph's reference ${renderKeys(c.counterMeasures)} (${c.side === 'new' ? newFile : oldFile} line ${c.lines.join(', ')})`);
  }
  const moved = e.movedFrom === undefined ? '' : `, moved from "${e.movedFrom}"`;
  switch (e.kind) {
    case 'added':
      return [`${at}: added: ${first.text}`, ...refs];
    case 'removed':
      return [`${at}: removed: ${first.text}`, ...refs];
    case 'moved':
      return [`${at}: moved (was line ${was}, "${e.movedFrom ?? ''}"): ${first.text}`];
    case 'references':
    case 'reworded':
    case 'weakened':
      return [`${at}: ${e.kind === 'references' ? 'references changed' : e.kind === 'weakened' ? 'WEAKENED requirement' : 'reworded'} (was line ${was}${moved}): ${e.words ?? first.text}`, ...refs];
    case 'split':
    case 'merged':
    case 'regrouped':
      return [
        `${at}: ${e.kind} (was line ${was}; now line ${e.new.map((r) => r.line).join(', ')})`,
        ...e.old.map((r) => `  - ${r.text}`),
        ...e.new.map((r) => `  + ${r.text}`),
        ...refs,
      ];
    case 'unchanged':
    case 'renamed':
      return [];
  }
}

export function diffReportJson(report: DiffReport): unknown {
  const counts = Object.fromEntries(kindOrder.map((k) => [k, report.entries.filter((e) => e.kind === k).length]));
  return {
    old: { file: report.old.file, scope: report.old.scope, wholeText: report.old.wholeText, sentences: report.old.requirements.length },
    new: { file: report.new.file, scope: report.new.scope, wholeText: report.new.wholeText, sentences: report.new.requirements.length },
    counts,
    renames: report.renames,
    ...(report.excerpt === undefined ? {} : { excerpt: report.excerpt }),
    defects: countDefects(report.findings),
    findings: report.findings,
    entries: report.entries
      .filter((e) => listed.has(e.kind))
      .map((e) => ({
        kind: e.kind,
        old: e.old.map((r) => ({ line: r.line, section: r.section, text: r.text, counterMeasures: r.counterMeasures })),
        new: e.new.map((r) => ({ line: r.line, section: r.section, text: r.text, counterMeasures: r.counterMeasures })),
        referencesAdded: e.referencesAdded,
        referencesRemoved: e.referencesRemoved,
        ...(e.words === undefined ? {} : { words: e.words }),
        ...(e.movedFrom === undefined ? {} : { movedFrom: e.movedFrom }),
        ...(e.covered === undefined ? {} : { covered: e.covered }),
      })),
    gainedSupport: report.gained,
    lostSupport: report.lost,
    touchedCounterMeasures: report.touched,
    affectedProperties: report.affectedProperties,
  };
}
