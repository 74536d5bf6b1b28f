// What in a report is a finding (a violated or inconclusive property, a failed scenario, a defect in a text),
// identified by scenario, property and verdict kind only: never by state counts or timings, which change with
// the model. Baselines, exit codes, SARIF and JUnit all read findings from here.
import type { VerdictKind } from '../engine/Verdict.ts';
import type { PropertyResult, Report, VerdictResult } from './Report.ts';

export interface ReportFinding {
  /** Scenario id, or the text file for a text finding. */
  readonly scenario: string;
  /** Property id, `(scenario)` for a failure of the scenario itself, or the finding code of a text tool. */
  readonly property: string;
  /** Verdict kind (`violated`, `inconclusive`), `failed` for a scenario, `defect` for a text finding. */
  readonly kind: 'violated' | 'inconclusive' | 'failed' | 'defect';
  /** Text findings only: the message, since one file may have several findings of one code. */
  readonly detail: string;
}

const strength: Record<VerdictKind, number> = { violated: 3, 'holds-exhaustively': 2, 'no-violation-found': 1, inconclusive: 0 };

/** The verdict that decides: a violation by any search, else exhaustive proof, else random, else inconclusive. */
export function strongestVerdict(p: PropertyResult): VerdictResult | undefined {
  return [...p.verdicts].sort((a, b) => strength[b.kind] - strength[a.kind])[0];
}

export const scenarioProperty = '(scenario)';

export function reportFindings(report: Report): ReportFinding[] {
  const out: ReportFinding[] = [];
  for (const s of report.scenarios) {
    for (const failure of s.failures) out.push({ scenario: s.id, property: scenarioProperty, kind: 'failed', detail: failure });
    for (const p of s.properties) {
      const v = strongestVerdict(p);
      if (v?.kind === 'violated' || v?.kind === 'inconclusive') out.push({ scenario: s.id, property: p.id, kind: v.kind, detail: '' });
    }
  }
  for (const f of report.textFindings) {
    if (f.severity === 'defect') out.push({ scenario: f.file, property: f.code, kind: 'defect', detail: f.message });
  }
  return out;
}

/** Identity of a finding without its kind: a changed verdict keeps it. */
export const findingSlot = (f: Omit<ReportFinding, 'kind'>): string => JSON.stringify([f.scenario, f.property, f.detail]);
export const findingKey = (f: ReportFinding): string => JSON.stringify([f.scenario, f.property, f.detail, f.kind]);

/** Whether a baseline finding is about something this report checked: a property of one of its scenarios, a
 *  scenario it ran, a text file it read. Findings about anything else are left alone. */
export function reportCovers(report: Report, f: Omit<ReportFinding, 'kind'>): boolean {
  if (report.textFiles.includes(f.scenario)) return true;
  const s = report.scenarios.find((x) => x.id === f.scenario);
  return s !== undefined && (f.property === scenarioProperty || s.properties.some((p) => p.id === f.property));
}

/** The exit code of a report: 1 for a finding that is not `known` (violation, failed scenario, text defect),
 *  else 3 for an unknown inconclusive verdict, else 4 when a property rests on random search alone, else 0. */
export function reportExitCode(report: Report, known: (f: ReportFinding) => boolean = () => false): 0 | 1 | 3 | 4 {
  const open = reportFindings(report).filter((f) => !known(f));
  if (open.some((f) => f.kind !== 'inconclusive')) return 1;
  if (open.length > 0) return 3;
  const random = report.scenarios.some((s) => s.properties.some((p) => strongestVerdict(p)?.kind === 'no-violation-found'));
  return random ? 4 : 0;
}
