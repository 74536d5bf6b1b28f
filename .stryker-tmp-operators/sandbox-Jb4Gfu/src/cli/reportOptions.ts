// The report flags every result command shares (--format, --out, --baseline, --no-baseline,
// --update-baseline), resolved in one place with their defaults, and `emitReport`, which writes the chosen
// formats, compares with the baseline and says both. Bad flags and unreadable baselines are InputErrors (exit 2).
import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Option, type Command } from 'commander';
import { parseBaseline, type Baseline } from '../report/Baseline.ts';
import { compareBaseline, describeComparison, updatedBaseline, type BaselineComparison } from '../report/compareBaseline.ts';
import type { Report } from '../report/Report.ts';
import { parseFormats, reportFormats, type ReportFormat } from '../report/ReportFormat.ts';
import { writeReports } from '../report/writeReports.ts';
import type { CliContext } from './CliContext.ts';
import type { ExitCode } from './exitCodes.ts';
import { collectOption } from './collectOption.ts';
import { InputError } from './InputError.ts';
import { readJsonFile } from './readJsonFile.ts';

/** Where reports go unless --out says otherwise (git-ignored). */
export const defaultReportDir = join('reports', 'latest');
/** The baseline read when present, unless --baseline or --no-baseline says otherwise. */
export const defaultBaselineFile = join('reports', 'baseline.json');

export interface ReportFlags {
  format?: string[];
  out?: string;
  /** A file, false for --no-baseline, undefined for the default. */
  baseline?: string | false;
  updateBaseline?: boolean;
}

export interface ReportRequest {
  readonly formats: readonly ReportFormat[];
  readonly outDir: string;
  /** The baseline file to read and whether it must exist (named by --baseline) or may be absent (the default). */
  readonly baseline: { readonly file: string; readonly required: boolean } | undefined;
  readonly updateBaseline: boolean;
}

/** Adds the shared flags; `formats` are the ones written when --format is not given. */
export function addReportOptions(command: Command, defaults: { readonly formats?: readonly ReportFormat[] } = {}): Command {
  const fallback = defaults.formats === undefined || defaults.formats.length === 0 ? 'none' : defaults.formats.join(',');
  return command
    .option('--format <format>', `write a report in this format into --out (repeatable: ${reportFormats.join(', ')}; default ${fallback})`, collectOption)
    .option('--out <dir>', 'output folder: report files and traces/', defaultReportDir)
    .addOption(new Option('--baseline <file>', `accepted findings (default: ${defaultBaselineFile} when present)`))
    .option('--no-baseline', 'ignore any baseline')
    .option('--update-baseline', 'accept the findings of this run: write them into the baseline file');
}

export function resolveReportRequest(flags: ReportFlags, defaults: { readonly formats?: readonly ReportFormat[] } = {}): ReportRequest {
  const parsed = parseFormats(flags.format ?? []);
  if (!parsed.ok) throw new InputError(parsed.message);
  const formats = flags.format === undefined ? (defaults.formats ?? []) : parsed.formats;
  const baseline =
    flags.baseline === false
      ? undefined
      : flags.baseline === undefined
        ? { file: defaultBaselineFile, required: false }
        : { file: flags.baseline, required: true };
  if (flags.updateBaseline === true && baseline === undefined) throw new InputError('--update-baseline needs a baseline file: drop --no-baseline');
  const outDir = flags.out ?? defaultReportDir;
  requireWritableFolder('--out', outDir);
  return { formats, outDir, baseline, updateBaseline: flags.updateBaseline === true };
}

/** Checks before any search that `dir` is (or can be made) a folder this process writes into: a file, an
 *  unwritable place or a pseudo file system is one line, exit 2, not a stack trace after the search. */
export function requireWritableFolder(flag: string, dir: string): void {
  if (/^\/(proc|sys|dev)(\/|$)/.test(dir)) throw new InputError(`${flag} ${dir}: not a place for reports (a system file system)`);
  try {
    if (existsSync(dir) && !statSync(dir).isDirectory()) throw new InputError(`${flag} ${dir}: is a file, not a folder`);
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${flag} ${dir}: cannot write there (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Reads the baseline named by the request; absent and optional gives undefined. */
export function readBaseline(request: ReportRequest): Baseline | undefined {
  const b = request.baseline;
  // A missing file is fine when optional (the default) or about to be written (--update-baseline creates it).
  if (b === undefined || ((!b.required || request.updateBaseline) && !existsSync(b.file))) return undefined;
  const read = parseBaseline(readJsonFile('baseline', b.file));
  if (!read.ok) throw new InputError(`baseline ${b.file}: ${read.message}`);
  return read.baseline;
}

export interface EmitOptions {
  /** The command's own exit code, used when no baseline was read. */
  readonly exitCode: ExitCode;
  /** Messages go to standard error when standard output carries JSON. */
  readonly json: boolean;
}

/** Compares with the baseline, writes the reports, updates the baseline when asked; returns the exit code. */
export function emitReport(ctx: CliContext, report: Report, request: ReportRequest, options: EmitOptions): ExitCode {
  const say = options.json ? ctx.err : ctx.out;
  const previous = readBaseline(request);
  // A baseline with no entry for this command does not speak about it: its findings are judged as without
  // one (same exit code), rather than each printed as new.
  const applies = previous !== undefined && (previous.commands?.includes(report.command) === true || previous.findings.some((f) => f.command === report.command));
  let comparison: BaselineComparison | undefined = applies ? compareBaseline(report, previous) : undefined;
  if (request.updateBaseline && request.baseline !== undefined) {
    const next = updatedBaseline(report, previous);
    mkdirSync(dirname(request.baseline.file), { recursive: true });
    writeFileSync(request.baseline.file, `${JSON.stringify(next, null, 2)}\n`);
    say(`baseline: wrote ${request.baseline.file} (${next.findings.length} accepted finding(s))\n`);
    comparison = compareBaseline(report, next);
  }
  if (comparison !== undefined) for (const line of describeComparison(comparison)) say(`baseline: ${line}\n`);
  if (request.formats.length > 0) {
    const written = writeReports(request.outDir, request.formats, { report, ...(comparison === undefined ? {} : { comparison }) });
    const traces = written.traces.length === 0 ? '' : `; ${written.traces.length} trace file(s) in ${join(request.outDir, 'traces')}`;
    say(`reports: ${written.reports.join(', ')}${traces}\n`);
  }
  return comparison === undefined ? options.exitCode : (comparison.exitCode as ExitCode);
}
