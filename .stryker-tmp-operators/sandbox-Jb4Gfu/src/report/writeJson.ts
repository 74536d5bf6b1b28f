// The JSON report: the whole report model (schema trecheck-report/1, docs/reports.md), with the baseline
// comparison and the exit code beside it. `trecheck report` reads it back and re-renders it.
import type { RenderInput } from './RenderInput.ts';
import { reportExitCode } from './reportFindings.ts';

export function reportJson({ report, comparison }: RenderInput): unknown {
  return { ...report, ...(comparison === undefined ? {} : { baseline: comparison }), exitCode: comparison?.exitCode ?? reportExitCode(report) };
}

export const writeJson = (input: RenderInput): string => `${JSON.stringify(reportJson(input), null, 2)}\n`;
