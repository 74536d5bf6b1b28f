// Writes a report into one output folder: the chosen formats, and under traces/ every counterexample as
// trecheck's replayable trace, an ITF trace and a Mermaid sequence diagram. Returns the files written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { itfTrace } from './itfTrace.ts';
import type { RenderInput } from './RenderInput.ts';
import { reportFileName, type ReportFormat } from './ReportFormat.ts';
import { sequenceMermaid } from './sequenceMermaid.ts';
import { traceFiles } from './traceFiles.ts';
import { writeHtml } from './writeHtml.ts';
import { writeJson } from './writeJson.ts';
import { writeJunit } from './writeJunit.ts';
import { writeMarkdown } from './writeMarkdown.ts';
import { writeSarif } from './writeSarif.ts';

const writers: Readonly<Record<ReportFormat, (input: RenderInput) => string>> = {
  md: writeMarkdown,
  html: writeHtml,
  json: writeJson,
  sarif: writeSarif,
  junit: writeJunit,
};

/** The text of one format, without writing it (tests, `--json` on stdout). */
export const renderReport = (format: ReportFormat, input: RenderInput): string => writers[format](input);

export interface WrittenReports {
  /** The report files, one per format, in the output folder. */
  readonly reports: readonly string[];
  /** The trace files under traces/. */
  readonly traces: readonly string[];
}

/** `outDir` as the user typed it: file names in the reports and replay commands are built from it. */
export function writeReports(outDir: string, formats: readonly ReportFormat[], input: Omit<RenderInput, 'traceDir'>): WrittenReports {
  const traceDir = join(outDir, 'traces');
  const full: RenderInput = { ...input, traceDir };
  const reports: string[] = [];
  const traceList: string[] = [];
  let written = traceList;
  const write = (file: string, text: string): void => {
    writeFileSync(file, text);
    written.push(file);
  };
  mkdirSync(outDir, { recursive: true });
  const traces = traceFiles(input.report);
  if (traces.length > 0) mkdirSync(traceDir, { recursive: true });
  for (const t of traces) {
    const trace = t.counterexample.trace;
    write(join(traceDir, t.trace), `${JSON.stringify(trace, null, 2)}\n`);
    write(join(traceDir, t.itf), `${JSON.stringify(itfTrace(trace, `${t.scenario} ${t.property}: counterexample of ${trace.actions.length} steps`), null, 2)}\n`);
    write(join(traceDir, t.mermaid), sequenceMermaid(trace.actions, t.counterexample.derivations ?? []));
  }
  written = reports;
  for (const format of formats) write(join(outDir, reportFileName[format]), writers[format](full));
  return { reports, traces: traceList };
}
