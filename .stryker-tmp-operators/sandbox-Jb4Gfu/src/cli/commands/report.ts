// `trecheck report FILE.json --format ...`: re-renders a saved report (report.json of any command) in other
// formats, and against a baseline, without re-running anything. The file is validated against its schema.
import type { Command } from 'commander';
import { parseReport } from '../../report/reportSchema.ts';
import type { CliContext } from '../CliContext.ts';
import { InputError } from '../InputError.ts';
import { readJsonFile } from '../readJsonFile.ts';
import { addReportOptions, emitReport, resolveReportRequest, type ReportFlags } from '../reportOptions.ts';
import { reportExitCode, reportFindings } from '../../report/reportFindings.ts';
import { reportFormats } from '../../report/ReportFormat.ts';

export function registerReport(program: Command, ctx: CliContext): void {
  const command = program
    .command('report')
    .description('re-render a saved report.json in other formats (and against a baseline) without re-running it; exit code as the run had')
    .argument('<file>', 'a report.json written by --format json');
  addReportOptions(command, { formats: reportFormats }).action((file: string, flags: ReportFlags) => {
    const request = resolveReportRequest(flags, { formats: reportFormats });
    const read = parseReport(readJsonFile('report', file));
    if (!read.ok) throw new InputError(`${file}: ${read.message}`);
    const report = read.report;
    ctx.out(`${report.title}: ${report.scenarios.length} scenario(s), ${reportFindings(report).length} finding(s), recorded by trecheck ${report.provenance.version}\n`);
    ctx.exit(emitReport(ctx, report, request, { exitCode: reportExitCode(report), json: false }));
  });
}
