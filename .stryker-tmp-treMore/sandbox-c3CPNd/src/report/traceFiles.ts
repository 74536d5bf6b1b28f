// Where each counterexample of a report is written in the output folder: trecheck's replayable trace,
// its ITF form and its Mermaid sequence diagram, under one stem per (scenario, property, method).
import type { Counterexample, Report } from './Report.ts';

export interface TraceFiles {
  readonly scenario: string;
  readonly property: string;
  readonly counterexample: Counterexample;
  /** File names inside the traces folder. */
  readonly trace: string;
  readonly itf: string;
  readonly mermaid: string;
}

const safe = (s: string): string => s.replace(/[^A-Za-z0-9._-]/g, '_');

export function traceFiles(report: Report): TraceFiles[] {
  const out: TraceFiles[] = [];
  for (const s of report.scenarios) {
    for (const p of s.properties) {
      for (const v of p.verdicts) {
        if (v.counterexample === undefined) continue;
        const system = v.counterexample.trace.system;
        const stem = safe(system === s.id ? `${s.id}.${p.id}.${v.method}` : `${system}.${s.id}.${p.id}.${v.method}`);
        out.push({ scenario: s.id, property: p.id, counterexample: v.counterexample, trace: `${stem}.json`, itf: `${stem}.itf.json`, mermaid: `${stem}.mmd` });
      }
    }
  }
  return out;
}

/** The trace files of one counterexample, found by identity. */
export function filesOf(report: Report, counterexample: Counterexample): TraceFiles | undefined {
  return traceFiles(report).find((f) => f.counterexample === counterexample);
}
