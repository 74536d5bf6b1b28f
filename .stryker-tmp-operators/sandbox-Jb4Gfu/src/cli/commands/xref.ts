// `trecheck xref FILE [--analysis FILE]`: lints the [tx cmy] cross-references of a TRE function text
// against trecheck's catalogue or a given threat analysis. Exit 1 on malformed, unknown or void references.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { catalogueView } from '../../../properties/catalogue/counterMeasureCatalogue.ts';
import { buildXrefReport, formatXrefReport, xrefReportJson } from '../../text/buildXrefReport.ts';
import { extractRequirements } from '../../text/extractRequirements.ts';
import { buildCounterMeasureIndex, type CounterMeasureIndex } from '../../text/CounterMeasureIndex.ts';
import { countDefects } from '../../text/Finding.ts';
import { findReferences } from '../../text/findReferences.ts';
import { parseThreatAnalysis } from '../../text/parseThreatAnalysis.ts';
import { targetsFromAnalysis, targetsFromCatalogue, type ReferenceTargets } from '../../text/ReferenceTargets.ts';
import type { CliContext } from '../CliContext.ts';
import { ExitCode } from '../exitCodes.ts';
import { InputError } from '../InputError.ts';
import { loadText } from '../loadText.ts';
import { maxBytesFlags, maxBytesHelp, parseMaxBytes } from '../maxBytesOption.ts';
import { collectProvenance } from '../../report/collectProvenance.ts';
import { reportFromFindings } from '../../report/fromFindings.ts';
import { addReportOptions, emitReport, resolveReportRequest, type ReportFlags } from '../reportOptions.ts';

/** The targets, and with --analysis the counter-measure texts the meaning check compares sentences with. */
function targets(analysisFile: string | undefined, maxBytes: number | undefined): { targets: ReferenceTargets; meaning?: CounterMeasureIndex } {
  if (analysisFile === undefined) return { targets: targetsFromCatalogue(catalogueView) };
  const analysis = parseThreatAnalysis(loadText(analysisFile, maxBytes));
  const found = analysis === undefined ? undefined : targetsFromAnalysis(analysis);
  const meaning = analysis === undefined ? undefined : buildCounterMeasureIndex(analysis);
  if (found === undefined || meaning === undefined) throw new InputError(`${analysisFile}: no threat analysis of Alternative 1 found (expected "Threat #n" entries under a clause titled "Alternative 1")`);
  return { targets: found, meaning };
}

export function registerXref(program: Command, ctx: CliContext): void {
  const command = program
    .command('xref')
    .description('lint the [tx cmy] cross-references of a TRE function text: malformed, unknown or void references, and coverage')
    .argument('<file>', 'TRE function text (TR 33.812 5.1.2)')
    .option('--analysis <file>', 'threat analysis to check against (default: trecheck\'s own counter-measure catalogue); also checks the meaning of each reference against its counter-measure texts')
    .option('--json', 'print the report as JSON')
    .option(maxBytesFlags, maxBytesHelp);
  addReportOptions(command).action((file: string, options: ReportFlags & { analysis?: string; json?: boolean; maxBytes?: string }) => {
      const request = resolveReportRequest(options);
      const maxBytes = parseMaxBytes(options.maxBytes);
      const source = loadText(file, maxBytes);
      const to = targets(options.analysis, maxBytes);
      if (findReferences(source.lines).length === 0 && extractRequirements(source).wholeText) {
        throw new InputError(`${file}: no TRE function text found (no [tx cmy] reference and no clause titled "Trusted Environment" or "... Functions of a TRE")`);
      }
      const report = buildXrefReport(source, to.targets, to.meaning);
      ctx.out(options.json === true ? `${JSON.stringify(xrefReportJson(report), null, 2)}\n` : formatXrefReport(report));
      const model = reportFromFindings({
        command: 'xref',
        title: `xref ${file}`,
        files: [report.file],
        findings: report.findings,
        provenance: collectProvenance({ file, analysis: options.analysis ?? null, targets: report.targets, formats: request.formats }),
        // Checked against another analysis text, the findings differ: a baseline entry remembers which one.
        ...(options.analysis === undefined ? {} : { findingOptions: { analysis: createHash('sha256').update(readFileSync(options.analysis)).digest('hex').slice(0, 16) } }),
      });
      const exitCode = countDefects(report.findings) > 0 ? ExitCode.violated : ExitCode.ok;
      ctx.exit(emitReport(ctx, model, request, { exitCode, json: options.json === true }));
    });
}
