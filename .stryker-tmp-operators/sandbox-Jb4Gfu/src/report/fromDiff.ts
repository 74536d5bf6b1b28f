// Report model of `trecheck diff`: its findings placed where an editor acts on them, at the edited line of the NEW
// text (a counter-measure that lost support at the requirement that dropped its reference; a reworded or weakened
// requirement at its new wording), and, with --check, the affected properties and their verdicts re-run.
import type { DiffEntry, DiffReport } from '../text/buildDiffReport.ts';
import type { Finding } from '../text/Finding.ts';
import type { BaselineComparison } from './compareBaseline.ts';
import type { Provenance } from './Provenance.ts';
import { reportFormat, type Recheck, type Report, type TextFinding } from './Report.ts';
import { findingSlot, reportFindings, strongestVerdict } from './reportFindings.ts';
import { weakenedModals } from '../text/weakenedModal.ts';

/** The new-text line an old line's change is seen at: its aligned new sentence, or the next new sentence after a removal. */
function newLineOf(diff: DiffReport, oldLine: number): number | undefined {
  const i = diff.entries.findIndex((e) => e.old.some((r) => r.line === oldLine));
  if (i < 0) return undefined;
  const after = diff.entries.slice(i).find((e) => e.new.length > 0);
  return after?.new[0]?.line;
}

function located(f: Finding, diff: DiffReport): TextFinding {
  const base = { tool: 'diff', severity: f.severity, code: f.code, message: f.message, ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }) };
  if (f.code === 'diff/lost-support' && f.line !== undefined) {
    const line = newLineOf(diff, f.line);
    if (line !== undefined) return { ...base, file: diff.new.file, line, message: `${f.message} (was ${diff.old.file}:${f.line})` };
  }
  return { ...base, file: f.file, ...(f.line === undefined ? {} : { line: f.line }), ...(f.column === undefined ? {} : { column: f.column }) };
}

/** A finding per edited requirement the editor should look at: weakened (a warning), references removed, reworded. */
function entryFinding(e: DiffEntry, diff: DiffReport): TextFinding[] {
  const [a] = e.old;
  const [b] = e.new;
  if (a === undefined || b === undefined || e.old.length !== 1 || e.new.length !== 1) return [];
  const at = { tool: 'diff', file: diff.new.file, line: b.line, column: b.column };
  const was = `was ${diff.old.file}:${a.line}`;
  const removed = e.referencesRemoved.length === 0 ? '' : `; references removed: ${e.referencesRemoved.join(', ')}`;
  switch (e.kind) {
    case 'weakened': {
      const verbs = weakenedModals(a.text, b.text).map((w) => `"${w.from}" -> "${w.to}"`).join(', ');
      return [{ ...at, severity: 'warning', code: 'diff/weakened-requirement', message: `requirement weakened, ${verbs} (${was})${removed}: ${e.words ?? b.text}` }];
    }
    case 'references':
      return e.referencesRemoved.length === 0 ? [] : [{ ...at, severity: 'note', code: 'diff/removed-reference', message: `references removed: ${e.referencesRemoved.join(', ')} (${was}): ${e.words ?? b.text}` }];
    case 'reworded':
      return [{ ...at, severity: 'note', code: 'diff/reworded', message: `reworded (${was})${removed}: ${e.words ?? b.text}` }];
    default:
      return [];
  }
}

export interface FromDiffInput {
  readonly diff: DiffReport;
  readonly title: string;
  readonly provenance: Provenance;
  readonly recheck?: Recheck;
}

export function reportFromDiff(input: FromDiffInput): Report {
  const { diff } = input;
  return {
    format: reportFormat,
    command: 'diff',
    title: input.title,
    provenance: input.provenance,
    scenarios: [],
    textFindings: [...diff.findings.map((f) => located(f, diff)), ...diff.entries.flatMap((e) => entryFinding(e, diff))],
    textFiles: [diff.old.file, diff.new.file],
    ...(input.recheck === undefined ? {} : { recheck: input.recheck }),
    diagrams: [],
  };
}

/** The re-run's verdicts against what the baseline accepted before the change (`comparison` of the re-run with it). */
export function recheckOf(diff: DiffReport, rerun: Report, comparison: BaselineComparison | undefined): Recheck {
  const touched = new Set(diff.touched);
  const properties = diff.affectedProperties.map((p) => {
    const cms = p.counterMeasures.filter((c) => touched.has(c));
    const e = diff.entries.find((x) => x.kind !== 'unchanged' && x.kind !== 'renamed' && x.new.length > 0 && [...x.old, ...x.new].some((r) => r.counterMeasures.some((c) => cms.includes(c))));
    return { id: p.id, counterMeasures: cms, file: diff.new.file, line: e?.new[0]?.line ?? diff.new.requirements[0]?.line ?? 1 };
  });
  const now = new Map(reportFindings(rerun).map((f) => [findingSlot({ ...f, detail: '' }), f.kind]));
  const was = new Map<string, string>();
  for (const f of [...(comparison?.known ?? []), ...(comparison?.disappeared ?? []), ...(comparison?.changed.map((c) => c.was) ?? [])]) was.set(findingSlot({ ...f, detail: '' }), f.kind);
  const verdicts = rerun.scenarios.flatMap((s) =>
    s.properties.map((p) => {
      const slot = findingSlot({ scenario: s.id, property: p.id, detail: '' });
      const v = strongestVerdict(p);
      const old = comparison === undefined ? 'unknown' : (was.get(slot) ?? 'none');
      const changed = comparison !== undefined && old !== (now.get(slot) ?? 'none');
      return { scenario: s.id, property: p.id, old, new: v?.kind ?? 'none', text: v?.text ?? '', changed };
    }),
  );
  const changed = verdicts.filter((v) => v.changed);
  const summary =
    comparison === undefined
      ? `${verdicts.length} verdict(s) re-run; no baseline of check to compare them with, so whether a verdict changed is not known`
      : changed.length === 0
        ? `no verdict changed: the ${verdicts.length} verdict(s) of ${properties.length} affected propert${properties.length === 1 ? 'y' : 'ies'} are those the baseline accepted`
        : `${changed.length} verdict(s) changed against the baseline: ${changed.map((v) => `${v.scenario} ${v.property} ${v.old} -> ${v.new}`).join('; ')}`;
  return { properties, verdicts, summary };
}
