// What every writer reads: the report, its comparison with a baseline (when one was read), and the folder
// the trace files are written to, as the user would type it in a replay command.
import type { BaselineComparison } from './compareBaseline.ts';
import type { Report } from './Report.ts';

export interface RenderInput {
  readonly report: Report;
  readonly comparison?: BaselineComparison;
  /** e.g. `reports/latest/traces`. */
  readonly traceDir: string;
}
