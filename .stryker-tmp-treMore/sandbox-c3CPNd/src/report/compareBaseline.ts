// Compares a report's findings with a baseline: known, new, changed (same scenario and property, another
// verdict kind) and disappeared (accepted, checked again, not found). Only what the report covers is compared.
import { baselineFormat, sameOptions, type Baseline, type BaselineEntry } from './Baseline.ts';
import type { Report } from './Report.ts';
import { findingKey, findingSlot, reportCovers, reportExitCode, reportFindings, type ReportFinding } from './reportFindings.ts';

export interface BaselineComparison {
  readonly known: readonly ReportFinding[];
  readonly new: readonly ReportFinding[];
  readonly changed: readonly { readonly was: ReportFinding; readonly now: ReportFinding }[];
  readonly disappeared: readonly ReportFinding[];
  /** The report's exit code with known findings accepted; 1 when anything changed. */
  readonly exitCode: 0 | 1 | 3 | 4;
}

const strip = ({ command: _command, options: _options, ...f }: BaselineEntry): ReportFinding => f;

/** The entries of `baseline` this report speaks for: its command, something it checked, and the same options. */
const applicable = (report: Report, f: BaselineEntry): boolean =>
  f.command === report.command && reportCovers(report, f) && sameOptions(f.options, report.findingOptions ?? {});

export function compareBaseline(report: Report, baseline: Baseline): BaselineComparison {
  const accepted = baseline.findings.filter((f) => applicable(report, f)).map(strip);
  const acceptedKeys = new Set(accepted.map(findingKey));
  const current = reportFindings(report);
  const currentSlots = new Set(current.map(findingSlot));
  const known: ReportFinding[] = [];
  const added: ReportFinding[] = [];
  const changed: { was: ReportFinding; now: ReportFinding }[] = [];
  for (const f of current) {
    if (acceptedKeys.has(findingKey(f))) known.push(f);
    else {
      const was = accepted.find((a) => findingSlot(a) === findingSlot(f));
      if (was === undefined) added.push(f);
      else changed.push({ was, now: f });
    }
  }
  const disappeared = accepted.filter((a) => !currentSlots.has(findingSlot(a)));
  const knownKeys = new Set(known.map(findingKey));
  const base = reportExitCode(report, (f) => knownKeys.has(findingKey(f)));
  return { known, new: added, changed, disappeared, exitCode: changed.length > 0 || disappeared.length > 0 ? 1 : base };
}

/** The report's findings as a baseline that accepts them, with the report's options; keeps the entries of `previous`
 *  of other commands, of what the report did not check, or of other options. */
export function updatedBaseline(report: Report, previous: Baseline | undefined): Baseline {
  const kept = (previous?.findings ?? []).filter((f) => !applicable(report, f));
  const options = report.findingOptions ?? {};
  const mine = reportFindings(report).map((f): BaselineEntry => ({ command: report.command, ...f, options }));
  const commands = [...new Set([...(previous?.commands ?? []), report.command])].sort();
  return { format: baselineFormat, commands, findings: [...kept, ...mine] };
}

/** One line per finding that is not simply known, saying exactly what changed. */
export function describeComparison(c: BaselineComparison): string[] {
  const what = (f: ReportFinding): string => `${f.scenario} ${f.property}${f.detail === '' ? '' : ` (${f.detail})`}`;
  return [
    ...c.known.map((f) => `known: ${what(f)}: ${f.kind}, accepted in the baseline`),
    ...c.new.map((f) => `NEW: ${what(f)}: ${f.kind}, not in the baseline`),
    ...c.changed.map(({ was, now }) => `CHANGED: ${what(now)}: ${was.kind} in the baseline, now ${now.kind}`),
    ...c.disappeared.map((f) => `DISAPPEARED: ${what(f)}: ${f.kind} in the baseline, not found now (update the baseline if it was fixed)`),
  ];
}
