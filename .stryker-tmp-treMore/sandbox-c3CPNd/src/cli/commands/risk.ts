// `trecheck risk FILE`: reads a threat analysis (TR 33.812 clause 7) and reports where it disagrees with
// itself or with trecheck's counter-measure catalogue. Exit 1 on defects, 2 when FILE is not a threat analysis.
import type { Command } from 'commander';
import { catalogueView } from '../../../properties/catalogue/counterMeasureCatalogue.ts';
import { buildRiskReport, formatRiskReport, riskReportJson } from '../../text/buildRiskReport.ts';
import { countDefects } from '../../text/Finding.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';
import { loadText } from '../loadText.ts';
import { maxBytesFlags, maxBytesHelp, parseMaxBytes } from '../maxBytesOption.ts';
import { collectProvenance } from '../../report/collectProvenance.ts';
import { reportFromFindings } from '../../report/fromFindings.ts';
import { addReportOptions, emitReport, resolveReportRequest, type ReportFlags } from '../reportOptions.ts';

export function registerRisk(program: Command, ctx: CliContext): void {
  const command = program
    .command('risk')
    .description('read a threat analysis (TR 33.812 clause 7): risk table, self-consistency, counter-measure numbering, catalogue cross-check')
    .argument('<file>', 'text of clause 7 (threat analysis)')
    .option('--no-catalogue', "do not cross-check against trecheck's counter-measure catalogue (for other analyses)")
    .option('--json', 'print the report as JSON')
    .option(maxBytesFlags, maxBytesHelp);
  addReportOptions(command).action((file: string, options: ReportFlags & { json?: boolean; catalogue: boolean; maxBytes?: string }) => {
      const request = resolveReportRequest(options);
      const report = buildRiskReport(loadText(file, parseMaxBytes(options.maxBytes)), options.catalogue ? catalogueView : undefined);
      if (report === undefined) {
        throw new InputError(`${file}: no threat analysis found (expected clause 7 text with "Threat #n" entries giving Likelihood, Impact and Risk Level)`);
      }
      ctx.out(options.json === true ? `${JSON.stringify(riskReportJson(report), null, 2)}\n` : formatRiskReport(report));
      const model = reportFromFindings({
        command: 'risk',
        title: `risk ${file}`,
        files: [report.analysis.file],
        findings: report.findings,
        provenance: collectProvenance({ file, catalogue: options.catalogue, formats: request.formats }),
      });
      const exitCode = countDefects(report.findings) > 0 ? ExitCode.violated : ExitCode.ok;
      ctx.exit(emitReport(ctx, model, request, { exitCode, json: options.json === true }));
    });
}
