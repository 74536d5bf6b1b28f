// Report model of the text tools (risk, xref, diff): their findings about a TR text, on file, line and column.
import type { Finding } from '../text/Finding.ts';
import type { Provenance } from './Provenance.ts';
import { reportFormat, type Report, type TextFinding } from './Report.ts';

export interface FromFindingsInput {
  readonly command: string;
  readonly title: string;
  /** Every file the tool read, with or without findings. */
  readonly files: readonly string[];
  readonly findings: readonly (Finding & { readonly column?: number })[];
  readonly provenance: Provenance;
  /** The options that decide the findings (Report.findingOptions). */
  readonly findingOptions?: Report['findingOptions'];
}

export function reportFromFindings(input: FromFindingsInput): Report {
  return {
    format: reportFormat,
    command: input.command,
    title: input.title,
    provenance: input.provenance,
    ...(input.findingOptions === undefined ? {} : { findingOptions: input.findingOptions }),
    scenarios: [],
    textFindings: input.findings.map(
      (f): TextFinding => ({
        tool: input.command,
        file: f.file,
        ...(f.line === undefined ? {} : { line: f.line }),
        ...(f.column === undefined ? {} : { column: f.column }),
        severity: f.severity,
        code: f.code,
        message: f.message,
        ...(f.suggestion === undefined ? {} : { suggestion: f.suggestion }),
      }),
    ),
    textFiles: [...input.files],
    diagrams: [],
  };
}
